// `gapbot start` with Slack and Discord in one process, as a child process of the built CLI, against the
// adapters' own stand-ins on 127.0.0.1: both answer, /healthz follows them, SIGTERM exits 0, no secret is logged.
// WAITING ON the Slack and Discord adapters (their branches): until src/adapters/{slack,discord} and their test
// helpers are in the tree, this file is skipped. Their helpers are loaded by path so that it compiles without them.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { variableNames } from "../../src/config/variables.js";
import { ensureBuilt, root } from "./ensure-built.js";

/** The parts of the adapters' test helpers used here (tests/helpers/slack-*.ts, discord-stand-in.ts). */
interface SlackApiStandIn {
  readonly url: string;
  responsesTo(id: string): { body: Record<string, unknown> }[];
  responseUrl(id: string): string;
  answer(method: string, body: Record<string, unknown>): void;
  close(): Promise<void>;
}
interface SlackHelpers {
  startSlackApiStandIn(): Promise<SlackApiStandIn>;
  startSocketModeStandIn(): Promise<{ url: string; connections(): number; close(): Promise<void> }>;
  slashCommand(command: string, text: string, responseUrl: string): unknown;
  sendToApp(url: string, body: unknown, options: { secret: string }): Promise<Response>;
}
interface DiscordStandIn {
  readonly token: string;
  readonly apiUrl: string;
  readonly connected: boolean;
  dispatch(t: string, d: unknown): number;
  slashCommand(name: string, options: Record<string, string>): unknown;
  find(method: string, path: RegExp): { body: unknown }[];
  hold(): void;
  release(): void;
  dropConnections(): void;
  close(): Promise<void>;
}

const helper = (name: string) => join(root, "tests/helpers", name);
const adaptersPresent = [
  "src/adapters/slack/index.ts",
  "src/adapters/discord/index.ts",
  "tests/helpers/slack-api-stand-in.ts",
  "tests/helpers/slack-requests.ts",
  "tests/helpers/slack-socket-stand-in.ts",
  "tests/helpers/discord-stand-in.ts",
].every((path) => existsSync(join(root, path)));

async function eventually<T>(
  check: () => T | undefined | null | false | Promise<T | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const bin = join(root, "bin/gapbot.js");
const MINI = join(root, "tests/fixtures/mini-knowledge");
const SLACK_BOT_TOKEN = "xoxb-e2e-never-logged";
const SIGNING_SECRET = "e2e-signing-secret-never-logged";

let slack: SlackHelpers;
let slackApi: SlackApiStandIn;
let discord: DiscordStandIn;
beforeAll(async () => {
  if (!adaptersPresent) return;
  ensureBuilt();
  slack = {
    ...(await import(helper("slack-api-stand-in.ts"))),
    ...(await import(helper("slack-requests.ts"))),
    ...(await import(helper("slack-socket-stand-in.ts"))),
  } as SlackHelpers;
  const { DiscordStandIn: Discord } = (await import(helper("discord-stand-in.ts"))) as {
    DiscordStandIn: { start(): Promise<DiscordStandIn> };
  };
  slackApi = await slack.startSlackApiStandIn();
  discord = await Discord.start();
});
afterAll(async () => {
  await slackApi?.close();
  await discord?.close();
});

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

function launch(settings: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of variableNames) delete env[name];
  const proc = spawn(process.execPath, [bin, "start"], {
    // Outside the repository, so that a developer's own .env cannot add settings.
    cwd: tmpdir(),
    env: { ...env, KNOWLEDGE_DIR: MINI, ...settings },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = proc;
  let stderr = "";
  proc.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  const exited = new Promise<number | null>((r) => proc.on("close", (code) => r(code)));
  const logs = () =>
    stderr
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { proc, exited, logs, stderr: () => stderr };
}

async function healthz(port: number): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

describe.skipIf(!adaptersPresent)("gapbot start with Slack (HTTP mode) and Discord", () => {
  it("answers on both, reports health on PORT, never logs a secret, and exits 0 on SIGTERM", async () => {
    const port = await freePort();
    const bot = launch({
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackApi.url,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      PORT: String(port),
    });
    await eventually(() => bot.logs().some((l) => l.msg === "gapbot started"), "start-up", 15_000);
    await eventually(() => discord.connected, "the gateway connection", 10_000);
    expect(await healthz(port)).toBe(200);

    const reply = await slack.sendToApp(
      `http://127.0.0.1:${port}/slack/events`,
      slack.slashCommand("/gap", "compute", slackApi.responseUrl("e2e")),
      { secret: SIGNING_SECRET },
    );
    expect(reply.status).toBe(200);
    const posted = await eventually(() => slackApi.responsesTo("e2e")[0], "the Slack answer");
    expect(JSON.stringify(posted.body)).toContain("2400");

    discord.dispatch("INTERACTION_CREATE", discord.slashCommand("gap", { topic: "compute" }));
    const callback = await eventually(
      () => discord.find("POST", /\/interactions\/.+\/callback/)[0],
      "the Discord interaction callback",
    );
    expect(JSON.stringify(callback.body)).toContain("2400");

    const answered = bot.logs().filter((l) => l.msg === "answered");
    expect(answered.map((l) => l.platform).sort()).toEqual(["discord", "slack"]);

    const sent = performance.now();
    bot.proc.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(performance.now() - sent).toBeLessThan(6_000);
    expect(await healthz(port)).toBe(0);
    for (const secret of [SLACK_BOT_TOKEN, SIGNING_SECRET, discord.token])
      expect(bot.stderr()).not.toContain(secret);
  });
});

describe.skipIf(!adaptersPresent)("gapbot start with Slack in Socket Mode", () => {
  it("serves /healthz on PORT itself: 200 once connected, 503 while Discord is down, and exits 0 on SIGTERM", async () => {
    const socket = await slack.startSocketModeStandIn();
    slackApi.answer("apps.connections.open", { ok: true, url: socket.url });
    try {
      const port = await freePort();
      const bot = launch({
        SLACK_BOT_TOKEN,
        SLACK_APP_TOKEN: "xapp-e2e-never-logged",
        SLACK_API_URL: slackApi.url,
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        PORT: String(port),
      });
      await eventually(() => bot.logs().some((l) => l.msg === "gapbot started"), "start-up", 15_000);
      expect(socket.connections()).toBe(1);
      await eventually(async () => (await healthz(port)) === 200, "healthy", 10_000);
      discord.hold();
      discord.dropConnections();
      await eventually(async () => (await healthz(port)) === 503, "unhealthy while the gateway is down");
      discord.release();
      bot.proc.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
      expect(bot.stderr()).not.toContain("xapp-e2e-never-logged");
    } finally {
      await socket.close();
    }
  });
});
