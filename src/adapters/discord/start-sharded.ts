// `npm run start:sharded`: discord.js's ShardingManager forks one process per shard (DISCORD_SHARDS, default
// "auto"), each running the same adapter; this process serves GET /healthz and GET /metrics for all of them.
// https://discord.js.org/docs/packages/discord.js/main/ShardingManager:Class

import type { Server } from "node:http";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { REST, Routes, type Shard, ShardingManager } from "discord.js";
import { parseSettings } from "../../config/env.js";
import type { DiscordSettings } from "../../config/settings.js";
import { createLogger, type Logger } from "../../log.js";
import { startHealthServer } from "../../runtime/health-server.js";
import { type ShardCounts, shardedMetrics } from "../../runtime/shard-metrics.js";

export interface ShardManagerOptions {
  logger: Logger;
  /** The child entry; the built shard-child.js next to this file by default. */
  childFile?: string;
  /** Added to each child's environment (the manager's own is inherited: KNOWLEDGE_DIR, LOG_LEVEL…). */
  env?: Record<string, string>;
  /** Between two shards' start-ups; Discord allows one IDENTIFY per 5 s per bucket (default 5.5 s). */
  spawnDelayMs?: number;
  /** How long one shard may take to become ready (default 30 s). */
  spawnTimeoutMs?: number;
  /** Called before the shards are spawned, so that health and metrics can see them start. */
  onStarting?: (shards: RunningShards) => void;
}

export interface RunningShards {
  manager: ShardingManager;
  totalShards: number;
  /** True while every shard's gateway is ready. */
  healthy(): boolean;
  /** Shards this process runs, and how many of them are ready. */
  counts(): ShardCounts;
  stop(): Promise<void>;
}

/** What Discord recommends for this bot, asked through the configured REST (ShardingManager's own "auto" asks discord.com). */
export async function recommendedShardCount(settings: DiscordSettings): Promise<number> {
  const rest = new REST(settings.apiUrl ? { api: settings.apiUrl } : {}).setToken(settings.token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
}

export async function startShardManager(
  settings: DiscordSettings,
  options: ShardManagerOptions,
): Promise<RunningShards> {
  const log = options.logger.child({ adapter: "discord", role: "shard-manager" });
  const totalShards =
    typeof settings.shards === "number" ? settings.shards : await recommendedShardCount(settings);
  const childFile = options.childFile ?? fileURLToPath(new URL("./shard-child.js", import.meta.url));
  const manager = new ShardingManager(childFile, {
    token: settings.token,
    totalShards,
    // Another machine runs the other ids with the same DISCORD_SHARDS; each shard id is leased in Redis.
    shardList: settings.shardIds ?? "auto",
    mode: "process",
    respawn: true,
  });

  const up = new Map<number, boolean>();
  let stopping = false;
  manager.on("shardCreate", (shard: Shard) => {
    // Settings may come from elsewhere than this process's environment: every child gets the same.
    Object.assign(shard.env as Record<string, unknown>, childEnv(settings), options.env ?? {});
    up.set(shard.id, false);
    const mark = (ready: boolean, event: string) => () => {
      up.set(shard.id, ready);
      // Shards going down is news, unless we are the ones stopping them.
      log[ready || stopping ? "info" : "warn"]({ shard: shard.id, event }, `shard ${event}`);
    };
    shard.on("ready", mark(true, "ready"));
    shard.on("resume", mark(true, "resumed"));
    shard.on("disconnect", mark(false, "disconnected"));
    shard.on("reconnecting", mark(false, "reconnecting"));
    shard.on("death", mark(false, "died"));
  });

  const expected = settings.shardIds?.length ?? totalShards;
  const ready = () => [...up.values()].filter(Boolean).length;
  const running: RunningShards = {
    manager,
    totalShards,
    healthy: () => up.size === expected && ready() === expected,
    counts: () => ({ expected, ready: ready() }),
    async stop() {
      stopping = true;
      manager.respawn = false;
      await Promise.all(manager.shards.map((shard) => stopShard(shard)));
    },
  };
  options.onStarting?.(running);
  await manager.spawn({
    amount: totalShards,
    delay: options.spawnDelayMs ?? 5_500,
    timeout: options.spawnTimeoutMs ?? 30_000,
  });
  log.info({ totalShards }, "all shards ready");
  return running;
}

function childEnv(settings: DiscordSettings): Record<string, string> {
  const env: Record<string, string> = { DISCORD_TOKEN: settings.token };
  // The child's settings are parsed like ours: it must see the same count its ids are checked against.
  if (settings.shards !== undefined) env.DISCORD_SHARDS = String(settings.shards);
  if (settings.apiUrl) env.DISCORD_API_URL = settings.apiUrl;
  if (settings.applicationId) env.DISCORD_APPLICATION_ID = settings.applicationId;
  return env;
}

/** SIGTERM, so the child finishes its replies in flight; SIGKILL if it has not exited within 10 s. */
async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  shard.kill();
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The manager with its health port: listening from the start, GET /healthz 503 until every shard is ready (a
 * load balancer sees the start-up too), and GET /metrics merging every shard's registry (each shard process
 * keeps its own) with how many shards run and are ready.
 */
export async function serveShards(
  settings: DiscordSettings,
  port: number,
  options: ShardManagerOptions & { host?: string },
): Promise<{ server: Server; shards: RunningShards }> {
  let shards: RunningShards | undefined;
  const metrics = shardedMetrics(
    () => [...(shards?.manager.shards.values() ?? [])],
    () => shards?.counts() ?? { expected: 0, ready: 0 },
  );
  const server = await startHealthServer(port, () => shards?.healthy() ?? false, options.host, metrics);
  try {
    const running = await startShardManager(settings, {
      ...options,
      onStarting: (starting) => {
        shards = starting;
        options.onStarting?.(starting);
      },
    });
    return { server, shards: running };
  } catch (err) {
    await shards?.stop();
    server.close();
    throw err;
  }
}

async function main(): Promise<number> {
  const parsed = parseSettings(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.problems.map((p) => `gapbot: ${p}`).join("\n")}\n`);
    return 1;
  }
  const { discord, port, logLevel } = parsed.settings;
  if (!discord) {
    process.stderr.write("gapbot: DISCORD_TOKEN is not set (the bot token, from the app's Bot page)\n");
    return 1;
  }
  const logger = createLogger({ level: logLevel });
  const { server, shards: running } = await serveShards(discord, port, { logger });
  const stop = () => {
    server.close();
    running.stop().finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      if (code !== 0) process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`gapbot: ${(err as Error)?.message ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
