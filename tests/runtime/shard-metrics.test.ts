// The shard manager's GET /metrics: every shard's registry merged (counters summed, the knowledge once, Redis
// down when any shard lost it), with the manager's own shard counts; a shard that does not answer is left out.
import { describe, expect, it } from "vitest";
import type { Card } from "../../src/core/card.js";
import { Metrics } from "../../src/runtime/metrics.js";
import { type EvalShard, shardedMetrics } from "../../src/runtime/shard-metrics.js";
import type { RedisState } from "../../src/state/redis.js";
import { fixtureCore } from "../helpers/slack-core.js";

const card: Card = { kind: "gap", title: "t", headline: "h", fields: [], citations: [], suggestions: [] };
const core = fixtureCore();

/** A shard whose eval answers with its own registry, as a shard process answers the manager's eval. */
const shardOf = (metrics: Metrics): EvalShard => ({ eval: async () => metrics.registry.getMetricsAsJSON() });

function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("shardedMetrics", () => {
  it("sums the shards' answers, shows the knowledge once and Redis down when one shard lost it", async () => {
    const redis: RedisState[] = ["up", "down"];
    const [a, b] = redis.map((state) => new Metrics({ knowledge: () => core.knowledge, redis: () => state }));
    if (!a || !b) throw new Error("two shards");
    a.answered("discord", "chip", card, 0.001);
    b.answered("discord", "chip", card, 0.002);
    b.deduplicated("discord");
    const { body, contentType } = await shardedMetrics(
      () => [shardOf(a), shardOf(b)],
      () => ({ expected: 2, ready: 2 }),
    ).render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(sample(body, 'gapbot_answers_total{platform="discord",command="chip",kind="gap"}')).toBe(2);
    expect(sample(body, 'gapbot_answer_duration_seconds_count{platform="discord"}')).toBe(2);
    expect(sample(body, 'gapbot_deduplicated_total{platform="discord"}')).toBe(1);
    expect(sample(body, "gapbot_knowledge_facts")).toBe(core.knowledge.facts.length);
    expect(sample(body, "gapbot_redis_up")).toBe(0);
    expect(sample(body, "gapbot_shards")).toBe(2);
    expect(sample(body, "gapbot_shards_ready")).toBe(2);
    expect(sample(body, "gapbot_shards_reporting")).toBe(2);
  });

  it("given a shard that fails and one that never answers, serves the others' within the timeout", async () => {
    const a = new Metrics({ knowledge: () => core.knowledge });
    a.answered("discord", "gap", card, 0.001);
    const dead: EvalShard = { eval: () => Promise.reject(new Error("no child process")) };
    const stuck: EvalShard = { eval: () => new Promise(() => {}) };
    const started = Date.now();
    const { body } = await shardedMetrics(
      () => [shardOf(a), dead, stuck],
      () => ({ expected: 3, ready: 1 }),
      200,
    ).render();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(sample(body, 'gapbot_answers_total{platform="discord",command="gap",kind="gap"}')).toBe(1);
    expect(sample(body, "gapbot_shards_ready")).toBe(1);
    expect(sample(body, "gapbot_shards_reporting")).toBe(1);
  });

  it("before any shard has started, serves the manager's own counts alone", async () => {
    const { body } = await shardedMetrics(
      () => [],
      () => ({ expected: 0, ready: 0 }),
    ).render();
    expect(sample(body, "gapbot_shards_reporting")).toBe(0);
    expect(body).not.toContain("gapbot_answers_total");
  });
});
