// User text through the boundary schema in the real Bolt app: control and zero-width characters in a slash
// command or a DM are gone before the core sees them, so the answer is the clean text's answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSlack } from "../../../src/adapters/slack/index.js";
import { renderSlack } from "../../../src/adapters/slack/render.js";
import { requestFromQuery } from "../../../src/adapters/slack/requests.js";
import { eventually, type SlackApiStandIn, startSlackApiStandIn } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { SIGNING_SECRET as SECRET, startHttpSlack } from "../../helpers/slack-http.js";
import { eventCallback, sendToApp, slashCommand } from "../../helpers/slack-requests.js";

describe("Slack adapter, hostile input", () => {
  const core = fixtureCore();
  let api: SlackApiStandIn;
  let slack: RunningSlack;
  let events: string;

  beforeAll(async () => {
    api = await startSlackApiStandIn();
    ({ slack, events } = await startHttpSlack(api, { core }, { replyVisibility: "in_channel" }));
  });

  afterAll(async () => {
    await slack?.stop();
    await api?.close();
  });

  it("given a slash command with NUL, zero-width and bidi characters, answers as for the clean text", async () => {
    await sendToApp(events, slashCommand("/gap", "\u0000com\u200bpute\u202e\r\n", api.responseUrl("dirty")), {
      secret: SECRET,
    });
    const [reply] = await eventually(() => api.responsesTo("dirty").length > 0 && api.responsesTo("dirty"));
    const query = "/gap compute";
    expect(reply?.body).toEqual({
      response_type: "in_channel",
      ...renderSlack(core.answer(requestFromQuery(query)), { query }),
    });
  });

  it("given a DM of 100,000 characters, answers with the polite 'too long' card", async () => {
    await sendToApp(
      events,
      eventCallback("Ev-long-dm", {
        type: "message",
        channel_type: "im",
        channel: "D0LONG",
        user: "U0001",
        text: "compute ".repeat(12_500),
        ts: "1700000900.000100",
      }),
      { secret: SECRET },
    );
    const post = await eventually(() =>
      api.callsTo("chat.postMessage").find((c) => c.body.channel === "D0LONG"),
    );
    expect(String(post.body.text)).toContain("please keep it under 500");
  });
});
