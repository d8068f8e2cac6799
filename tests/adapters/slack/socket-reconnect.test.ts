// Socket Mode after a dropped socket: Bolt's client asks apps.connections.open for a new URL, reconnects,
// and the next envelope is answered. Health follows the connection meanwhile.
import { describe, expect, it } from "vitest";
import { eventually } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { slashCommandEnvelope, socketSlackForTests } from "../../helpers/slack-socket.js";

describe("Slack adapter, Socket Mode reconnect", () => {
  const under = socketSlackForTests(fixtureCore());

  it("given the socket dropped, reconnects with a fresh URL and answers the next slash command", async () => {
    expect(under.slack.healthy()).toBe(true);
    under.socket.drop();
    // Unhealthy from the drop itself, not only once the client's 5 s back-off ends.
    await eventually(() => !under.slack.healthy(), 1000);
    await eventually(() => under.socket.connections() === 1 && under.slack.healthy(), 15_000);
    expect(under.api.callsTo("apps.connections.open").length).toBeGreaterThanOrEqual(2);

    under.socket.deliver(slashCommandEnvelope("env-after-drop", under.api.responseUrl("after-drop")));
    const [reply] = await eventually(
      () => under.api.responsesTo("after-drop").length > 0 && under.api.responsesTo("after-drop"),
    );
    expect(String(reply?.body.text)).toContain("2400");
    expect(under.socket.received.some((m) => m.envelope_id === "env-after-drop")).toBe(true);
  }, 25_000);
});
