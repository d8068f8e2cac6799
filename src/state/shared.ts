// Where a process keeps its hot state: on Redis when REDIS_URL is set, so that instances share dedupe, rate
// limits, thread context, votes, settings and caches; in this process's memory otherwise.
import type { RedisSettings } from "../config/settings.js";
import type { Logger } from "../log.js";
import { MemoryRateLimiter, type RateLimiter } from "../runtime/rate-limit.js";
import { MemorySeenStore, type SeenStore } from "../runtime/seen-store.js";
import { FallbackKeyValueStore, FallbackRateLimiter, FallbackSeenStore, OutageNotice } from "./fallback.js";
import { type KeyValueStore, MemoryKeyValueStore } from "./kv.js";
import type { RedisLink } from "./redis.js";

export interface SharedState {
  backend: "redis" | "memory";
  seen: SeenStore;
  limiter: RateLimiter;
  kv: KeyValueStore;
  /**
   * On Redis only: the same key-value store without the memory fallback, for records that must never live in
   * one process alone (Slack's OAuth installations). Its calls fail while Redis is unreachable.
   */
  durable?: KeyValueStore;
  /** The connection, when on Redis: its state for /metrics, its client for the Discord lease. */
  redis?: RedisLink;
  close(): Promise<void>;
}

export function memoryState(): SharedState {
  return {
    backend: "memory",
    seen: new MemorySeenStore(),
    limiter: new MemoryRateLimiter(),
    kv: new MemoryKeyValueStore(),
    close: async () => {},
  };
}

/**
 * Connects to Redis when configured. Unreachable at start: throws a message naming REDIS_URL, unless
 * REDIS_OPTIONAL=true, which falls back to memory with a warning. `onFallback` counts calls answered
 * from memory while Redis was lost.
 */
export async function openSharedState(
  redis: RedisSettings | undefined,
  logger: Logger,
  onFallback?: (store: string) => void,
): Promise<SharedState> {
  if (!redis) return memoryState();
  // Loaded only when configured, like the platform SDKs: a process without REDIS_URL never loads ioredis.
  const { connectRedis } = await import("./redis.js");
  const { RedisKeyValueStore, RedisRateLimiter, RedisSeenStore } = await import("./redis-stores.js");
  let link: RedisLink;
  try {
    link = await connectRedis(redis.url, logger, redis.connectTimeoutMs);
  } catch (err) {
    if (!redis.optional) throw err;
    logger.warn(
      { err },
      "Redis unreachable and REDIS_OPTIONAL=true: running on this process's memory alone (not shared)",
    );
    return memoryState();
  }
  const notice = new OutageNotice(logger, onFallback);
  return {
    backend: "redis",
    seen: new FallbackSeenStore(new RedisSeenStore(link.client), notice),
    limiter: new FallbackRateLimiter(new RedisRateLimiter(link.client), notice),
    kv: new FallbackKeyValueStore(new RedisKeyValueStore(link.client), notice),
    durable: new RedisKeyValueStore(link.client),
    redis: link,
    close: () => link.close(),
  };
}
