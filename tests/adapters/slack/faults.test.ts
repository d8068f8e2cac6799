// Web API and response_url failures through the real Bolt app: a 429 is retried after its Retry-After and the
// answer still arrives; a post that may have reached Slack (5xx, timeout) is not sent twice; a response_url's
// 5xx is retried (a response_url post is all-or-nothing); a final failure (404) is not retried.
import { describe, expect, it } from "vitest";
import { APOLOGY_TEXT } from "../../../src/adapters/slack/listeners.js";
import { eventually } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { httpSlackForTests } from "../../helpers/slack-http.js";
import { mentionMaker, slashCommand } from "../../helpers/slack-requests.js";

describe("Slack adapter, Web API faults", () => {
  // The adapter's production retry count.
  const app = httpSlackForTests({ core: fixtureCore() }, {}, { retries: 2, webApiTimeoutMs: 500 });
  const send = app.send;
  const mention = mentionMaker("fault");
  const postedTo = (channel: string) => eventually(() => app.postsTo(channel)[0], 8000);

  it("given chat.postMessage answering 429 with Retry-After 1, waits that second and posts the answer", async () => {
    app.api.failNext("chat.postMessage", 429, 1, 1);
    const started = Date.now();
    await send(mention("C-429"));
    const post = await postedTo("C-429");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(String(post.body.text)).not.toBe("");
    expect(app.postsTo("C-429")).toHaveLength(1);
  });

  // A post that failed after reaching Slack may have been posted: it is not sent again, and the apology follows.
  it("given chat.postMessage failing with 503, does not post the answer again; the apology follows", async () => {
    app.api.failNext("chat.postMessage", 503, 1);
    await send(mention("C-503"));
    const apology = await postedTo("C-503");
    expect(apology.body.text).toBe(APOLOGY_TEXT);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(app.postsTo("C-503")).toHaveLength(1);
  });

  it("given chat.postMessage hanging past its deadline, does not try the answer again; the apology follows", async () => {
    app.api.hangNext("chat.postMessage", 1);
    const started = Date.now();
    await send(mention("C-hung"));
    const apology = await postedTo("C-hung");
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(apology.body.text).toBe(APOLOGY_TEXT);
    expect(apology.body.thread_ts).toBeDefined();
  });

  it("given response_url answering 429 then 500, the slash command's answer still arrives, once", async () => {
    app.api.failNext("respond", 429, 1);
    await send(slashCommand("/gap", "compute", app.api.responseUrl("flaky")));
    await eventually(() => app.api.responsesTo("flaky").length > 0);
    app.api.failNext("respond", 500, 1);
    await send(slashCommand("/gap", "compute", app.api.responseUrl("flaky-2")));
    const [reply] = await eventually(() => {
      const r = app.api.responsesTo("flaky-2");
      return r.length > 0 && r;
    });
    expect(reply?.body.response_type).toBe("ephemeral");
    expect(String(reply?.body.text)).toContain("2400");
    expect(app.api.responsesTo("flaky")).toHaveLength(1);
  });

  it("given response_url answering 404 (expired), does not retry the answer", async () => {
    app.api.failNext("respond", 404, 1);
    await send(slashCommand("/gap", "compute", app.api.responseUrl("gone")));
    // The answer's one try fails for good; the apology that follows is the only post that lands.
    const [apology] = await eventually(() => {
      const r = app.api.responsesTo("gone");
      return r.length > 0 && r;
    });
    expect(String(apology?.body.text)).toContain("Sorry, something went wrong");
    await new Promise((r) => setTimeout(r, 400));
    expect(app.api.responsesTo("gone")).toHaveLength(1);
  });
});
