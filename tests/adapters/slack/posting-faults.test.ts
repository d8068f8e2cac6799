// Posting faults through the real Bolt app and WebClient against the Web API stand-in: a post slower than its
// deadline is not posted twice; one channel's 429 holds back that channel alone; a response_url's 429 is
// retried after its Retry-After while the URL lives, and given up when Slack's wait outlasts it.

import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { boltLogger } from "../../../src/adapters/slack/bolt-logger.js";
import { APOLOGY_TEXT } from "../../../src/adapters/slack/listeners.js";
import { retryAfterHeaderMs } from "../../../src/adapters/slack/response-url.js";
import { nothingPosted } from "../../../src/adapters/slack/web-api-posts.js";
import { silentLogger } from "../../../src/log.js";
import { eventually } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { httpSlackForTests } from "../../helpers/slack-http.js";
import { mentionMaker, slashCommand } from "../../helpers/slack-requests.js";

const quiet = boltLogger(silentLogger());

describe("Slack adapter, posting faults", () => {
  // Production retries; a short deadline so that a slow post outlasts it quickly.
  const app = httpSlackForTests({ core: fixtureCore() }, {}, { retries: 2, webApiTimeoutMs: 400 });
  const send = app.send;
  const mention = mentionMaker("post");
  const postsTo = app.postsTo;

  it("given chat.postMessage answering after its deadline, the answer is posted once, never again", async () => {
    app.api.slowNext("chat.postMessage", 900);
    await send(mention("C-slow"));
    await eventually(() => postsTo("C-slow").length > 0);
    // Long enough for every retry the old policy made (250 ms, 500 ms after each 400 ms deadline).
    await new Promise((r) => setTimeout(r, 2_500));
    const answers = postsTo("C-slow").filter((c) => c.body.text !== APOLOGY_TEXT);
    expect(answers).toHaveLength(1);
  });

  it("given a 429 with Retry-After 2 in one channel, another channel's answer is not held back", async () => {
    app.api.failNext("chat.postMessage", 429, 1, 2);
    const startedA = Date.now();
    await send(mention("C-busy"));
    await eventually(() => app.api.failuresAnswered("chat.postMessage") > 0);
    const startedB = Date.now();
    await send(mention("C-calm"));
    await eventually(() => postsTo("C-calm").length > 0);
    expect(Date.now() - startedB).toBeLessThan(1_000);
    expect(postsTo("C-busy")).toHaveLength(0);
    // The busy channel's answer follows once its own Retry-After has passed.
    await eventually(() => postsTo("C-busy").length > 0, 5_000);
    expect(Date.now() - startedA).toBeGreaterThanOrEqual(2_000);
    expect(postsTo("C-busy")[0]?.body.text).not.toBe(APOLOGY_TEXT);
  });

  it("a refused connection proves nothing was posted; a timed-out one does not (the real WebClient's errors)", async () => {
    // A port that was just free: nothing listens there, so the connection is refused.
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    const closed = new webApi.WebClient("xoxb-t", {
      slackApiUrl: `http://127.0.0.1:${port}/api/`,
      logger: quiet,
      retryConfig: { retries: 0 },
    });
    const refused = await closed.chat.postMessage({ channel: "C1", text: "x" }).catch((e: unknown) => e);
    expect(nothingPosted(refused)).toBe(true);
    app.api.hangNext("chat.postMessage", 1);
    const slow = new webApi.WebClient("xoxb-t", {
      slackApiUrl: app.api.url,
      retryConfig: { retries: 0 },
      timeout: 200,
    });
    const timedOut = await slow.chat.postMessage({ channel: "C1", text: "x" }).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(Error);
    expect(nothingPosted(timedOut)).toBe(false);
  });

  it.each([2, 3])(
    "given response_url rate limited with Retry-After %i, answers after that wait instead of apologising",
    async (seconds) => {
      const id = `limited-${seconds}`;
      app.api.rateLimit("respond", seconds);
      const started = Date.now();
      await send(slashCommand("/gap", "compute", app.api.responseUrl(id)));
      const [reply] = await eventually(
        () => app.api.responsesTo(id).length > 0 && app.api.responsesTo(id),
        8_000,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(seconds * 1000 - 100);
      expect(String(reply?.body.text)).toContain("2400");
      expect(app.api.responsesTo(id)).toHaveLength(1);
    },
    15_000,
  );

  it("given a Retry-After past the response_url's 30 minutes, gives up at once within its 5 uses", async () => {
    const id = "limited-for-an-hour";
    app.api.rateLimit("respond", 3600);
    await send(slashCommand("/gap", "compute", app.api.responseUrl(id)));
    await eventually(() => app.api.failuresAnswered("respond", id) > 0);
    await eventually(() => app.slack.pending?.() === 0, 2_000);
    expect(app.api.responsesTo(id)).toHaveLength(0);
    expect(app.api.failuresAnswered("respond", id)).toBeLessThanOrEqual(5);
    app.api.rateLimit("respond", 0);
  });
});

describe("retryAfterHeaderMs", () => {
  it("reads seconds and HTTP dates, and nothing from a missing or unreadable header", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterHeaderMs("3", now)).toBe(3000);
    expect(retryAfterHeaderMs("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(retryAfterHeaderMs(null, now)).toBeUndefined();
    expect(retryAfterHeaderMs("soon", now)).toBeUndefined();
  });
});
