import { describe, expect, it } from "vitest";
import { MemoryRateLimiter, retryText } from "../../src/runtime/rate-limit.js";

describe("rate limiter", () => {
  it("lets a user through 20 times a minute, then says when to retry", () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    const keys = [{ key: "user:U1", perMinute: 20 }];
    for (let i = 0; i < 20; i++) expect(limiter.takeNow(keys).ok).toBe(true);
    const denied = limiter.takeNow(keys);
    expect(denied).toEqual({ ok: false, retryAfterMs: 3000 });
    now += 3000;
    expect(limiter.takeNow(keys).ok).toBe(true);
  });

  it("keeps users apart, and counts a channel across its users", () => {
    const limiter = new MemoryRateLimiter(() => 0);
    const of = (user: string) => [
      { key: `user:${user}`, perMinute: 2 },
      { key: "channel:C1", perMinute: 3 },
    ];
    expect(limiter.takeNow(of("a")).ok).toBe(true);
    expect(limiter.takeNow(of("a")).ok).toBe(true);
    expect(limiter.takeNow(of("a")).ok).toBe(false);
    expect(limiter.takeNow(of("b")).ok).toBe(true);
    // The channel's third token is gone: b is refused too, though b has tokens left.
    expect(limiter.takeNow(of("b")).ok).toBe(false);
  });

  it("takes no token from any bucket when one refuses", () => {
    const limiter = new MemoryRateLimiter(() => 0);
    limiter.takeNow([{ key: "user:a", perMinute: 1 }]);
    expect(
      limiter.takeNow([
        { key: "channel:c", perMinute: 5 },
        { key: "user:a", perMinute: 1 },
      ]).ok,
    ).toBe(false);
    for (let i = 0; i < 5; i++) expect(limiter.takeNow([{ key: "channel:c", perMinute: 5 }]).ok).toBe(true);
  });

  it("stays bounded in memory", () => {
    const limiter = new MemoryRateLimiter(() => 0, 100);
    for (let i = 0; i < 1000; i++) limiter.takeNow([{ key: `user:${i}`, perMinute: 1 }]);
    // The oldest were forgotten: user 0 gets a fresh bucket.
    expect(limiter.takeNow([{ key: "user:0", perMinute: 1 }]).ok).toBe(true);
    expect(limiter.takeNow([{ key: "user:999", perMinute: 1 }]).ok).toBe(false);
  });

  it("says when to retry in words", () => {
    expect(retryText(3000)).toBe("in 3 seconds");
    expect(retryText(1)).toBe("in 1 second");
    expect(retryText(90_000)).toBe("in about 2 minutes");
  });
});
