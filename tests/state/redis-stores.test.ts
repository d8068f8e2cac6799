// The shared stores against a real redis-server: dedupe, atomic rate limits across clients, the key-value
// store with TTLs, and what each does while Redis is gone and once it is back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, silentLogger } from "../../src/log.js";
import { discordLeaseKey, LeaseTaken, takeLease } from "../../src/state/lease.js";
import { connectRedis, type RedisLink, reconnectDelayMs, redactedUrl } from "../../src/state/redis.js";
import { RedisKeyValueStore, RedisRateLimiter, RedisSeenStore } from "../../src/state/redis-stores.js";
import { openSharedState, type SharedState } from "../../src/state/shared.js";
import { freePort, hasRedisServer, startRedis, type TestRedis } from "../helpers/redis-server.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(50);
  }
}

describe("reconnect backoff and URLs", () => {
  it("doubles from about 100 ms to at most 5 s, with jitter below the step", () => {
    expect(reconnectDelayMs(1, () => 1)).toBe(100);
    expect(reconnectDelayMs(3, () => 1)).toBe(400);
    expect(reconnectDelayMs(20, () => 1)).toBe(5000);
    expect(reconnectDelayMs(20, () => 0)).toBe(2500);
  });

  it("never shows a password from REDIS_URL", () => {
    expect(redactedUrl("redis://:s3cret@host:6379/0")).not.toContain("s3cret");
  });
});

describe("connecting to Redis that is not there", () => {
  it("rejects at once with a message naming REDIS_URL and REDIS_OPTIONAL", async () => {
    const port = await freePort();
    await expect(connectRedis(`redis://127.0.0.1:${port}`, silentLogger(), 2_000)).rejects.toThrow(
      /cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+.*\(REDIS_URL\).*REDIS_OPTIONAL=true/,
    );
  });

  it("with REDIS_OPTIONAL, falls back to memory and warns", async () => {
    const port = await freePort();
    const lines: string[] = [];
    const logger = createLogger({
      level: "warn",
      destination: { write: (l: string) => lines.push(l) } as unknown as NodeJS.WritableStream,
    });
    const state = await openSharedState({ url: `redis://127.0.0.1:${port}`, optional: true }, logger);
    expect(state.backend).toBe("memory");
    expect(await state.seen.firstTime("e1")).toBe(true);
    expect(await state.seen.firstTime("e1")).toBe(false);
    expect(lines.join("")).toMatch(/REDIS_OPTIONAL=true/);
  });
});

describe.skipIf(!hasRedisServer)("the stores on a real Redis", () => {
  let redis: TestRedis;
  let a: RedisLink;
  let b: RedisLink;
  beforeAll(async () => {
    redis = await startRedis();
    a = await connectRedis(redis.url, silentLogger());
    b = await connectRedis(redis.url, silentLogger());
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.close();
  });

  it("answers an event id once, whichever client offers it first", async () => {
    const one = new RedisSeenStore(a.client);
    const two = new RedisSeenStore(b.client);
    const results = await Promise.all([one.firstTime("ev-1"), two.firstTime("ev-1"), one.firstTime("ev-1")]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await two.firstTime("ev-2")).toBe(true);
  });

  it("forgets an event id after its TTL", async () => {
    const seen = new RedisSeenStore(a.client, 100);
    expect(await seen.firstTime("ev-short")).toBe(true);
    expect(await seen.firstTime("ev-short")).toBe(false);
    await sleep(150);
    expect(await seen.firstTime("ev-short")).toBe(true);
  });

  it("given 40 takes at once from two clients on a limit of 15, lets exactly 15 through", async () => {
    const limiters = [new RedisRateLimiter(a.client), new RedisRateLimiter(b.client)];
    const keys = [{ key: "slack:T1:user:U-race", perMinute: 15 }];
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => limiters[i % 2]?.take(keys) ?? Promise.reject()),
    );
    expect(verdicts.filter((v) => v.ok)).toHaveLength(15);
    const refused = verdicts.find((v) => !v.ok);
    // 15 a minute: one token every 4 s.
    expect(refused && !refused.ok && refused.retryAfterMs).toBeGreaterThan(3_000);
    expect(refused && !refused.ok && refused.retryAfterMs).toBeLessThanOrEqual(4_000);
  });

  it("takes no token from any bucket when one refuses, and refills with time", async () => {
    const limiter = new RedisRateLimiter(a.client);
    expect((await limiter.take([{ key: "u:one", perMinute: 1 }])).ok).toBe(true);
    const channel = { key: "c:shared", perMinute: 5 };
    expect((await limiter.take([channel, { key: "u:one", perMinute: 1 }])).ok).toBe(false);
    // The channel lost nothing to the refused take.
    for (let i = 0; i < 5; i++) expect((await limiter.take([channel])).ok).toBe(true);
    expect((await limiter.take([channel])).ok).toBe(false);

    const fast = [{ key: "c:fast", perMinute: 30 }];
    await Promise.all(Array.from({ length: 30 }, () => limiter.take(fast)));
    const refused = await limiter.take(fast);
    if (refused.ok) throw new Error("expected a refusal");
    // 30 a minute is one token every 2 s: the wait says so, and after it a token is there.
    expect(refused.retryAfterMs).toBeLessThanOrEqual(2_000);
    await sleep(refused.retryAfterMs + 50);
    expect((await limiter.take(fast)).ok).toBe(true);
  });

  it("stores, expires and deletes values, visible to every client", async () => {
    const one = new RedisKeyValueStore(a.client);
    const two = new RedisKeyValueStore(b.client);
    await one.set("thread:C1:1.2", '{"subject":"x"}');
    expect(await two.get("thread:C1:1.2")).toBe('{"subject":"x"}');
    await two.set("short", "v", 80);
    expect(await one.get("short")).toBe("v");
    await sleep(150);
    expect(await one.get("short")).toBeUndefined();
    await one.delete("thread:C1:1.2");
    expect(await two.get("thread:C1:1.2")).toBeUndefined();
  });
});

describe.skipIf(!hasRedisServer)("losing Redis while running", () => {
  let redis: TestRedis;
  let state: SharedState;
  const lines: string[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    const logger = createLogger({
      level: "info",
      destination: { write: (l: string) => lines.push(l) } as unknown as NodeJS.WritableStream,
    });
    state = await openSharedState({ url: redis.url, optional: false }, logger);
  });
  afterAll(async () => {
    await state?.close();
    await redis?.close();
  });

  it("answers from memory without throwing, warns once, and shares again once Redis is back", async () => {
    expect(state.backend).toBe("redis");
    expect(await state.seen.firstTime("before")).toBe(true);
    await state.kv.set("k", "shared");
    await redis.stop();
    await until(() => state.redis?.state() === "down");

    // Nothing throws; dedupe still works within this process, even for an id seen before the loss.
    expect(await state.seen.firstTime("before")).toBe(false);
    expect(await state.seen.firstTime("during")).toBe(true);
    expect(await state.seen.firstTime("during")).toBe(false);
    expect((await state.limiter.take([{ key: "u", perMinute: 1 }])).ok).toBe(true);
    expect((await state.limiter.take([{ key: "u", perMinute: 1 }])).ok).toBe(false);
    await state.kv.set("k2", "local");
    expect(await state.kv.get("k2")).toBe("local");
    const warnings = lines.filter((l) => /Redis unavailable/.test(l));
    expect(warnings).toHaveLength(1);
    expect(lines.filter((l) => /Redis connection lost/.test(l))).toHaveLength(1);

    await redis.restart();
    await until(() => state.redis?.state() === "up");
    await state.kv.set("back", "yes");
    expect(await state.seen.firstTime("after")).toBe(true);
    // Straight from Redis: the write went there, not to this process's memory.
    expect(await state.redis?.client.get("gapbot:kv:back")).toBe("yes");
    expect(lines.some((l) => /Redis connection back/.test(l))).toBe(true);
  });
});

describe.skipIf(!hasRedisServer)("a lease in Redis", () => {
  let redis: TestRedis;
  let link: RedisLink;
  beforeAll(async () => {
    redis = await startRedis();
    link = await connectRedis(redis.url, silentLogger());
  });
  afterAll(async () => {
    await link?.close();
    await redis?.close();
  });

  it("has one holder at a time, is renewed past its TTL while held, and is free once released", async () => {
    const key = discordLeaseKey("a-token");
    expect(key).not.toContain("a-token");
    const first = await takeLease(link.client, key, silentLogger(), 300);
    await expect(takeLease(link.client, key, silentLogger(), 300)).rejects.toThrow(LeaseTaken);
    await sleep(700);
    const refused = await takeLease(link.client, key, silentLogger(), 300).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LeaseTaken);
    expect((refused as LeaseTaken).holder).toBe(first.owner);
    await first.release();
    const second = await takeLease(link.client, key, silentLogger(), 300);
    await second.release();
  });

  it("keys shards apart, so each shard id has its own holder", () => {
    const zero = discordLeaseKey("t", { id: "0", count: "2" });
    expect(zero).not.toBe(discordLeaseKey("t", { id: "1", count: "2" }));
    expect(zero).not.toBe(discordLeaseKey("t"));
  });
});
