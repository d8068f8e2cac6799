// The real Bolt app in Socket Mode against a local WebSocket stand-in: apps.connections.open comes from the
// Web API stand-in (through settings.apiUrl), envelopes come over the socket, acks go back over it.
import { describe, expect, it } from "vitest";
import { ACTION_SHOW_SOURCES, renderSlack, renderSlackSources } from "../../../src/adapters/slack/render.js";
import { buttonValue, requestFromQuery } from "../../../src/adapters/slack/requests.js";
import { BOT_USER_ID, eventually } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { blockActionsPayload, eventCallbackPayload } from "../../helpers/slack-requests.js";
import {
  SOCKET_APP_TOKEN as APP_TOKEN,
  SOCKET_BOT_TOKEN as BOT_TOKEN,
  slashCommandEnvelope,
  socketSlackForTests,
} from "../../helpers/slack-socket.js";

describe("Slack adapter, Socket Mode", () => {
  const core = fixtureCore();
  const under = socketSlackForTests(core);
  const ackOf = (id: string) => eventually(() => under.socket.received.find((m) => m.envelope_id === id));

  it("connects with the app-level token, checks the bot token, and listens on no port", () => {
    expect(under.api.callsTo("apps.connections.open").map((c) => c.token)).toEqual([APP_TOKEN]);
    expect(under.api.callsTo("auth.test").map((c) => c.token)).toEqual([BOT_TOKEN]);
    expect(under.socket.connections()).toBe(1);
    expect(under.slack.healthy()).toBe(true);
    expect(under.slack.port).toBeUndefined();
  });

  it("given a slash command envelope, acks it over the socket and answers through response_url", async () => {
    under.socket.deliver(slashCommandEnvelope("env-cmd", under.api.responseUrl("socket-cmd")));
    expect(await ackOf("env-cmd")).toEqual({ envelope_id: "env-cmd", payload: {} });
    const [reply] = await eventually(
      () => under.api.responsesTo("socket-cmd").length > 0 && under.api.responsesTo("socket-cmd"),
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
    under.socket.deliver({ ...envelope, envelope_id: "env-ev-1" });
    await ackOf("env-ev-1");
    await eventually(() => under.api.callsTo("chat.postMessage").find((c) => c.body.thread_ts === ts));
    under.socket.deliver({ ...envelope, envelope_id: "env-ev-2", retry_attempt: 1, retry_reason: "timeout" });
    await ackOf("env-ev-2");
    // A later event's reply shows the retry has been handled.
    under.socket.deliver({
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
    await eventually(() => under.api.callsTo("chat.postMessage").find((c) => c.body.channel === "C0009"));
    expect(under.api.callsTo("chat.postMessage").filter((c) => c.body.thread_ts === ts)).toHaveLength(1);
  });

  it("given a button click envelope, acks it and replies with the sources", async () => {
    const query = "/chip 910B";
    under.socket.deliver({
      envelope_id: "env-click",
      type: "interactive",
      accepts_response_payload: false,
      payload: blockActionsPayload({
        actionId: ACTION_SHOW_SOURCES,
        value: buttonValue(query) ?? "",
        responseUrl: under.api.responseUrl("socket-click"),
        ephemeral: true,
      }),
    });
    await ackOf("env-click");
    const [reply] = await eventually(
      () => under.api.responsesTo("socket-click").length > 0 && under.api.responsesTo("socket-click"),
    );
    expect(reply?.body).toEqual({
      response_type: "ephemeral",
      replace_original: false,
      ...renderSlackSources(core.answer(requestFromQuery(query))),
    });
  });

  it("given stop(), closes the socket and reports unhealthy", async () => {
    await under.slack.stop();
    expect(under.slack.healthy()).toBe(false);
    await eventually(() => under.socket.connections() === 0);
  });
});
