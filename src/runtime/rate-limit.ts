// Per-user and per-channel token buckets, so one noisy user or channel cannot crowd out the rest.
// In memory by default; async, so that Redis can back it across instances (src/state/redis-stores.ts).

export type Verdict = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  /** Takes one token from every key's bucket, or none if any bucket is empty. */
  take(keys: readonly { key: string; perMinute: number }[]): Promise<Verdict>;
}

/** A bucket is full again a minute after its last take, so a store may forget it then. */
export const BUCKET_IDLE_MS = 60_000;

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets refilled continuously: `perMinute` tokens a minute, bursts up to `perMinute`. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  async take(keys: readonly { key: string; perMinute: number }[]): Promise<Verdict> {
    return this.takeNow(keys);
  }

  takeNow(keys: readonly { key: string; perMinute: number }[]): Verdict {
    const t = this.now();
    const filled = keys.map(({ key, perMinute }) => {
      const rate = perMinute / 60_000;
      const b = this.buckets.get(key) ?? { tokens: perMinute, at: t };
      const tokens = Math.min(perMinute, b.tokens + (t - b.at) * rate);
      return { key, perMinute, rate, tokens };
    });
    const empty = filled.filter((b) => b.tokens < 1);
    if (empty.length > 0) {
      const wait = Math.max(...empty.map((b) => (1 - b.tokens) / b.rate));
      return { ok: false, retryAfterMs: Math.ceil(wait) };
    }
    for (const b of filled) {
      this.buckets.delete(b.key);
      this.buckets.set(b.key, { tokens: b.tokens - 1, at: t });
    }
    // Oldest keys first out, so memory stays bounded whatever the traffic.
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    return { ok: true };
  }
}

/** The card a rate-limited user gets: when to try again, in words. */
export function retryText(retryAfterMs: number): string {
  const s = Math.max(1, Math.ceil(retryAfterMs / 1000));
  if (s < 60) return `in ${s} second${s === 1 ? "" : "s"}`;
  const m = Math.ceil(s / 60);
  return `in about ${m} minute${m === 1 ? "" : "s"}`;
}
