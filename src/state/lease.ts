// A lease in Redis: one holder at a time for a name, renewed while the holder lives, gone soon after it dies.
// Keeps a second unsharded Discord process off a token that one already serves (both would answer everything).
// https://redis.io/docs/latest/develop/use/patterns/distributed-locks/ (the single-instance form)
import { createHash, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Redis } from "ioredis";
import type { Logger } from "../log.js";

export const LEASE_TTL_MS = 30_000;

/** Extends or deletes only while we still hold it: a lease that expired and was taken is someone else's. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export class LeaseTaken extends Error {
  constructor(
    readonly key: string,
    readonly holder: string | null,
  ) {
    super(`the lease ${key} is held by ${holder ?? "another process"}`);
  }
}

export interface Lease {
  readonly owner: string;
  release(): Promise<void>;
}

/** Takes the lease or throws LeaseTaken; renews it every third of its TTL until released. */
export async function takeLease(
  redis: Redis,
  key: string,
  logger: Logger,
  ttlMs = LEASE_TTL_MS,
): Promise<Lease> {
  const owner = `${hostname()} pid ${process.pid} (${randomUUID().slice(0, 8)})`;
  const ok = await redis.set(key, owner, "PX", ttlMs, "NX");
  if (ok !== "OK") throw new LeaseTaken(key, await redis.get(key));
  const timer = setInterval(
    () => {
      redis.eval(RENEW, 1, key, owner, ttlMs).then(
        (renewed) => {
          if (Number(renewed) === 0)
            logger.error({ key }, "lease lost: another process took it while Redis was away");
        },
        // Redis away: the next tick tries again; the lease outlives a short outage.
        (err: unknown) => logger.debug({ err, key }, "lease renewal failed"),
      );
    },
    Math.max(100, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    owner,
    async release() {
      clearInterval(timer);
      await redis.eval(RELEASE, 1, key, owner).catch(() => undefined);
    },
  };
}

/**
 * The Discord gateway lease for a bot token (hashed: the token never reaches Redis): one for an unsharded
 * process, one per shard id for `npm run start:sharded`, whichever machine runs it.
 */
export function discordLeaseKey(token: string, shard?: { id: string; count: string }): string {
  const bot = createHash("sha256").update(token).digest("hex").slice(0, 16);
  return `gapbot:discord:gateway:${bot}:${shard ? `shard-${shard.id}-of-${shard.count}` : "unsharded"}`;
}

/** What a refused process says: who holds the token, and the two ways forward. */
export function discordLeaseMessage(err: LeaseTaken): string {
  return (
    `another gapbot process is already connected to Discord with this DISCORD_TOKEN (${err.holder ?? "unknown"}, ` +
    "a lease in Redis): two unsharded processes would both answer every mention. Stop the other one, or run " +
    "npm run start:sharded to spread shards over processes and machines (README: Discord at scale)"
  );
}
