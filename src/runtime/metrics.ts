// GET /metrics in Prometheus's text format: what the bot answered, how fast, what it refused, how the
// platforms and Redis behaved, and which knowledge it answers from. No label ever holds user text or a token.
// https://prometheus.io/docs/instrumenting/exposition_formats/ · https://github.com/siimon/prom-client
import { createHash } from "node:crypto";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Card } from "../core/card.js";
import type { Knowledge } from "../knowledge/schema.js";
import type { RedisState } from "../state/redis.js";

type Platform = "slack" | "discord" | "console";

export interface MetricsSources {
  /** Read at each scrape, so that a reloaded knowledge shows at once. */
  knowledge: () => Knowledge;
  /** Absent without REDIS_URL. */
  redis?: () => RedisState;
}

/** Answer latencies are well under a millisecond in the core; a turn with its I/O takes up to seconds. */
const LATENCY_BUCKETS_S = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

export class Metrics {
  readonly registry = new Registry();
  private readonly answers: Counter<"platform" | "command" | "kind">;
  private readonly latency: Histogram<"platform">;
  private readonly notFound: Counter<"platform">;
  private readonly rateLimitedCount: Counter<"platform">;
  private readonly deduplicatedCount: Counter<"platform">;
  private readonly apiErrors: Counter<"platform">;
  private readonly apiRetries: Counter<"platform">;
  private readonly redisFallbacks: Counter<"store">;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    this.answers = new Counter({
      name: "gapbot_answers_total",
      help: "Answers given, by platform, command and card kind",
      labelNames: ["platform", "command", "kind"],
      registers,
    });
    this.latency = new Histogram({
      name: "gapbot_answer_duration_seconds",
      help: "Time the core took to answer, by platform",
      labelNames: ["platform"],
      buckets: LATENCY_BUCKETS_S,
      registers,
    });
    this.notFound = new Counter({
      name: "gapbot_not_found_total",
      help: "Answers that were 'not in the material'; divide by gapbot_answers_total for the rate",
      labelNames: ["platform"],
      registers,
    });
    this.rateLimitedCount = new Counter({
      name: "gapbot_rate_limited_total",
      help: "Turns refused by the per-user or per-channel limit",
      labelNames: ["platform"],
      registers,
    });
    this.deduplicatedCount = new Counter({
      name: "gapbot_deduplicated_total",
      help: "Redelivered events and interactions dropped as already seen (here or by another instance)",
      labelNames: ["platform"],
      registers,
    });
    this.apiErrors = new Counter({
      name: "gapbot_platform_api_errors_total",
      help: "Platform API calls that failed (an error status or no answer), and turns that failed replying",
      labelNames: ["platform"],
      registers,
    });
    this.apiRetries = new Counter({
      name: "gapbot_platform_api_retries_total",
      help: "Platform API calls tried again after a rate limit, a 5xx or a network error",
      labelNames: ["platform"],
      registers,
    });
    this.redisFallbacks = new Counter({
      name: "gapbot_redis_fallbacks_total",
      help: "Calls answered from this process's memory because Redis was unavailable, by store",
      labelNames: ["store"],
      registers,
    });
    const redis = sources.redis;
    new Gauge({
      name: "gapbot_redis_up",
      help: "1 while the Redis connection is up, 0 while it is lost; absent without REDIS_URL",
      registers: redis ? registers : [],
      // Over several shard processes (npm run start:sharded): 0 as soon as one of them has lost it.
      aggregator: "min",
      collect() {
        this.set(redis?.() === "up" ? 1 : 0);
      },
    });
    const version = knowledgeVersion();
    new Gauge({
      name: "gapbot_knowledge_info",
      // Every shard answers from the same knowledge: merged, it is one shard's, not a sum.
      aggregator: "first",
      help: "The knowledge answered from: a hash of its facts and paragraphs, and its sources",
      labelNames: ["version", "sources"],
      registers,
      collect() {
        const k = sources.knowledge();
        this.reset();
        this.set({ version: version(k), sources: k.sources.map((s) => s.id).join(",") }, 1);
      },
    });
    new Gauge({
      name: "gapbot_knowledge_sources",
      aggregator: "first",
      help: "Sources in the knowledge",
      registers,
      collect() {
        this.set(sources.knowledge().sources.length);
      },
    });
    new Gauge({
      name: "gapbot_knowledge_facts",
      aggregator: "first",
      help: "Facts in the knowledge",
      registers,
      collect() {
        this.set(sources.knowledge().facts.length);
      },
    });
    // Node's own: event-loop lag (nodejs_eventloop_lag_seconds and its percentiles), heap, CPU, handles.
    collectDefaultMetrics({ register: this.registry, prefix: "gapbot_" });
  }

  answered(platform: Platform, command: string, card: Card, seconds: number): void {
    if (platform === "console") return;
    this.answers.inc({ platform, command, kind: card.kind });
    this.latency.observe({ platform }, seconds);
    if (card.kind === "not_found") this.notFound.inc({ platform });
  }

  rateLimited(platform: Platform): void {
    this.rateLimitedCount.inc({ platform });
  }

  deduplicated(platform: Platform): void {
    this.deduplicatedCount.inc({ platform });
  }

  apiError(platform: Platform): void {
    this.apiErrors.inc({ platform });
  }

  apiRetry(platform: Platform): void {
    this.apiRetries.inc({ platform });
  }

  fellBack(store: string): void {
    this.redisFallbacks.inc({ store });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** A short hash of what answers are made from, computed once per knowledge object. */
function knowledgeVersion(): (k: Knowledge) => string {
  const cache = new WeakMap<Knowledge, string>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined) {
      const hash = createHash("sha256");
      for (const f of k.facts) hash.update(JSON.stringify(f));
      for (const [id, paragraphs] of k.paragraphs) hash.update(id).update(paragraphs.join("\n"));
      v = hash.digest("hex").slice(0, 12);
      cache.set(k, v);
    }
    return v;
  };
}
