// startBot in-process: settings, .env, the console path, and the platform path's health and shutdown.
// The platform adapters are stand-ins here (their own tests drive Bolt and discord.js); everything else is real.
import { EventEmitter } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { AdapterContext, RunningAdapter } from "../../src/adapters/adapter.js";
import type { DiscordSettings, SlackSettings } from "../../src/config/settings.js";
import type { Card } from "../../src/core/card.js";
import { type Platforms, type StartIo, startBot, withDotEnv } from "../../src/start.js";
import { DATABASE_FILE, openDatabase } from "../../src/storage/database.js";
import { QuestionLog } from "../../src/storage/question-log.js";
import { sink } from "../helpers/sink.js";

const MINI = new URL("../fixtures/mini-knowledge", import.meta.url).pathname;
const cwd = mkdtempSync(join(tmpdir(), "gapbot-start-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stand-in adapter whose health and stop duration the test controls. */
function standIn(name: "slack" | "discord", stopMs = 0, port?: number) {
  const state = { healthy: true, stopped: false, stopCalls: 0, ctx: undefined as AdapterContext | undefined };
  const adapter: RunningAdapter & { port?: number } = {
    name,
    healthy: () => state.healthy,
    stop: async () => {
      state.stopCalls++;
      if (stopMs === Number.POSITIVE_INFINITY) await new Promise(() => {});
      await sleep(stopMs);
      state.stopped = true;
    },
    port,
  };
  return { state, adapter };
}

function platformsOf(
  adapters: { slack?: ReturnType<typeof standIn>; discord?: ReturnType<typeof standIn> },
  hooks: {
    slackSettings?: SlackSettings[];
    discordSettings?: DiscordSettings[];
    discordDelayMs?: number;
  } = {},
): Platforms {
  return {
    slack: async () => ({
      startSlack: async (settings, ctx) => {
        if (!adapters.slack) throw new Error("Slack was not expected to start");
        hooks.slackSettings?.push(settings);
        adapters.slack.state.ctx = ctx;
        return adapters.slack.adapter;
      },
    }),
    discord: async () => ({
      startDiscord: async (settings, ctx) => {
        if (!adapters.discord) throw new Error("Discord was not expected to start");
        hooks.discordSettings?.push(settings);
        await sleep(hooks.discordDelayMs ?? 0);
        adapters.discord.state.ctx = ctx;
        return adapters.discord.adapter;
      },
    }),
  };
}

/** Starts the bot on the platform path; resolves once it is ready, with its health port. */
async function launch(env: Record<string, string>, io: Partial<StartIo>) {
  const stderr = sink();
  const signals = new EventEmitter();
  let ready: (port: number | undefined) => void = () => {};
  const readyPort = new Promise<number | undefined>((r) => {
    ready = r;
  });
  const started = performance.now();
  const exit = startBot(
    { KNOWLEDGE_DIR: MINI, PORT: "0", ...env },
    { cwd, signals, stderr: stderr.stream, onReady: ({ healthPort }) => ready(healthPort), ...io },
  );
  const port = await Promise.race([readyPort, exit.then(() => undefined)]);
  return { exit, port, signals, stderr, started };
}

async function healthz(port: number | undefined): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  await res.arrayBuffer();
  return res.status;
}

describe("startBot, settings", () => {
  it("given bad settings, writes one prefixed line per problem, no stack trace, and exits 1", async () => {
    const stderr = sink();
    const code = await startBot(
      { SLACK_BOT_TOKEN: "xoxb-secret-1", PORT: "http" },
      { cwd, stderr: stderr.stream },
    );
    expect(code).toBe(1);
    const lines = stderr.text().trim().split("\n");
    expect(lines[0]).toMatch(/^gapbot: SLACK_BOT_TOKEN \(.+\): .*SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
    expect(lines[1]).toMatch(/^gapbot: PORT \(.+\): must be a whole number/);
    expect(lines).toHaveLength(3);
    expect(stderr.text()).not.toMatch(/^\s+at /m);
    expect(stderr.text()).not.toContain("secret-1");
  });

  it("given a knowledge folder that does not load, names the folder and each problem, and exits 1", async () => {
    const stderr = sink();
    const code = await startBot({ KNOWLEDGE_DIR: join(cwd, "nowhere") }, { cwd, stderr: stderr.stream });
    expect(code).toBe(1);
    const lines = stderr.text().trim().split("\n");
    expect(lines[0]).toMatch(/^gapbot: the knowledge in .*nowhere fails the check .*:$/);
    expect(lines[1]).toMatch(/^gapbot: {3}sources\.yaml: /);
  });
});

describe("withDotEnv", () => {
  it("given a .env, fills in what the environment leaves unset or blank, and the environment wins", () => {
    const dir = mkdtempSync(join(cwd, "dotenv-"));
    writeFileSync(
      join(dir, ".env"),
      "PORT=4000\nLOG_LEVEL=debug\nSLACK_BOT_TOKEN=xoxb-from-file\n# a comment\n",
    );
    const { env, problem } = withDotEnv({ PORT: "5000", SLACK_BOT_TOKEN: " " }, dir);
    expect(problem).toBeUndefined();
    expect(env).toEqual({ PORT: "5000", LOG_LEVEL: "debug", SLACK_BOT_TOKEN: "xoxb-from-file" });
  });

  it("given no .env, leaves the environment as it is", () => {
    expect(withDotEnv({ PORT: "1" }, mkdtempSync(join(cwd, "none-")))).toEqual({ env: { PORT: "1" } });
  });

  it("given a .env that cannot be read, reports it as a problem", () => {
    const dir = mkdtempSync(join(cwd, "unreadable-"));
    mkdirSync(join(dir, ".env"));
    expect(withDotEnv({}, dir).problem).toMatch(/^\.env \(.+\) cannot be read/);
  });

  it("given settings only in .env, startBot uses them", async () => {
    const dir = mkdtempSync(join(cwd, "bad-"));
    writeFileSync(join(dir, ".env"), "PORT=99999\n");
    const stderr = sink();
    expect(await startBot({}, { cwd: dir, stderr: stderr.stream })).toBe(1);
    expect(stderr.text()).toMatch(/^gapbot: PORT/);
  });
});

describe("startBot, console", () => {
  it("with no platform configured, answers piped input on stdout, loads no platform, and exits 0", async () => {
    const stdin = new PassThrough();
    stdin.end("/gap compute\n");
    const stdout = sink();
    const stderr = sink();
    const untouchable = {
      slack: () => Promise.reject(new Error("Slack must not load")),
      discord: () => Promise.reject(new Error("Discord must not load")),
    } as unknown as Platforms;
    const code = await startBot(
      { KNOWLEDGE_DIR: MINI },
      { cwd, stdin, stdout: stdout.stream, stderr: stderr.stream, platforms: untouchable },
    );
    expect(code).toBe(0);
    expect(stdout.text()).toMatch(/^China–US gap: Computing power\nUS 2400 EFLOPS vs China 1053 EFLOPS/);
    // The console logs warnings only by default: nothing interleaves with the answers.
    expect(stderr.text()).toBe("");
  });

  it("given SIGTERM while stdin is still open, stops reading and exits 0", async () => {
    const stdin = new PassThrough();
    const signals = new EventEmitter();
    const exit = startBot({ KNOWLEDGE_DIR: MINI }, { cwd, stdin, stdout: sink().stream, signals });
    await sleep(100);
    signals.emit("SIGTERM");
    expect(await exit).toBe(0);
    expect(signals.listenerCount("SIGTERM")).toBe(0);
  });
});

describe("startBot, platforms", () => {
  it("given Discord, serves /healthz on PORT: 200 while connected, 503 when not", async () => {
    const discord = standIn("discord");
    const bot = await launch({ DISCORD_TOKEN: "t0ken" }, { platforms: platformsOf({ discord }) });
    expect(bot.port).toBeGreaterThan(0);
    expect(await healthz(bot.port)).toBe(200);
    discord.state.healthy = false;
    expect(await healthz(bot.port)).toBe(503);
    bot.signals.emit("SIGTERM");
    expect(await bot.exit).toBe(0);
  });

  it("on SIGTERM, turns unhealthy, lets replies in flight finish, stops, closes the port and exits 0", async () => {
    const discord = standIn("discord", 300);
    const bot = await launch({ DISCORD_TOKEN: "t0ken" }, { platforms: platformsOf({ discord }) });
    bot.signals.emit("SIGTERM");
    await sleep(50);
    // Still finishing a reply: the port is open but a load balancer is told to send work elsewhere.
    expect(await healthz(bot.port)).toBe(503);
    expect(await bot.exit).toBe(0);
    expect(discord.state.stopped).toBe(true);
    await expect(healthz(bot.port)).rejects.toThrow();
    expect(bot.signals.listenerCount("SIGTERM") + bot.signals.listenerCount("SIGINT")).toBe(0);
    const messages = bot.stderr.logs().map((l) => l.msg);
    expect(messages).toEqual(
      expect.arrayContaining(["gapbot started", "shutting down: finishing replies in flight", "stopped"]),
    );
  });

  it("given replies that do not finish, stops waiting after the grace period and still exits 0", async () => {
    const discord = standIn("discord", Number.POSITIVE_INFINITY);
    const bot = await launch(
      { DISCORD_TOKEN: "t0ken" },
      { platforms: platformsOf({ discord }), graceMs: 200 },
    );
    const signalled = performance.now();
    bot.signals.emit("SIGINT");
    expect(await bot.exit).toBe(0);
    const took = performance.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(190);
    expect(took).toBeLessThan(1500);
    expect(bot.stderr.logs().some((l) => l.msg === "replies still in flight after the grace period")).toBe(
      true,
    );
  });

  it("given a second signal during shutdown, exits at once with 1", async () => {
    const discord = standIn("discord", Number.POSITIVE_INFINITY);
    const bot = await launch({ DISCORD_TOKEN: "t0ken" }, { platforms: platformsOf({ discord }) });
    bot.signals.emit("SIGTERM");
    await sleep(20);
    const forced = performance.now();
    bot.signals.emit("SIGTERM");
    expect(await bot.exit).toBe(1);
    expect(performance.now() - forced).toBeLessThan(1000);
  });

  it("given a signal while a platform is still starting, shuts down as soon as it has started", async () => {
    const discord = standIn("discord");
    const signals = new EventEmitter();
    const exit = startBot(
      { KNOWLEDGE_DIR: MINI, PORT: "0", DISCORD_TOKEN: "t0ken" },
      { cwd, signals, stderr: sink().stream, platforms: platformsOf({ discord }, { discordDelayMs: 200 }) },
    );
    await sleep(50);
    signals.emit("SIGTERM");
    expect(await exit).toBe(0);
    expect(discord.state.stopCalls).toBe(1);
  });

  it("given Slack and Discord, starts both in one process over one core, one seen-event store and one rate limiter", async () => {
    const slack = standIn("slack");
    const discord = standIn("discord");
    const slackSettings: SlackSettings[] = [];
    const bot = await launch(
      {
        SLACK_BOT_TOKEN: "xoxb-1",
        SLACK_APP_TOKEN: "xapp-1",
        DISCORD_TOKEN: "t0ken",
        REPLY_VISIBILITY: "in_channel",
        RATE_LIMIT_PER_USER: "7",
      },
      { platforms: platformsOf({ slack, discord }, { slackSettings }) },
    );
    expect(slackSettings[0]).toMatchObject({
      mode: "socket",
      botToken: "xoxb-1",
      replyVisibility: "in_channel",
    });
    expect(slack.state.ctx?.core).toBe(discord.state.ctx?.core);
    expect(slack.state.ctx?.seen).toBe(discord.state.ctx?.seen);
    expect(slack.state.ctx?.rateLimit).toBe(discord.state.ctx?.rateLimit);
    expect(slack.state.ctx?.core.answer("/gap compute").headline).toContain("2400");
    expect(slack.state.ctx?.rateLimit).toMatchObject({ perUserPerMinute: 7, perChannelPerMinute: 60 });
    expect(await healthz(bot.port)).toBe(200);
    slack.state.healthy = false;
    expect(await healthz(bot.port)).toBe(503);
    bot.signals.emit("SIGTERM");
    expect(await bot.exit).toBe(0);
    expect([slack.state.stopped, discord.state.stopped]).toEqual([true, true]);
    const started = bot.stderr.logs().find((l) => l.msg === "gapbot started");
    expect(started?.platforms).toEqual(["slack (socket mode)", "discord"]);
    expect(bot.stderr.text()).not.toContain("t0ken");
  });

  it("given Slack in HTTP mode, leaves PORT to Slack's receiver and hands it the process health", async () => {
    // Hold the port ourselves: a second health server on it would fail to listen.
    const held: Server = createServer();
    await new Promise<void>((r) => held.listen(0, "0.0.0.0", () => r()));
    const heldPort = (held.address() as { port: number }).port;
    const slack = standIn("slack", 0, heldPort);
    const slackSettings: SlackSettings[] = [];
    const bot = await launch(
      { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s3cret", PORT: String(heldPort) },
      { platforms: platformsOf({ slack }, { slackSettings }) },
    );
    expect(bot.port).toBe(heldPort);
    expect(slackSettings[0]).toMatchObject({ mode: "http", port: heldPort });
    expect(slack.state.ctx?.health?.()).toBe(true);
    slack.state.healthy = false;
    expect(slack.state.ctx?.health?.()).toBe(false);
    bot.signals.emit("SIGTERM");
    expect(await bot.exit).toBe(0);
    await new Promise((r) => held.close(r));
  });

  it("given PORT already taken and no Slack receiver to own it, logs why and exits 1", async () => {
    const held: Server = createServer();
    await new Promise<void>((r) => held.listen(0, "0.0.0.0", () => r()));
    const heldPort = (held.address() as { port: number }).port;
    const discord = standIn("discord");
    const bot = await launch(
      { DISCORD_TOKEN: "t0ken", PORT: String(heldPort) },
      { platforms: platformsOf({ discord }) },
    );
    expect(await bot.exit).toBe(1);
    expect(bot.stderr.logs().find((l) => l.msg === "start-up failed")?.err).toMatchObject({
      code: "EADDRINUSE",
    });
    await new Promise((r) => held.close(r));
  });

  it("given a platform that fails to start, stops the ones already started, frees PORT and exits 1", async () => {
    const slack = standIn("slack");
    const bot = await launch(
      { SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", DISCORD_TOKEN: "t0ken" },
      { platforms: platformsOf({ slack }) },
    );
    expect(await bot.exit).toBe(1);
    expect(slack.state.stopped).toBe(true);
    const fatal = bot.stderr.logs().find((l) => l.msg === "start-up failed");
    expect(fatal?.err).toMatchObject({ message: "Discord was not expected to start" });
  });
});

describe("startBot, the question record and follow-ups", () => {
  const answered: Card = {
    kind: "answer",
    title: "t",
    headline: "h",
    fields: [],
    citations: [],
    suggestions: [],
  };

  it("given RECORD_QUESTIONS=off, hands the adapters no record and makes no database at all", async () => {
    const data = join(mkdtempSync(join(tmpdir(), "gapbot-data-")), "data");
    const discord = standIn("discord");
    const bot = await launch(
      { DISCORD_TOKEN: "t0ken", DATA_DIR: data, RECORD_QUESTIONS: "off" },
      { platforms: platformsOf({ discord }) },
    );
    expect(discord.state.ctx?.questions).toBeUndefined();
    expect(discord.state.ctx?.threads).toBeDefined();
    bot.signals.emit("SIGTERM");
    expect(await bot.exit).toBe(0);
    expect(existsSync(data)).toBe(false);
  });

  it("by default, records in DATA_DIR and deletes questions past RECORD_RETENTION_DAYS at start-up", async () => {
    const data = join(mkdtempSync(join(tmpdir(), "gapbot-data-")), "data");
    const day = 86_400_000;
    const old = new QuestionLog(openDatabase({ dir: data }), {
      retentionDays: 365,
      now: () => Date.now() - 40 * day,
    });
    old.record({ platform: "slack", command: "dm", text: "forty days ago", card: answered });
    const recent = new QuestionLog(openDatabase({ dir: data }), {
      retentionDays: 365,
      now: () => Date.now() - 10 * day,
    });
    recent.record({ platform: "slack", command: "dm", text: "ten days ago", card: answered });

    const discord = standIn("discord");
    const bot = await launch(
      { DISCORD_TOKEN: "t0ken", DATA_DIR: data, RECORD_RETENTION_DAYS: "30", FOLLOW_UPS: "off" },
      { platforms: platformsOf({ discord }) },
    );
    const questions = discord.state.ctx?.questions;
    expect(questions?.since(0).map((r) => r.text)).toEqual(["ten days ago"]);
    expect(discord.state.ctx?.threads).toBeUndefined();
    bot.signals.emit("SIGTERM");
    expect(await bot.exit).toBe(0);
    expect(existsSync(join(data, DATABASE_FILE))).toBe(true);
  });

  it("given a DATA_DIR it cannot make, fails start-up naming DATA_DIR", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "gapbot-data-")), "a-file");
    writeFileSync(file, "");
    const discord = standIn("discord");
    const stderr = sink();
    const code = await startBot(
      { KNOWLEDGE_DIR: MINI, PORT: "0", DISCORD_TOKEN: "t0ken", DATA_DIR: file },
      { cwd, signals: new EventEmitter(), stderr: stderr.stream, platforms: platformsOf({ discord }) },
    );
    expect(code).toBe(1);
    expect(stderr.text()).toMatch(/DATA_DIR/);
  });
});
