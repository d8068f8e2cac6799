// Socket Mode after a dropped socket: Bolt's client asks apps.connections.open for a new URL, reconnects,
// and the next envelope is answered. Health follows the connection meanwhile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSlack, startSlack } from "../../../src/adapters/slack/index.js";
import { silentLogger } from "../../../src/log.js";
import { MemorySeenStore } from "../../../src/runtime/seen-store.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import { eventually, type SlackApiStandIn, startSlackApiStandIn } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { type SocketModeStandIn, startSocketModeStandIn } from "../../helpers/slack-socket-stand-in.js";

describe("Slack adapter, Socket Mode reconnect", () => {
  let api: SlackApiStandIn;
  let socket: SocketModeStandIn;
  let slack: RunningSlack;

  beforeAll(async () => {
    api = await startSlackApiStandIn();
    socket = await startSocketModeStandIn();
    api.answer("apps.connections.open", { ok: true, url: socket.url });
    slack = await startSlack(
      {
        mode: "socket",
        botToken: "xoxb-3333-4444-socket-test",
        appToken: "xapp-1-A0001-5555-socket-test",
        apiUrl: api.url,
        port: 0,
        replyVisibility: "ephemeral",
      },
      {
        core: fixtureCore(),
        logger: silentLogger(),
        seen: new MemorySeenStore(),
        kv: new MemoryKeyValueStore(),
      },
      { retries: 0 },
    );
  });

  afterAll(async () => {
    await slack?.stop();
    await socket?.close();
    await api?.close();
  });

  it("given the socket dropped, reconnects with a fresh URL and answers the next slash command", async () => {
    expect(slack.healthy()).toBe(true);
    socket.drop();
    // Unhealthy from the drop itself, not only once the client's 5 s back-off ends.
    await eventually(() => !slack.healthy(), 1000);
    await eventually(() => socket.connections() === 1 && slack.healthy(), 15_000);
    expect(api.callsTo("apps.connections.open").length).toBeGreaterThanOrEqual(2);

    socket.deliver({
      envelope_id: "env-after-drop",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        command: "/gap",
        text: "compute",
        team_id: "T0001",
        channel_id: "C0001",
        user_id: "U0001",
        api_app_id: "A0001",
        response_url: api.responseUrl("after-drop"),
        trigger_id: "1.2.3",
      },
    });
    const [reply] = await eventually(
      () => api.responsesTo("after-drop").length > 0 && api.responsesTo("after-drop"),
    );
    expect(String(reply?.body.text)).toContain("2400");
    expect(socket.received.some((m) => m.envelope_id === "env-after-drop")).toBe(true);
  }, 25_000);
});
