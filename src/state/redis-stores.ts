// The shared stores on Redis: event dedupe, rate-limit buckets, and the key-value store for thread context,
// votes, settings and caches. Each is the Redis form of an in-memory store with the same interface.
// https://redis.io/docs/latest/commands/set/ · https://redis.io/docs/latest/develop/interact/programmability/eval-intro/
import type { Redis } from "ioredis";
import { BUCKET_IDLE_MS, type RateLimiter, type Verdict } from "../runtime/rate-limit.js";
import { SEEN_TTL_MS, type SeenStore } from "../runtime/seen-store.js";
import type { KeyValueStore } from "./kv.js";

/** Every key gapbot writes starts with this, so one Redis can hold other things too. */
export const KEY_PREFIX = "gapbot:";

/** SET NX: only the first instance to offer an event id gets "OK"; every other one, and every retry, null. */
export class RedisSeenStore implements SeenStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs = SEEN_TTL_MS,
  ) {}

  async firstTime(key: string): Promise<boolean> {
    const ok = await this.redis.set(`${KEY_PREFIX}seen:${key}`, "1", "PX", this.ttlMs, "NX");
    return ok === "OK";
  }
}

/**
 * The token buckets of MemoryRateLimiter, read, refilled and taken from in one script, so that two
 * instances taking at once cannot both spend the last token. Redis's own clock (TIME) times the refill:
 * instances' clocks may differ. Returns 0 when a token was taken from every bucket, else the wait in ms.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local idle = tonumber(ARGV[1])
local wait = 0
local tokens = {}
for i, key in ipairs(KEYS) do
  local per = tonumber(ARGV[i + 1])
  local rate = per / 60000
  local b = redis.call('HMGET', key, 'tokens', 'at')
  local tk = tonumber(b[1]) or per
  local at = tonumber(b[2]) or now
  tk = math.min(per, tk + math.max(0, now - at) * rate)
  tokens[i] = tk
  if tk < 1 then wait = math.max(wait, math.ceil((1 - tk) / rate)) end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('HSET', key, 'tokens', tostring(tokens[i] - 1), 'at', tostring(now))
  redis.call('PEXPIRE', key, idle)
end
return 0
`;

type RedisWithTake = Redis & { gapbotTake(n: number, ...args: (string | number)[]): Promise<number> };

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: RedisWithTake;

  constructor(redis: Redis) {
    // defineCommand sends EVALSHA and falls back to EVAL when the script is not cached (a restarted Redis).
    if (!("gapbotTake" in redis)) redis.defineCommand("gapbotTake", { lua: TAKE_SCRIPT });
    this.redis = redis as RedisWithTake;
  }

  async take(keys: readonly { key: string; perMinute: number }[]): Promise<Verdict> {
    if (keys.length === 0) return { ok: true };
    const wait = await this.redis.gapbotTake(
      keys.length,
      ...keys.map((k) => `${KEY_PREFIX}rate:${k.key}`),
      BUCKET_IDLE_MS,
      ...keys.map((k) => k.perMinute),
    );
    return wait === 0 ? { ok: true } : { ok: false, retryAfterMs: Number(wait) };
  }
}

export class RedisKeyValueStore implements KeyValueStore {
  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(`${KEY_PREFIX}kv:${key}`)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs === undefined) await this.redis.set(`${KEY_PREFIX}kv:${key}`, value);
    else await this.redis.set(`${KEY_PREFIX}kv:${key}`, value, "PX", Math.max(1, Math.ceil(ttlMs)));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(`${KEY_PREFIX}kv:${key}`);
  }
}
