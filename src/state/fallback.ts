// While Redis is unreachable, each shared store answers from this process's memory instead of failing the
// turn: a lost link costs sharing between instances for a while, never an answer. One warning per outage.
import type { Logger } from "../log.js";
import { MemoryRateLimiter, type RateLimiter, type Verdict } from "../runtime/rate-limit.js";
import { MemorySeenStore, type SeenStore } from "../runtime/seen-store.js";
import { type KeyValueStore, MemoryKeyValueStore } from "./kv.js";

/** Shared by every store of a process, so that an outage is announced once, not once per store or call. */
export class OutageNotice {
  private down = false;
  private fallbacks = 0;

  constructor(
    private readonly logger: Logger,
    private readonly onFallback: (store: string) => void = () => {},
  ) {}

  failed(store: string, err: unknown): void {
    this.fallbacks++;
    this.onFallback(store);
    if (this.down) return;
    this.down = true;
    this.logger.warn(
      { err, store },
      "Redis unavailable: dedupe, rate limits and shared state use this process's memory until it is back",
    );
  }

  succeeded(): void {
    this.down = false;
  }

  /** Calls answered from memory since start (for tests and logs). */
  get count(): number {
    return this.fallbacks;
  }
}

export class FallbackSeenStore implements SeenStore {
  // Every id is also remembered here, so that a retry reaching this instance during an outage is still known.
  private readonly local = new MemorySeenStore();

  constructor(
    private readonly shared: SeenStore,
    private readonly notice: OutageNotice,
  ) {}

  async firstTime(key: string): Promise<boolean> {
    const locallyFirst = this.local.firstTimeNow(key);
    try {
      const first = await this.shared.firstTime(key);
      this.notice.succeeded();
      return first;
    } catch (err) {
      this.notice.failed("dedupe", err);
      return locallyFirst;
    }
  }
}

export class FallbackRateLimiter implements RateLimiter {
  private readonly local = new MemoryRateLimiter();

  constructor(
    private readonly shared: RateLimiter,
    private readonly notice: OutageNotice,
  ) {}

  async take(keys: readonly { key: string; perMinute: number }[]): Promise<Verdict> {
    try {
      const verdict = await this.shared.take(keys);
      this.notice.succeeded();
      return verdict;
    } catch (err) {
      this.notice.failed("rate limits", err);
      return this.local.takeNow(keys);
    }
  }
}

export class FallbackKeyValueStore implements KeyValueStore {
  // Only written during an outage: a thread's context written then is still found by this instance.
  private readonly local = new MemoryKeyValueStore(10_000);

  constructor(
    private readonly shared: KeyValueStore,
    private readonly notice: OutageNotice,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      const value = await this.shared.get(key);
      this.notice.succeeded();
      return value ?? (await this.local.get(key));
    } catch (err) {
      this.notice.failed("key-value store", err);
      return this.local.get(key);
    }
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    try {
      await this.shared.set(key, value, ttlMs);
      this.notice.succeeded();
      await this.local.delete(key);
    } catch (err) {
      this.notice.failed("key-value store", err);
      await this.local.set(key, value, ttlMs);
    }
  }

  async delete(key: string): Promise<void> {
    await this.local.delete(key);
    try {
      await this.shared.delete(key);
      this.notice.succeeded();
    } catch (err) {
      this.notice.failed("key-value store", err);
    }
  }
}
