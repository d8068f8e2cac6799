import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { MemoryRateLimiter } from "../../src/runtime/rate-limit.js";
import { checkRateLimit, rateLimitKeys } from "../../src/runtime/rate-limited.js";

const limits = { perUserPerMinute: 1, perChannelPerMinute: 5 };

describe("checkRateLimit", () => {
  it("keys users and channels by platform and workspace, so equal ids elsewhere never share a bucket", () => {
    expect(
      rateLimitKeys({ platform: "discord", workspace: "G1", user: "U1", channel: "C1" }, limits),
    ).toEqual([
      { key: "discord:G1:user:U1", perMinute: 1 },
      { key: "discord:G1:channel:C1", perMinute: 5 },
    ]);
    expect(rateLimitKeys({ platform: "discord", user: "U1" }, limits)).toEqual([
      { key: "discord:-:user:U1", perMinute: 1 },
    ]);
  });

  it("given a user over the limit, gives an error card that says when to retry; elsewhere lets them through", async () => {
    const ctx = { logger: silentLogger(), rateLimit: { limiter: new MemoryRateLimiter(() => 0), ...limits } };
    const asker = { platform: "slack" as const, workspace: "T1", user: "U1", channel: "C1" };
    expect(await checkRateLimit(ctx, asker)).toBeUndefined();
    const card = await checkRateLimit(ctx, asker);
    expect(card?.kind).toBe("error");
    expect(card?.headline).toContain("try again in about 1 minute");
    expect(await checkRateLimit(ctx, { ...asker, platform: "discord" })).toBeUndefined();
    expect(await checkRateLimit(ctx, { ...asker, workspace: "T2" })).toBeUndefined();
  });

  it("without a limiter (console, tests), lets every turn through", async () => {
    const ctx = { logger: silentLogger() };
    for (let i = 0; i < 100; i++)
      expect(await checkRateLimit(ctx, { platform: "slack", user: "U1" })).toBeUndefined();
  });
});
