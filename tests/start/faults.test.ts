// The process-wide fault handlers of startBot: behind each turn's own error boundary, a stray rejection is
// logged and the bot keeps serving; an uncaught exception is logged and shuts down gracefully with exit 1.
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { RunningAdapter } from "../../src/adapters/adapter.js";
import type { Platforms } from "../../src/start.js";
import { startBot } from "../../src/start.js";
import { eventually, startSlackApiStandIn } from "../helpers/slack-api-stand-in.js";
import { sendToApp, slashCommand } from "../helpers/slack-requests.js";

const MINI = new URL("../fixtures/mini-knowledge", import.meta.url).pathname;
const cwd = mkdtempSync(join(tmpdir(), "gapbot-faults-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function launch() {
  const stderr = new PassThrough();
  let written = "";
  stderr.on("data", (c: Buffer) => {
    written += c.toString("utf8");
  });
  const state = { stopped: false };
  const discord: RunningAdapter = {
    name: "discord",
    healthy: () => true,
    stop: async () => {
      state.stopped = true;
    },
  };
  const platforms: Platforms = {
    slack: async () => {
      throw new Error("Slack was not expected to start");
    },
    discord: async () => ({ startDiscord: async () => discord }),
  };
  // Stands in for `process`: the bot listens for signals and faults on it.
  const emitter = new EventEmitter();
  let ready: (port: number | undefined) => void = () => {};
  const readyPort = new Promise<number | undefined>((r) => {
    ready = r;
  });
  const exit = startBot(
    { KNOWLEDGE_DIR: MINI, PORT: "0", DISCORD_TOKEN: "t0ken" },
    { cwd, signals: emitter, stderr, platforms, onReady: ({ healthPort }) => ready(healthPort) },
  );
  const port = await readyPort;
  const logs = () =>
    written
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message?: string } });
  return { emitter, exit, port, state, logs };
}

const healthz = async (port: number | undefined) => {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  await res.arrayBuffer();
  return res.status;
};

describe("startBot, faults", () => {
  it("given an unhandled rejection, logs it with its error and keeps serving", async () => {
    const bot = await launch();
    bot.emitter.emit("unhandledRejection", new Error("a reply nobody awaited"), Promise.resolve());
    expect(await healthz(bot.port)).toBe(200);
    expect(bot.state.stopped).toBe(false);
    const line = bot.logs().find((l) => l.msg.startsWith("unhandled promise rejection"));
    expect(line?.err?.message).toBe("a reply nobody awaited");
    bot.emitter.emit("SIGTERM");
    expect(await bot.exit).toBe(0);
    // Nothing left listening on the stand-in for process once stopped.
    expect(
      bot.emitter.listenerCount("unhandledRejection") + bot.emitter.listenerCount("uncaughtException"),
    ).toBe(0);
  });

  it("given an uncaught exception, logs it as fatal, stops the adapters gracefully and exits 1", async () => {
    const bot = await launch();
    bot.emitter.emit("uncaughtException", new Error("state may be broken"), "uncaughtException");
    expect(await bot.exit).toBe(1);
    expect(bot.state.stopped).toBe(true);
    const logs = bot.logs();
    const fatal = logs.find((l) => l.msg === "uncaught exception: shutting down");
    expect(fatal?.level).toBe(60);
    expect(fatal?.err?.message).toBe("state may be broken");
    expect(logs.map((l) => l.msg)).toContain("shutting down: finishing replies in flight");
  });
});

describe("startBot, shutdown with replies still pending", () => {
  it("given a response_url that never answers, the grace ends, logs how many replies were dropped and exits 1", async () => {
    const api = await startSlackApiStandIn();
    try {
      api.hangNext("respond", 1);
      const stderr = new PassThrough();
      let written = "";
      stderr.on("data", (c: Buffer) => {
        written += c.toString("utf8");
      });
      const logs = () =>
        written
          .trim()
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { msg: string; dropped?: number });
      const emitter = new EventEmitter();
      let ready: (port: number | undefined) => void = () => {};
      const readyPort = new Promise<number | undefined>((r) => {
        ready = r;
      });
      const secret = "pending-replies-secret";
      // The real Slack adapter (Bolt's HTTP receiver) against the Web API stand-in.
      const exit = startBot(
        {
          KNOWLEDGE_DIR: MINI,
          PORT: "0",
          SLACK_BOT_TOKEN: "xoxb-pending-replies",
          SLACK_SIGNING_SECRET: secret,
          SLACK_API_URL: api.url,
        },
        { cwd, signals: emitter, stderr, graceMs: 300, onReady: ({ healthPort }) => ready(healthPort) },
      );
      const port = await readyPort;
      const ack = await sendToApp(
        `http://127.0.0.1:${port}/slack/events`,
        slashCommand("/gap", "compute", api.responseUrl("never")),
        { secret },
      );
      expect(ack.status).toBe(200);
      await eventually(() => logs().some((l) => l.msg === "answered"));
      emitter.emit("SIGTERM");
      expect(await exit).toBe(1);
      const line = logs().find((l) => l.msg.startsWith("stopped with"));
      expect(line).toMatchObject({ msg: "stopped with 1 reply dropped", dropped: 1 });
      expect(logs().map((l) => l.msg)).not.toContain("stopped");
    } finally {
      await api.close();
    }
  });
});
