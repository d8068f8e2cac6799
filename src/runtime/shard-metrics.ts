// GET /metrics for `npm run start:sharded`: each shard process keeps its own registry; the manager asks every
// shard for it over the shard IPC (discord.js's Shard#eval, as broadcastEval does) and merges them the way
// prom-client's cluster AggregatorRegistry does: counters and histograms summed, gauges by their own aggregator.
// https://discord.js.org/docs/packages/discord.js/main/Shard:Class#eval · https://github.com/siimon/prom-client#usage-with-nodejss-cluster-module
import { AggregatorRegistry, Gauge, Registry } from "prom-client";
import type { MetricsText } from "./health-server.js";
import type { Metrics } from "./metrics.js";

/** Where a shard process leaves its registry for the manager's eval to find (a global symbol: eval has no imports). */
const GLOBAL_KEY = "gapbot.metrics";

/** A shard waits this long for each shard's answer; one that does not answer is left out of that scrape. */
export const SHARD_SCRAPE_TIMEOUT_MS = 2_000;

/** In a shard process: makes its metrics readable by the manager. */
export function publishShardMetrics(metrics: Metrics): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(GLOBAL_KEY)] = metrics.registry;
}

/**
 * Runs inside a shard, stringified by discord.js and evaluated there: nothing from this module's scope is
 * reachable, so the key is written out. Its registry's metrics as JSON, or null before it has published them.
 */
function shardMetricsJson(): unknown {
  const registry = (globalThis as Record<symbol, { getMetricsAsJSON(): Promise<unknown> } | undefined>)[
    Symbol.for("gapbot.metrics")
  ];
  return registry ? registry.getMetricsAsJSON() : null;
}

/** A shard as far as a scrape needs it (discord.js's Shard). */
export interface EvalShard {
  eval(fn: () => unknown): Promise<unknown>;
}

export interface ShardCounts {
  /** Shards this process runs (all of them, or DISCORD_SHARD_IDS's). */
  expected: number;
  /** Of those, ready now. */
  ready: number;
}

/** The manager's GET /metrics: its shards' merged, then its own gauges of how many shards run and answered. */
export function shardedMetrics(
  shards: () => readonly EvalShard[],
  counts: () => ShardCounts,
  timeoutMs = SHARD_SCRAPE_TIMEOUT_MS,
): MetricsText {
  const own = new Registry();
  const registers = [own];
  new Gauge({
    name: "gapbot_shards",
    help: "Shards this process runs (npm run start:sharded)",
    registers,
    collect() {
      this.set(counts().expected);
    },
  });
  new Gauge({
    name: "gapbot_shards_ready",
    help: "Shards whose gateway is ready",
    registers,
    collect() {
      this.set(counts().ready);
    },
  });
  const reporting = new Gauge({
    name: "gapbot_shards_reporting",
    help: "Shards whose metrics this scrape includes (a shard starting, restarting or stuck is left out)",
    registers,
  });
  return {
    async render() {
      const answers = await Promise.allSettled(
        shards().map((shard) => within(shard.eval(shardMetricsJson), timeoutMs)),
      );
      const each = answers.flatMap((a) =>
        a.status === "fulfilled" && Array.isArray(a.value) ? [a.value] : [],
      );
      reporting.set(each.length);
      const merged = AggregatorRegistry.aggregate(each);
      return { contentType: own.contentType, body: (await merged.metrics()) + (await own.metrics()) };
    },
  };
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
