// One shard of `npm run start:sharded`: the same adapter as `gapbot start`, in a process ShardingManager forks.
// discord.js reads SHARDS and SHARD_COUNT from the environment the manager sets, so startDiscord needs nothing more.
// https://discordjs.guide/legacy/sharding/
import process from "node:process";
import { parseSettings } from "../../config/env.js";
import { createCore } from "../../core/index.js";
import { createLogger } from "../../log.js";
import { MemorySeenStore } from "../../runtime/seen-store.js";
import { startDiscord } from "./index.js";

async function main(): Promise<void> {
  const parsed = parseSettings(process.env);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  const { discord, logLevel, knowledgeDir } = parsed.settings;
  if (!discord) throw new Error("DISCORD_TOKEN is not set (the manager passes it to every shard)");
  const logger = createLogger({ level: logLevel }).child({ shard: process.env.SHARDS });
  const core = createCore(knowledgeDir ? { knowledgeDir } : {});
  const adapter = await startDiscord(discord, { core, logger, seen: new MemorySeenStore() });
  const stop = () => {
    adapter.stop().finally(() => process.exit(0));
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
