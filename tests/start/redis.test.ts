// startBot with REDIS_URL: an unreachable Redis stops start-up with one clear line unless REDIS_OPTIONAL, and
// a reachable one backs the context every adapter gets. Adapters are stand-ins; Redis is real.
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdapterContext } from "../../src/adapters/adapter.js";
import { type Platforms, startBot } from "../../src/start.js";
import { freePort, hasRedisServer, startRedis, type TestRedis } from "../helpers/redis-server.js";
import { sink } from "../helpers/sink.js";

const MINI = new URL("../fixtures/mini-knowledge", import.meta.url).pathname;
const cwd = mkdtempSync(join(tmpdir(), "gapbot-start-redis-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** A Discord stand-in that hands its context back to the test. */
function discordStandIn(got: (ctx: AdapterContext) => void): Platforms {
  return {
    slack: async () => {
      throw new Error("Slack was not expected to start");
    },
    discord: async () => ({
      startDiscord: async (_settings, ctx) => {
        got(ctx);
        return { name: "discord", healthy: () => true, stop: async () => {} };
      },
    }),
  };
}

async function launch(env: Record<string, string>) {
  const stderr = sink();
  const signals = new EventEmitter();
  let ctx: AdapterContext | undefined;
  let ready: () => void = () => {};
  const isReady = new Promise<void>((r) => {
    ready = r;
  });
  const exit = startBot(
    { KNOWLEDGE_DIR: MINI, PORT: "0", DISCORD_TOKEN: "t0ken", ...env },
    {
      cwd,
      signals,
      stderr: stderr.stream,
      platforms: discordStandIn((c) => {
        ctx = c;
      }),
      onReady: () => ready(),
    },
  );
  const started = await Promise.race([isReady.then(() => true), exit.then(() => false)]);
  return { exit, started, signals, stderr, ctx: () => ctx };
}

describe("startBot with REDIS_URL", () => {
  it("given a Redis that cannot be reached, says so in one line naming REDIS_URL and exits 1", async () => {
    const port = await freePort();
    const bot = await launch({ REDIS_URL: `redis://:pw0rd@127.0.0.1:${port}` });
    expect(bot.started).toBe(false);
    expect(await bot.exit).toBe(1);
    const text = bot.stderr.text();
    expect(text).toMatch(/^gapbot: cannot reach Redis at redis:\/\/.*127\.0\.0\.1.*\(REDIS_URL\)/m);
    expect(text).toContain("REDIS_OPTIONAL=true");
    expect(text).not.toContain("pw0rd");
    expect(text).not.toMatch(/^\s+at /m);
  });

  it("given REDIS_OPTIONAL=true, starts on memory with a warning", async () => {
    const port = await freePort();
    const bot = await launch({ REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_OPTIONAL: "true" });
    expect(bot.started).toBe(true);
    expect(bot.stderr.text()).toMatch(/Redis unreachable and REDIS_OPTIONAL=true/);
    bot.signals.emit("SIGTERM");
    expect(await bot.exit).toBe(0);
  });

  it("given REDIS_OPTIONAL without REDIS_URL, names the missing variable", async () => {
    const stderr = sink();
    const code = await startBot({ REDIS_OPTIONAL: "true" }, { cwd, stderr: stderr.stream });
    expect(code).toBe(1);
    expect(stderr.text()).toMatch(/^gapbot: REDIS_OPTIONAL \(.+\): is set, but REDIS_URL/m);
  });
});

describe.skipIf(!hasRedisServer)("startBot on a real Redis", () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.close();
  });

  it("hands every adapter stores that two processes share", async () => {
    // Two bots (two tokens): one token has one unsharded process, as the test below shows.
    const one = await launch({ REDIS_URL: redis.url, DISCORD_TOKEN: "bot-one" });
    const two = await launch({ REDIS_URL: redis.url, DISCORD_TOKEN: "bot-two" });
    expect(one.started && two.started).toBe(true);
    const a = one.ctx();
    const b = two.ctx();
    if (!a || !b) throw new Error("no context");
    expect(await a.seen.firstTime("slack:Ev1")).toBe(true);
    expect(await b.seen.firstTime("slack:Ev1")).toBe(false);
    await a.kv.set("thread:C1:1.0", "context");
    expect(await b.kv.get("thread:C1:1.0")).toBe("context");
    const keys = [{ key: "slack:T1:user:U1", perMinute: 2 }];
    expect((await a.rateLimit?.limiter.take(keys))?.ok).toBe(true);
    expect((await b.rateLimit?.limiter.take(keys))?.ok).toBe(true);
    expect((await a.rateLimit?.limiter.take(keys))?.ok).toBe(false);
    expect(one.stderr.text()).toMatch(/"sharedState":"redis"/);
    one.signals.emit("SIGTERM");
    two.signals.emit("SIGTERM");
    expect(await one.exit).toBe(0);
    expect(await two.exit).toBe(0);
  });

  it("refuses a second unsharded Discord process on the same token, naming the way forward; a third starts once the first stops", async () => {
    const token = `lease-${Date.now()}`;
    const one = await launch({ REDIS_URL: redis.url, DISCORD_TOKEN: token });
    expect(one.started).toBe(true);
    const two = await launch({ REDIS_URL: redis.url, DISCORD_TOKEN: token });
    expect(two.started).toBe(false);
    expect(await two.exit).toBe(1);
    expect(two.stderr.text()).toMatch(
      /another gapbot process is already connected to Discord with this DISCORD_TOKEN/,
    );
    expect(two.stderr.text()).toContain("npm run start:sharded");
    expect(two.stderr.text()).not.toContain(token);
    // Another bot's token is not held back.
    const other = await launch({ REDIS_URL: redis.url, DISCORD_TOKEN: `${token}-other` });
    expect(other.started).toBe(true);

    one.signals.emit("SIGTERM");
    other.signals.emit("SIGTERM");
    expect(await one.exit).toBe(0);
    expect(await other.exit).toBe(0);
    const three = await launch({ REDIS_URL: redis.url, DISCORD_TOKEN: token });
    expect(three.started).toBe(true);
    three.signals.emit("SIGTERM");
    expect(await three.exit).toBe(0);
  });
});
