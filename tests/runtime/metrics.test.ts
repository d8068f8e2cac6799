// GET /metrics: Prometheus text with what the bot answered, refused and dropped, Redis's state, event-loop lag
// and the knowledge version; served by the health server and by Slack's HTTP receiver, without tokens.
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningSlack } from "../../src/adapters/slack/index.js";
import type { Card } from "../../src/core/card.js";
import { startHealthServer } from "../../src/runtime/health-server.js";
import { Metrics } from "../../src/runtime/metrics.js";
import { MemoryRateLimiter } from "../../src/runtime/rate-limit.js";
import type { RedisState } from "../../src/state/redis.js";
import { eventually, type SlackApiStandIn, startSlackApiStandIn } from "../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../helpers/slack-core.js";
import { startHttpSlack } from "../helpers/slack-http.js";
import { slashCommand } from "../helpers/slack-requests.js";

const card = (kind: Card["kind"]): Card => ({
  kind,
  title: "t",
  headline: "h",
  fields: [],
  citations: [],
  suggestions: [],
});

/** The value of one sample line, by its name and labels as Prometheus writes them. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("Metrics", () => {
  const core = fixtureCore();

  it("counts answers by platform, command and kind, times them, and counts not-found apart", async () => {
    const metrics = new Metrics({ knowledge: () => core.knowledge });
    metrics.answered("slack", "gap", card("gap"), 0.0004);
    metrics.answered("slack", "gap", card("gap"), 0.002);
    metrics.answered("discord", "ask", card("not_found"), 0.0003);
    metrics.answered("console", "ask", card("gap"), 0.001);
    const { body, contentType } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(body, 'gapbot_answers_total{platform="slack",command="gap",kind="gap"}')).toBe(2);
    expect(sample(body, 'gapbot_answers_total{platform="discord",command="ask",kind="not_found"}')).toBe(1);
    expect(body).not.toContain('platform="console"');
    expect(sample(body, 'gapbot_not_found_total{platform="discord"}')).toBe(1);
    expect(sample(body, 'gapbot_answer_duration_seconds_bucket{le="0.0005",platform="slack"}')).toBe(1);
    expect(sample(body, 'gapbot_answer_duration_seconds_count{platform="slack"}')).toBe(2);
  });

  it("counts refusals, drops, platform errors and retries", async () => {
    const metrics = new Metrics({ knowledge: () => core.knowledge });
    metrics.rateLimited("slack");
    metrics.deduplicated("slack");
    metrics.deduplicated("slack");
    metrics.apiError("discord");
    metrics.apiRetry("slack");
    metrics.fellBack("dedupe");
    const { body } = await metrics.render();
    expect(sample(body, 'gapbot_rate_limited_total{platform="slack"}')).toBe(1);
    expect(sample(body, 'gapbot_deduplicated_total{platform="slack"}')).toBe(2);
    expect(sample(body, 'gapbot_platform_api_errors_total{platform="discord"}')).toBe(1);
    expect(sample(body, 'gapbot_platform_api_retries_total{platform="slack"}')).toBe(1);
    expect(sample(body, 'gapbot_redis_fallbacks_total{store="dedupe"}')).toBe(1);
  });

  it("reports the knowledge answered from, read at each scrape, and event-loop lag", async () => {
    let knowledge = core.knowledge;
    const metrics = new Metrics({ knowledge: () => knowledge });
    const first = (await metrics.render()).body;
    expect(sample(first, "gapbot_knowledge_facts")).toBe(core.knowledge.facts.length);
    expect(sample(first, "gapbot_knowledge_sources")).toBe(core.knowledge.sources.length);
    const info = /gapbot_knowledge_info\{version="([0-9a-f]{12})",sources="([^"]+)"\} 1/.exec(first);
    expect(info?.[2]).toBe(core.knowledge.sources.map((s) => s.id).join(","));
    expect(first).toMatch(/^gapbot_nodejs_eventloop_lag_seconds \d/m);

    knowledge = { ...core.knowledge, facts: core.knowledge.facts.slice(1) };
    const second = (await metrics.render()).body;
    expect(sample(second, "gapbot_knowledge_facts")).toBe(core.knowledge.facts.length - 1);
    const version = /gapbot_knowledge_info\{version="([0-9a-f]{12})"/.exec(second)?.[1];
    expect(version).toBeDefined();
    expect(version).not.toBe(info?.[1]);
    expect(second.match(/^gapbot_knowledge_info\{/gm)).toHaveLength(1);
  });

  it("shows Redis up or down when configured, and nothing of it without", async () => {
    let state: RedisState = "up";
    const withRedis = new Metrics({ knowledge: () => core.knowledge, redis: () => state });
    expect(sample((await withRedis.render()).body, "gapbot_redis_up")).toBe(1);
    state = "down";
    expect(sample((await withRedis.render()).body, "gapbot_redis_up")).toBe(0);
    const without = new Metrics({ knowledge: () => core.knowledge });
    expect((await without.render()).body).not.toContain("gapbot_redis_up");
  });
});

describe("GET /metrics", () => {
  let server: Server | undefined;
  let api: SlackApiStandIn | undefined;
  let slack: RunningSlack | undefined;
  afterEach(async () => {
    await slack?.stop();
    await api?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server = slack = api = undefined;
  });

  it("is served beside /healthz by the health server", async () => {
    const metrics = new Metrics({ knowledge: () => fixtureCore().knowledge });
    server = await startHealthServer(0, () => true, "127.0.0.1", metrics);
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toContain("gapbot_knowledge_facts");
  });

  it("is served by Slack's receiver, without a signature, and counts a command and its redelivery", async () => {
    api = await startSlackApiStandIn();
    const core = fixtureCore();
    const metrics = new Metrics({ knowledge: () => core.knowledge });
    const limits = { limiter: new MemoryRateLimiter(), perUserPerMinute: 1, perChannelPerMinute: 60 };
    const started = await startHttpSlack(api, { core, metrics, rateLimit: limits });
    slack = started.slack;
    const body = slashCommand("/gap", "compute", api.responseUrl("m1"));
    expect((await started.send(body)).status).toBe(200);
    expect((await started.send(body, { retryNum: 1 })).status).toBe(200);
    await eventually(() => api?.responsesTo("m1").length === 1);
    // The same user again, a new command: over the limit of one a minute.
    const again = slashCommand("/gap", "compute", api.responseUrl("m2")).body.replace(
      /trigger_id=[^&]+/,
      "trigger_id=another",
    );
    await started.send({ body: again, contentType: "application/x-www-form-urlencoded" });
    await eventually(() => api?.responsesTo("m2").length === 1);

    const res = await fetch(`http://127.0.0.1:${slack.port}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^gapbot_answers_total\{platform="slack",command="gap",kind="[a-z_]+"\} 1$/m);
    expect(sample(text, 'gapbot_deduplicated_total{platform="slack"}')).toBe(1);
    expect(sample(text, 'gapbot_rate_limited_total{platform="slack"}')).toBe(1);
    expect(api.responsesTo("m1")).toHaveLength(1);
  });
});
