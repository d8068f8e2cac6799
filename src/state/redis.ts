// The one Redis connection a process keeps (REDIS_URL), with what start-up and /metrics need to know of it.
// Commands fail at once while the link is down (no offline queue), so callers fall back instead of waiting;
// the client reconnects by itself with a capped, jittered backoff.
// https://github.com/redis/ioredis#auto-reconnect
import { Redis } from "ioredis";
import type { Logger } from "../log.js";

/** A command that Redis has not answered in this long fails, so that a stalled link cannot hold a turn. */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;
/** How long start-up waits for the first connection before it reports Redis unreachable. */
export const REDIS_CONNECT_TIMEOUT_MS = 5_000;

export type RedisState = "up" | "down" | "closed";

export interface RedisLink {
  readonly client: Redis;
  state(): RedisState;
  /** Called with every change of state (for metrics). */
  onState(listener: (state: RedisState) => void): void;
  close(): Promise<void>;
}

/** Reconnect after 100 ms, doubling to 5 s at most, with jitter so that a fleet does not reconnect in step. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(5_000, 100 * 2 ** Math.min(attempt - 1, 6));
  return Math.round(base * (0.5 + random() / 2));
}

/** The URL with its password hidden, fit for a log line or an error message. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(an unparsable URL)";
  }
}

/**
 * Connects and waits until Redis answers; rejects with a message naming REDIS_URL when it cannot be
 * reached within `timeoutMs` or refuses at once. Once connected, losses are logged and reconnected.
 */
export async function connectRedis(
  url: string,
  logger: Logger,
  timeoutMs = REDIS_CONNECT_TIMEOUT_MS,
): Promise<RedisLink> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    // Commands issued in the same tick (many turns at once) go out in one write: fewer syscalls under load.
    enableAutoPipelining: true,
    connectTimeout: Math.min(timeoutMs, 5_000),
    retryStrategy: (attempt) => reconnectDelayMs(attempt),
  });
  let state: RedisState = "down";
  const listeners: ((s: RedisState) => void)[] = [];
  const set = (next: RedisState) => {
    if (next === state) return;
    state = next;
    for (const l of listeners) l(next);
  };

  // Until the first connection, a failure is start-up's to report; after it, a loss to log.
  let started = false;
  let lost = false;
  client.on("ready", () => {
    set("up");
    if (lost) logger.warn({ redis: redactedUrl(url) }, "Redis connection back: shared state is shared again");
    lost = false;
  });
  client.on("error", (err) => {
    if (started && !lost) logger.debug({ err }, "Redis error");
  });
  client.on("close", () => {
    if (state === "closed") return;
    set("down");
    if (started && !lost) {
      lost = true;
      logger.warn(
        { redis: redactedUrl(url) },
        "Redis connection lost: reconnecting with backoff; meanwhile each instance uses its own memory",
      );
    }
  });

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      const fail = (err: Error) => {
        clearTimeout(timer);
        reject(err);
      };
      client.once("error", fail);
      client.connect().then(
        () => {
          clearTimeout(timer);
          client.off("error", fail);
          resolve();
        },
        (err: Error) => fail(err),
      );
    });
  } catch (err) {
    client.disconnect();
    throw new Error(
      `cannot reach Redis at ${redactedUrl(url)} (REDIS_URL): ${(err as Error).message}. Start Redis or fix ` +
        "REDIS_URL; or set REDIS_OPTIONAL=true to run on this process's memory alone",
      { cause: err },
    );
  }
  started = true;
  set("up");

  return {
    client,
    state: () => state,
    onState: (listener) => {
      listeners.push(listener);
    },
    async close() {
      set("closed");
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
