// What every platform adapter is given and gives back; start-up wires these together.
import type { Logger } from "pino";
import type { Core } from "../core/index.js";
import type { RateLimiter } from "../runtime/rate-limit.js";
import type { SeenStore } from "../runtime/seen-store.js";
import type { ChannelSettingsStore } from "../state/channel-settings.js";

export interface AdapterContext {
  core: Core;
  logger: Logger;
  /** Redelivered events (Slack retries, gateway resumes) are answered once, by event id. */
  seen: SeenStore;
  /** The whole process's health, for an adapter that serves GET /healthz itself (Slack HTTP mode). */
  health?: () => boolean;
  /**
   * One limiter for the whole process, with RATE_LIMIT_PER_USER / RATE_LIMIT_PER_CHANNEL. Adapters take
   * it through `checkRateLimit` (runtime/rate-limited.ts), which keys by platform and team or guild.
   */
  rateLimit?: { limiter: RateLimiter; perUserPerMinute: number; perChannelPerMinute: number };
  /** Per-channel settings admins set, shared by every adapter; each adapter keeps its own when absent. */
  channelSettings?: ChannelSettingsStore;
}

export interface RunningAdapter {
  readonly name: "slack" | "discord";
  /** True while the adapter can take work (gateway connected, receiver listening). */
  healthy(): boolean;
  /** Stop taking new work, finish replies in flight, disconnect. */
  stop(): Promise<void>;
}
