// Start-up and graceful shutdown: settings (environment over .env), the logger, the core, then every
// configured platform — Slack, Discord or both in one process — or, with none, the console.
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join, resolve } from "node:path";
import { parseEnv } from "node:util";
import type { AdapterContext, RunningAdapter } from "./adapters/adapter.js";
import { runConsole } from "./adapters/console/index.js";
import type { SlackStartOptions } from "./adapters/slack/index.js";
import { parseSettings, unknownVariables } from "./config/env.js";
import type { DiscordSettings, Settings, SlackOAuthSettings, SlackSettings } from "./config/settings.js";
import { createCore } from "./core/index.js";
import { createFormattedLogger, type Logger, logFormatFor } from "./log.js";
import { failSafeLogStream } from "./log-stream.js";
import { startHealthServer } from "./runtime/health-server.js";
import { type ReloadableCore, reloadableCore, reloadOnHangup } from "./runtime/reloadable-core.js";
import { ChannelSettingsStore } from "./state/channel-settings.js";
import { discordLeaseKey, discordLeaseMessage, type Lease, LeaseTaken, takeLease } from "./state/lease.js";
import { openSharedState, type SharedState } from "./state/shared.js";
import { TokenCipher } from "./state/token-cipher.js";
import { deliverVotesEvery, RedisVoteRelay } from "./state/vote-relay.js";
import { type Database, openDatabase } from "./storage/database.js";
import { QuestionLog } from "./storage/question-log.js";

/** How often recorded questions past RECORD_RETENTION_DAYS are deleted while the bot runs. */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** Replies in flight get this long at shutdown; then the adapters are stopped regardless. */
export const SHUTDOWN_GRACE_MS = 5_000;

type Env = Record<string, string | undefined>;

export interface Platforms {
  slack(): Promise<{
    startSlack(
      settings: SlackSettings,
      ctx: AdapterContext,
      options?: Pick<SlackStartOptions, "installationStore">,
    ): Promise<RunningAdapter & { port?: number }>;
  }>;
  discord(): Promise<{
    startDiscord(settings: DiscordSettings, ctx: AdapterContext): Promise<RunningAdapter>;
  }>;
}

// Loaded only when configured: importing @slack/bolt costs ~0.25 s and discord.js ~0.4 s, which the
// console (and every start-up without that platform's token) must not pay.
const SLACK_ADAPTER = "./adapters/slack/index.js";
const DISCORD_ADAPTER = "./adapters/discord/index.js";
export const adapterModules: Platforms = {
  slack: () => import(SLACK_ADAPTER),
  discord: () => import(DISCORD_ADAPTER),
};

export interface StartIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where .env is looked for. */
  cwd: string;
  /** Emits SIGTERM, SIGINT and SIGHUP (reload the knowledge): the process, or a test's emitter. */
  signals: NodeJS.EventEmitter;
  platforms: Platforms;
  graceMs: number;
  /** Called once every platform has started, with the port GET /healthz answers on. */
  onReady?: (info: { healthPort?: number }) => void;
}

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

/** Variables from `.env` fill in what the real environment leaves unset (or blank); real ones win. */
export function withDotEnv(env: Env, cwd: string): { env: Env; problem?: string } {
  let text: string;
  try {
    text = readFileSync(join(cwd, ".env"), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { env };
    return { env, problem: `.env (settings read at start-up) cannot be read: ${(err as Error).message}` };
  }
  const merged: Env = { ...env };
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if ((merged[name] ?? "").trim() === "") merged[name] = value;
  }
  return { env: merged };
}

/** Runs gapbot until the end of the console's input or a signal; resolves to the exit code. */
export async function startBot(realEnv: Env = process.env, io: Partial<StartIo> = {}): Promise<number> {
  const stderr = io.stderr ?? process.stderr;
  const fail = (lines: string[]) => {
    for (const line of lines) stderr.write(`gapbot: ${line}\n`);
    return 1;
  };

  const dotEnv = withDotEnv(realEnv, io.cwd ?? process.cwd());
  if (dotEnv.problem) return fail([dotEnv.problem]);
  const env = dotEnv.env;
  const parsed = parseSettings(env);
  if (!parsed.ok) {
    return fail([
      ...parsed.problems,
      "fix the settings above: README.md (Settings) and .env.example list them all",
    ]);
  }
  const settings = parsed.settings;
  const warnings = parsed.warnings;
  const consoleOnly = !settings.slack && !settings.discord;

  // In the console, log lines would interleave with the answers: warnings only, unless LOG_LEVEL says more.
  const level = consoleOnly && (env.LOG_LEVEL ?? "").trim() === "" ? "warn" : settings.logLevel;
  const { logger } = await createFormattedLogger({
    level,
    format: logFormatFor({ isTTY: stderr.isTTY === true, nodeEnv: env.NODE_ENV }),
    // A platform bot's stdout carries nothing else: it hears once if stderr's reader goes away.
    destination: failSafeLogStream(stderr, consoleOnly ? undefined : (io.stdout ?? process.stdout)),
  });
  for (const line of [...warnings, ...unknownVariables(env)]) logger.warn(line);

  // The knowledge is checked where it is loaded: knowledge that fails the check is never served, and each
  // problem is named. SIGHUP loads it again; a reload that fails keeps what is being served.
  const knowledgeDir = settings.knowledgeDir
    ? resolve(io.cwd ?? process.cwd(), settings.knowledgeDir)
    : undefined;
  let core: ReloadableCore;
  try {
    core = reloadableCore(() =>
      createCore({ ...(knowledgeDir ? { knowledgeDir } : {}), sources: settings.sources ?? [] }),
    );
  } catch (err) {
    const message = (err as Error)?.message ?? String(err);
    return fail(message.replace(/^gapbot: /, "").split("\n"));
  }

  const signals = io.signals ?? process;
  const stopReloading = reloadOnHangup(signals, core, logger);
  try {
    if (consoleOnly) return await runConsoleUntilSignal(core, logger, signals, io);
    return await runPlatforms(settings, core, logger, signals, io);
  } finally {
    stopReloading();
  }
}

async function runConsoleUntilSignal(
  core: ReloadableCore,
  logger: Logger,
  signals: NodeJS.EventEmitter,
  io: Partial<StartIo>,
): Promise<number> {
  const stdin = io.stdin ?? process.stdin;
  const stdout = io.stdout ?? process.stdout;
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  for (const s of SIGNALS) signals.on(s, onSignal);
  try {
    await runConsole({
      core,
      input: stdin,
      output: stdout,
      interactive: stdin.isTTY === true && stdout.isTTY === true,
      logger,
      signal: abort.signal,
    });
    return 0;
  } finally {
    for (const s of SIGNALS) signals.off(s, onSignal);
  }
}

async function runPlatforms(
  settings: Settings,
  core: ReloadableCore,
  logger: Logger,
  signals: NodeJS.EventEmitter,
  io: Partial<StartIo>,
): Promise<number> {
  const platforms = io.platforms ?? adapterModules;
  const graceMs = io.graceMs ?? SHUTDOWN_GRACE_MS;
  const adapters: RunningAdapter[] = [];
  let serving = false;
  // Unhealthy while starting and while stopping, so a load balancer sends work elsewhere.
  const health = () => serving && adapters.length > 0 && adapters.every((a) => a.healthy());

  // A signal may come while the platforms start: it is remembered and honoured as soon as they have.
  // A second one means "now": the process exits without waiting for replies in flight.
  const signal = signalLatch(signals);
  const fault = faultWatch(signals, logger);
  let server: Server | undefined;
  let healthPort: number | undefined;
  const storage = openStorage(settings, io.cwd ?? process.cwd(), logger);
  let shared: SharedState | undefined;
  let lease: Lease | undefined;
  let stopDelivery = () => {};
  // Loaded here, not at the top: the console never serves /metrics and need not load prom-client.
  const { Metrics } = await import("./runtime/metrics.js");
  const metrics = new Metrics({
    knowledge: () => core.knowledge,
    ...(settings.redis ? { redis: () => shared?.redis?.state() ?? "down" } : {}),
  });
  try {
    shared = await openSharedState(settings.redis, logger, (store) => metrics.fellBack(store));
  } catch (err) {
    storage.close();
    signal.dispose();
    fault.dispose();
    stderrOf(io).write(`gapbot: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    const slackOwnsPort = settings.slack?.mode === "http";
    if (!slackOwnsPort) {
      server = await startHealthServer(settings.port, health, undefined, metrics);
      const address = server.address();
      healthPort = typeof address === "object" && address ? address.port : settings.port;
    }
    const ctx: AdapterContext = {
      core,
      logger,
      seen: shared.seen,
      kv: shared.kv,
      health,
      rateLimit: { limiter: shared.limiter, ...settings.rateLimit },
      // One store of per-channel settings for every adapter (admins set them with /gapbot settings, /settings).
      channelSettings: new ChannelSettingsStore(shared.kv),
      fatal: fault.fail,
      ...(storage.questions ? { questions: storage.questions } : {}),
      ...(settings.followUps ? { threads: shared.kv } : {}),
      metrics,
    };
    // On Redis, each instance's own record receives the votes other instances took on its answers.
    if (shared.redis && storage.questions) {
      ctx.votes = new RedisVoteRelay(shared.redis.client);
      stopDelivery = deliverVotesEvery(storage.questions, ctx.votes, logger);
    }
    if (settings.slack) {
      const { startSlack } = await platforms.slack();
      const oauth = settings.slack.oauth;
      if (oauth && settings.redis && !shared.durable) {
        logger.warn(
          "Slack OAuth installations are kept in this instance's database (DATA_DIR), not in Redis, which " +
            "could not be reached at start (REDIS_OPTIONAL=true): other instances do not see installs made " +
            "through this one",
        );
      }
      const installationStore = oauth ? await slackInstallations(oauth, shared, storage.database) : undefined;
      const slack = await startSlack(settings.slack, ctx, installationStore ? { installationStore } : {});
      adapters.push(slack);
      if (slackOwnsPort) healthPort = slack.port ?? settings.port;
    }
    if (settings.discord) {
      if (shared.redis) {
        try {
          lease = await takeLease(shared.redis.client, discordLeaseKey(settings.discord.token), logger);
        } catch (err) {
          throw err instanceof LeaseTaken ? new Error(discordLeaseMessage(err)) : err;
        }
      }
      const { startDiscord } = await platforms.discord();
      adapters.push(await startDiscord(settings.discord, ctx));
    }
  } catch (err) {
    logger.fatal({ err }, "start-up failed");
    await stopAll(adapters, graceMs, logger);
    await closeServer(server);
    stopDelivery();
    storage.close();
    await lease?.release();
    await shared.close();
    signal.dispose();
    fault.dispose();
    return 1;
  }

  serving = true;
  logger.info(
    {
      platforms: adapters.map((a) => (a.name === "slack" ? `slack (${settings.slack?.mode} mode)` : a.name)),
      healthPort,
      sharedState: shared.backend,
    },
    "gapbot started",
  );
  io.onReady?.({ healthPort });

  const name = await Promise.race([signal.first, fault.fatal]);
  serving = false;
  logger.info({ signal: name, graceMs }, "shutting down: finishing replies in flight");
  const outcome = await Promise.race([stopAll(adapters, graceMs, logger), signal.second]);
  await closeServer(server);
  stopDelivery();
  storage.close();
  await lease?.release();
  await shared.close();
  signal.dispose();
  fault.dispose();
  if (outcome === "forced") {
    logger.warn("second signal: stopped without waiting for replies in flight");
    return 1;
  }
  // Replies the grace period did not see through are lost: the exit code must not say all went well.
  const dropped = adapters.reduce((n, a) => n + (a.pending?.() ?? 0), 0);
  if (dropped > 0) {
    logger.error(
      { dropped, graceMs },
      `stopped with ${dropped} ${dropped === 1 ? "reply" : "replies"} dropped`,
    );
    return 1;
  }
  logger.info("stopped");
  return name === "SIGTERM" || name === "SIGINT" ? 0 : 1;
}

/**
 * Where OAuth mode keeps each workspace's installation, sealed under SLACK_TOKEN_KEY: on Redis when it is
 * configured, so that every instance answers a workspace installed through any of them; else in the bot's
 * database in DATA_DIR. On Redis the store has no memory fallback for writes: an install made while Redis is
 * down fails (Slack shows the installer an error to retry), rather than living in one process alone.
 */
async function slackInstallations(oauth: SlackOAuthSettings, shared: SharedState, database: () => Database) {
  const { KeyValueInstallationRecords, SealedInstallationStore, SqliteInstallationRecords } = await import(
    "./adapters/slack/installation-store.js"
  );
  const records = shared.durable
    ? new KeyValueInstallationRecords(shared.durable)
    : new SqliteInstallationRecords(database());
  return new SealedInstallationStore(records, new TokenCipher(oauth.tokenKey));
}

/**
 * The bot's database in DATA_DIR (relative to the working folder), opened lazily, inside start-up's error
 * boundary, by its first user: the question record, when RECORD_QUESTIONS is on, pruned of rows past the
 * retention now and every hour; Slack's OAuth installations, when Redis does not hold them.
 */
function openStorage(settings: Settings, cwd: string, logger: Logger) {
  let db: Database | undefined;
  let timer: NodeJS.Timeout | undefined;
  let questions: QuestionLog | undefined;
  const prune = () => {
    try {
      const deleted = questions?.prune() ?? 0;
      if (deleted) logger.info({ deleted }, "question record: old questions deleted");
    } catch (err) {
      logger.error({ err }, "question record: pruning failed");
    }
  };
  const database = () => {
    db ??= openDatabase({ dir: resolve(cwd, settings.record.dataDir) });
    return db;
  };
  return {
    database,
    get questions(): QuestionLog | undefined {
      if (!settings.record.enabled || questions) return questions;
      questions = new QuestionLog(database(), { retentionDays: settings.record.retentionDays });
      prune();
      timer = setInterval(prune, PRUNE_EVERY_MS);
      timer.unref();
      return questions;
    },
    close() {
      clearInterval(timer);
      db?.close();
      db = undefined;
    },
  };
}

/**
 * The last line of defence behind each turn's own error boundary. A rejected promise nobody awaited is
 * logged and the bot keeps serving: no state was left half-changed by a throw. An uncaught exception may
 * have left any state half-changed (Node's docs say not to resume), so it is logged and starts the same
 * graceful shutdown as SIGTERM, exiting 1 for the supervisor to restart us; so does an adapter's fatal fault.
 * https://nodejs.org/api/process.html#warning-using-uncaughtexception-correctly
 */
function faultWatch(emitter: NodeJS.EventEmitter, logger: Logger) {
  let onFatal: (name: "uncaughtException" | "fatal") => void = () => {};
  const fatal = new Promise<"uncaughtException" | "fatal">((resolve) => {
    onFatal = resolve;
  });
  const rejection = (reason: unknown) => {
    logger.error({ err: reason }, "unhandled promise rejection: logged, still serving");
  };
  const exception = (err: unknown) => {
    logger.fatal({ err }, "uncaught exception: shutting down");
    onFatal("uncaughtException");
  };
  emitter.on("unhandledRejection", rejection);
  emitter.on("uncaughtException", exception);
  return {
    fatal,
    /** An adapter's unrecoverable fault (it has logged the cause): the same shutdown, exit 1. */
    fail: () => onFatal("fatal"),
    dispose: () => {
      emitter.off("unhandledRejection", rejection);
      emitter.off("uncaughtException", exception);
    },
  };
}

/**
 * SIGTERM/SIGINT handlers that stay installed until dispose(): between two signals there is never a moment
 * without a handler, when Node's default action would kill the process mid-shutdown.
 */
function signalLatch(signals: NodeJS.EventEmitter) {
  let count = 0;
  let onFirst: (name: string) => void = () => {};
  let onSecond: (forced: "forced") => void = () => {};
  const first = new Promise<string>((resolve) => {
    onFirst = resolve;
  });
  const second = new Promise<"forced">((resolve) => {
    onSecond = resolve;
  });
  const handlers = SIGNALS.map((name) => {
    const handler = () => (++count === 1 ? onFirst(name) : onSecond("forced"));
    signals.on(name, handler);
    return [name, handler] as const;
  });
  return {
    first,
    second,
    dispose: () => {
      for (const [name, handler] of handlers) signals.off(name, handler);
    },
  };
}

/** Stops every adapter, giving replies in flight at most `graceMs`. */
async function stopAll(adapters: RunningAdapter[], graceMs: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), graceMs);
  });
  const stopped = Promise.allSettled(adapters.map((a) => a.stop())).then((results) => {
    results.forEach((r, i) => {
      if (r.status === "rejected")
        logger.error({ err: r.reason, platform: adapters[i]?.name }, "stop failed");
    });
    return "stopped" as const;
  });
  const outcome = await Promise.race([stopped, timeout]);
  clearTimeout(timer);
  if (outcome === "timeout") logger.warn({ graceMs }, "replies still in flight after the grace period");
}

function stderrOf(io: Partial<StartIo>): NodeJS.WritableStream {
  return io.stderr ?? process.stderr;
}

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections would hold close() open until they time out.
  server.closeAllConnections();
  await closed;
}
