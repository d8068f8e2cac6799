// One shard of `npm run start:sharded`: the same adapter as `gapbot start`, in a process ShardingManager forks.
// discord.js reads SHARDS and SHARD_COUNT from the environment the manager sets, so startDiscord needs nothing more.
// https://discordjs.guide/legacy/sharding/
import process from "node:process";
import { parseSettings } from "../../config/env.js";
import { createCore } from "../../core/index.js";
import { createLogger } from "../../log.js";
import { Metrics } from "../../runtime/metrics.js";
import { publishShardMetrics } from "../../runtime/shard-metrics.js";
import { ChannelSettingsStore } from "../../state/channel-settings.js";
import {
  discordLeaseKey,
  discordLeaseMessage,
  type Lease,
  LeaseTaken,
  takeLease,
} from "../../state/lease.js";
import { openSharedState } from "../../state/shared.js";
import { startDiscord } from "./index.js";

async function main(): Promise<void> {
  const parsed = parseSettings(process.env);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  const { discord, logLevel, knowledgeDir, redis, rateLimit, followUps } = parsed.settings;
  if (!discord) throw new Error("DISCORD_TOKEN is not set (the manager passes it to every shard)");
  const logger = createLogger({ level: logLevel }).child({ shard: process.env.SHARDS });
  const core = createCore(knowledgeDir ? { knowledgeDir } : {});
  // This shard's counters; the manager merges every shard's into its GET /metrics.
  let shared: Awaited<ReturnType<typeof openSharedState>> | undefined;
  const metrics = new Metrics({
    knowledge: () => core.knowledge,
    ...(redis ? { redis: () => shared?.redis?.state() ?? "down" } : {}),
  });
  publishShardMetrics(metrics);
  // Every shard, on this machine or another, shares dedupe, limits, settings, threads and caches through
  // REDIS_URL, as `gapbot start` does.
  shared = await openSharedState(redis, logger, (store) => metrics.fellBack(store));
  // One process per shard id, across machines: a second one for the same shard is refused.
  let lease: Lease | undefined;
  if (shared.redis) {
    const shard = { id: process.env.SHARDS ?? "?", count: process.env.SHARD_COUNT ?? "?" };
    try {
      lease = await takeLease(shared.redis.client, discordLeaseKey(discord.token, shard), logger);
    } catch (err) {
      throw err instanceof LeaseTaken ? new Error(discordLeaseMessage(err)) : err;
    }
  }
  const adapter = await startDiscord(discord, {
    core,
    logger,
    seen: shared.seen,
    kv: shared.kv,
    rateLimit: { limiter: shared.limiter, ...rateLimit },
    channelSettings: new ChannelSettingsStore(shared.kv),
    ...(followUps ? { threads: shared.kv } : {}),
    metrics,
  });
  const stop = () => {
    adapter
      .stop()
      .then(() => lease?.release())
      .then(() => shared?.close())
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `gapbot shard ${process.env.SHARDS ?? "?"}: ${(err as Error)?.message ?? String(err)}\n`,
  );
  process.exit(1);
});
