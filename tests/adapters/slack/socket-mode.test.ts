// The real Bolt app in Socket Mode against a local WebSocket stand-in: apps.connections.open comes from the
// Web API stand-in (through settings.apiUrl), envelopes come over the socket, acks go back over it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSlack, startSlack } from "../../../src/adapters/slack/index.js";
import { ACTION_SHOW_SOURCES, renderSlack, renderSlackSources } from "../../../src/adapters/slack/render.js";
import { buttonValue, requestFromQuery } from "../../../src/adapters/slack/requests.js";
import { silentLogger } from "../../../src/log.js";
import { MemorySeenStore } from "../../../src/runtime/seen-store.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import {
  BOT_USER_ID,
  eventually,
  type SlackApiStandIn,
  startSlackApiStandIn,
} from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { blockActionsPayload, eventCallbackPayload } from "../../helpers/slack-requests.js";
import { type SocketModeStandIn, startSocketModeStandIn } from "../../helpers/slack-socket-stand-in.js";

const BOT_TOKEN = "xoxb-3333-4444-socket-test";
const APP_TOKEN = "xapp-1-A0001-5555-socket-test";

describe("Slack adapter, Socket Mode", () => {
  const core = fixtureCore();
  let api: SlackApiStandIn;
  let socket: SocketModeStandIn;
  let slack: RunningSlack;
  const ackOf = (id: string) => eventually(() => socket.received.find((m) => m.envelope_id === id));

  beforeAll(async () => {
    api = await startSlackApiStandIn();
    socket = await startSocketModeStandIn();
    api.answer("apps.connections.open", { ok: true, url: socket.url });
    slack = await startSlack(
      {
        mode: "socket",
        botToken: BOT_TOKEN,
        appToken: APP_TOKEN,
        apiUrl: api.url,
        port: 0,
        replyVisibility: "ephemeral",
      },
      { core, logger: silentLogger(), seen: new MemorySeenStore(), kv: new MemoryKeyValueStore() },
      { retries: 0 },
    );
  });

  afterAll(async () => {
    await slack?.stop();
    await socket?.close();
    await api?.close();
  });

  it("connects with the app-level token, checks the bot token, and listens on no port", () => {
    expect(api.callsTo("apps.connections.open").map((c) => c.token)).toEqual([APP_TOKEN]);
    expect(api.callsTo("auth.test").map((c) => c.token)).toEqual([BOT_TOKEN]);
    expect(socket.connections()).toBe(1);
    expect(slack.healthy()).toBe(true);
    expect(slack.port).toBeUndefined();
  });

  it("given a slash command envelope, acks it over the socket and answers through response_url", async () => {
    socket.deliver({
      envelope_id: "env-cmd",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        command: "/gap",
        text: "compute",
        team_id: "T0001",
        channel_id: "C0001",
        user_id: "U0001",
        api_app_id: "A0001",
        response_url: api.responseUrl("socket-cmd"),
        trigger_id: "1.2.3",
      },
    });
    expect(await ackOf("env-cmd")).toEqual({ envelope_id: "env-cmd", payload: {} });
    const [reply] = await eventually(
      () => api.responsesTo("socket-cmd").length > 0 && api.responsesTo("socket-cmd"),
    );
    const query = "/gap compute";
    expect(reply?.body).toEqual({
      response_type: "ephemeral",
      ...renderSlack(core.answer(requestFromQuery(query)), { ephemeral: true, query }),
    });
  });

  it("given a mention delivered twice (retry_attempt 1), answers it once, in its thread", async () => {
    const ts = "1700000800.000100";
    const envelope = {
      type: "events_api" as const,
      accepts_response_payload: false,
      payload: eventCallbackPayload("Ev-socket-1", {
        type: "app_mention",
        user: "U0001",
        text: `<@${BOT_USER_ID}> /chip 910B`,
        ts,
        channel: "C0001",
      }),
    };
    socket.deliver({ ...envelope, envelope_id: "env-ev-1" });
    await ackOf("env-ev-1");
    await eventually(() => api.callsTo("chat.postMessage").find((c) => c.body.thread_ts === ts));
    socket.deliver({ ...envelope, envelope_id: "env-ev-2", retry_attempt: 1, retry_reason: "timeout" });
    await ackOf("env-ev-2");
    // A later event's reply shows the retry has been handled.
    socket.deliver({
      ...envelope,
      envelope_id: "env-ev-3",
      payload: eventCallbackPayload("Ev-socket-2", {
        type: "app_mention",
        user: "U0001",
        text: "/gapbot",
        ts: "1700000801.000100",
        channel: "C0009",
      }),
    });
    await eventually(() => api.callsTo("chat.postMessage").find((c) => c.body.channel === "C0009"));
    expect(api.callsTo("chat.postMessage").filter((c) => c.body.thread_ts === ts)).toHaveLength(1);
  });

  it("given a button click envelope, acks it and replies with the sources", async () => {
    const query = "/chip 910B";
    socket.deliver({
      envelope_id: "env-click",
      type: "interactive",
      accepts_response_payload: false,
      payload: blockActionsPayload({
        actionId: ACTION_SHOW_SOURCES,
        value: buttonValue(query) ?? "",
        responseUrl: api.responseUrl("socket-click"),
        ephemeral: true,
      }),
    });
    await ackOf("env-click");
    const [reply] = await eventually(
      () => api.responsesTo("socket-click").length > 0 && api.responsesTo("socket-click"),
    );
    expect(reply?.body).toEqual({
      response_type: "ephemeral",
      replace_original: false,
      ...renderSlackSources(core.answer(requestFromQuery(query))),
    });
  });

  it("given stop(), closes the socket and reports unhealthy", async () => {
    await slack.stop();
    expect(slack.healthy()).toBe(false);
    await eventually(() => socket.connections() === 0);
  });
});
