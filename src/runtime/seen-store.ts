// Remembers event ids for a while so a redelivered event is answered once.
// Async, so that a shared store (Redis, src/state/redis-stores.ts) can back it when several instances run.

export interface SeenStore {
  /** True the first time a key is offered within the TTL, false on every repeat. */
  firstTime(key: string): Promise<boolean>;
}

/** How long an event id is remembered: Slack retries within minutes, a gateway resume within seconds. */
export const SEEN_TTL_MS = 10 * 60_000;

/** In-memory, bounded: the oldest keys go first once `max` is reached. */
export class MemorySeenStore implements SeenStore {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = SEEN_TTL_MS,
    private readonly max = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  async firstTime(key: string): Promise<boolean> {
    return this.firstTimeNow(key);
  }

  /** The same check, synchronously: the fallback path uses it so no await sits between check and mark. */
  firstTimeNow(key: string): boolean {
    const t = this.now();
    const at = this.seen.get(key);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.seen.delete(key);
    this.seen.set(key, t);
    if (this.seen.size > this.max) {
      // Maps iterate in insertion order: the first key is the oldest.
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
