// What every platform adapter is given and gives back; start-up wires these together.
import type { Logger } from "pino";
import type { Core } from "../core/index.js";
import type { Metrics } from "../runtime/metrics.js";
import type { RateLimiter } from "../runtime/rate-limit.js";
import type { SeenStore } from "../runtime/seen-store.js";
import type { ChannelSettingsStore } from "../state/channel-settings.js";
import type { KeyValueStore } from "../state/kv.js";
import type { VoteRelay } from "../state/vote-relay.js";
import type { QuestionLog } from "../storage/question-log.js";

export interface AdapterContext {
  core: Core;
  logger: Logger;
  /** Redelivered events (Slack retries, gateway resumes) are answered once, by event id. */
  seen: SeenStore;
  /**
   * Hot state by key with a TTL: thread context, feedback votes, per-channel settings, the chart cache, the
   * workspaces that reject chart blocks. On Redis with REDIS_URL (shared by instances), else in memory.
   */
  kv: KeyValueStore;
  /** The whole process's health, for an adapter that serves GET /healthz itself (Slack HTTP mode). */
  health?: () => boolean;
  /**
   * One limiter for the whole process, with RATE_LIMIT_PER_USER / RATE_LIMIT_PER_CHANNEL. Adapters take
   * it through `checkRateLimit` (runtime/rate-limited.ts), which keys by platform and team or guild.
   */
  rateLimit?: { limiter: RateLimiter; perUserPerMinute: number; perChannelPerMinute: number };
  /** Per-channel settings admins set, shared by every adapter; each adapter keeps its own when absent. */
  channelSettings?: ChannelSettingsStore;
  /**
   * For a fault the adapter cannot recover from (Discord's gateway closed with 4004 or 4014, which discord.js
   * never retries): start-up stops every platform and exits 1, so that a supervisor restarts the bot.
   * The adapter logs the cause itself, in one line.
   */
  fatal?: (reason: string) => void;
  /** The question record (RECORD_QUESTIONS); absent when it is off, and then nothing is recorded. */
  questions?: QuestionLog;
  /** On Redis: votes on answers another instance recorded go to it (src/state/vote-relay.ts). */
  votes?: VoteRelay;
  /**
   * Where each thread's last question is kept for follow-ups (FOLLOW_UPS); absent when they are off, and
   * then only mentions, DMs and commands are answered.
   */
  threads?: KeyValueStore;
  /** GET /metrics's counters; absent in tests and the console. */
  metrics?: Metrics;
}

export interface RunningAdapter {
  readonly name: "slack" | "discord";
  /** True while the adapter can take work (gateway connected, receiver listening). */
  healthy(): boolean;
  /** Stop taking new work, finish replies in flight, disconnect. */
  stop(): Promise<void>;
  /** Replies still being written; those left when the shutdown grace ends are dropped (exit 1). */
  pending?(): number;
}
