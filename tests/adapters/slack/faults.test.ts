// Web API and response_url failures through the real Bolt app: a 429 is retried after its Retry-After and the
// answer still arrives; a post that may have reached Slack (5xx, timeout) is not sent twice; a response_url's
// 5xx is retried (a response_url post is all-or-nothing); a final failure (404) is not retried.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSlack } from "../../../src/adapters/slack/index.js";
import { APOLOGY_TEXT } from "../../../src/adapters/slack/listeners.js";
import {
  BOT_USER_ID,
  eventually,
  type SlackApiStandIn,
  startSlackApiStandIn,
} from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { SIGNING_SECRET as SECRET, startHttpSlack } from "../../helpers/slack-http.js";
import { eventCallback, type SlackBody, sendToApp, slashCommand } from "../../helpers/slack-requests.js";

describe("Slack adapter, Web API faults", () => {
  let api: SlackApiStandIn;
  let slack: RunningSlack;
  let events: string;
  let n = 0;
  const send = (body: SlackBody) => sendToApp(events, body, { secret: SECRET });
  const mention = (channel: string) =>
    eventCallback(`Ev-fault-${++n}`, {
      type: "app_mention",
      user: "U0001",
      channel,
      text: `<@${BOT_USER_ID}> /gap compute`,
      ts: `1700000${n}.000100`,
    });
  const postedTo = (channel: string) =>
    eventually(() => api.callsTo("chat.postMessage").find((c) => c.body.channel === channel), 8000);

  beforeAll(async () => {
    api = await startSlackApiStandIn();
    // The adapter's production retry count.
    ({ slack, events } = await startHttpSlack(
      api,
      { core: fixtureCore() },
      {},
      { retries: 2, webApiTimeoutMs: 500 },
    ));
  });

  afterAll(async () => {
    await slack?.stop();
    await api?.close();
  });

  it("given chat.postMessage answering 429 with Retry-After 1, waits that second and posts the answer", async () => {
    api.failNext("chat.postMessage", 429, 1, 1);
    const started = Date.now();
    await send(mention("C-429"));
    const post = await postedTo("C-429");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(String(post.body.text)).not.toBe("");
    expect(api.callsTo("chat.postMessage").filter((c) => c.body.channel === "C-429")).toHaveLength(1);
  });

  // A post that failed after reaching Slack may have been posted: it is not sent again, and the apology follows.
  it("given chat.postMessage failing with 503, does not post the answer again; the apology follows", async () => {
    api.failNext("chat.postMessage", 503, 1);
    await send(mention("C-503"));
    const apology = await postedTo("C-503");
    expect(apology.body.text).toBe(APOLOGY_TEXT);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(api.callsTo("chat.postMessage").filter((c) => c.body.channel === "C-503")).toHaveLength(1);
  });

  it("given chat.postMessage hanging past its deadline, does not try the answer again; the apology follows", async () => {
    api.hangNext("chat.postMessage", 1);
    const started = Date.now();
    await send(mention("C-hung"));
    const apology = await postedTo("C-hung");
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(apology.body.text).toBe(APOLOGY_TEXT);
    expect(apology.body.thread_ts).toBeDefined();
  });

  it("given response_url answering 429 then 500, the slash command's answer still arrives, once", async () => {
    api.failNext("respond", 429, 1);
    await send(slashCommand("/gap", "compute", api.responseUrl("flaky")));
    await eventually(() => api.responsesTo("flaky").length > 0);
    api.failNext("respond", 500, 1);
    await send(slashCommand("/gap", "compute", api.responseUrl("flaky-2")));
    const [reply] = await eventually(() => {
      const r = api.responsesTo("flaky-2");
      return r.length > 0 && r;
    });
    expect(reply?.body.response_type).toBe("ephemeral");
    expect(String(reply?.body.text)).toContain("2400");
    expect(api.responsesTo("flaky")).toHaveLength(1);
  });

  it("given response_url answering 404 (expired), does not retry the answer", async () => {
    api.failNext("respond", 404, 1);
    await send(slashCommand("/gap", "compute", api.responseUrl("gone")));
    // The answer's one try fails for good; the apology that follows is the only post that lands.
    const [apology] = await eventually(() => {
      const r = api.responsesTo("gone");
      return r.length > 0 && r;
    });
    expect(String(apology?.body.text)).toContain("Sorry, something went wrong");
    await new Promise((r) => setTimeout(r, 400));
    expect(api.responsesTo("gone")).toHaveLength(1);
  });
});
