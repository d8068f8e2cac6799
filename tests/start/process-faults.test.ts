// Process-level faults of `gapbot start`, each in a real child process of the built CLI (and of `npm start`)
// against the platforms' stand-ins on 127.0.0.1: a log reader that goes away, SIGTERM through npm, and a fatal
// Discord gateway close.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LOGS_DROPPED } from "../../src/log-stream.js";
import { DiscordStandIn } from "../helpers/discord-stand-in.js";
import { healthz, killAtEnd, killLaunched, launch, slackSender } from "../helpers/gapbot-process.js";
import { freePort } from "../helpers/redis-server.js";
import { eventually, type SlackApiStandIn, startSlackApiStandIn } from "../helpers/slack-api-stand-in.js";
import { slashCommand } from "../helpers/slack-requests.js";
import { ensureBuilt, root } from "./ensure-built.js";

const SECRET = "process-faults-signing-secret";

let api: SlackApiStandIn;
let discord: DiscordStandIn;
beforeAll(async () => {
  ensureBuilt();
  api = await startSlackApiStandIn();
  discord = await DiscordStandIn.start();
}, 60_000);
afterAll(async () => {
  await api?.close();
  await discord?.close();
});
/** Every process a test started, killed for good at its end whatever happened. */
afterEach(killLaunched);

function slackHttp(port: number): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: "xoxb-process-faults",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: api.url,
    PORT: String(port),
  };
}

/** A slash command through the running bot; resolves once its answer reached the response_url stand-in. */
async function answered(port: number, id: string): Promise<string> {
  const ack = await slackSender(port, SECRET)(slashCommand("/gap", "compute", api.responseUrl(id)));
  expect(ack.status).toBe(200);
  const reply = await eventually(() => api.responsesTo(id)[0], 8_000);
  return JSON.stringify(reply.body);
}

const within = <T>(ms: number, work: Promise<T>): Promise<T | "timed out"> =>
  Promise.race([work, new Promise<"timed out">((r) => setTimeout(() => r("timed out"), ms))]);

describe("gapbot start, when the log reader goes away", () => {
  it("given stderr's reader gone, says so once on stdout, keeps answering, and stops on SIGTERM", async () => {
    const port = await freePort();
    const bot = launch(slackHttp(port));
    await eventually(() => bot.logs().some((l) => l.msg === "gapbot started"), 15_000);
    // The reader of the pipe closes: the next log line written to it fails with EPIPE.
    bot.proc.stderr?.destroy();
    expect(await answered(port, "epipe-1")).toContain("2400");
    expect(await answered(port, "epipe-2")).toContain("2400");
    expect(await healthz(port)).toBe(200);
    await eventually(() => bot.stdout().includes(LOGS_DROPPED), 5_000);
    expect(bot.stdout().split(LOGS_DROPPED)).toHaveLength(2);
    bot.proc.kill("SIGTERM");
    expect(await within(8_000, bot.exited)).toBe(0);
  }, 40_000);

  it("given both readers gone (2>&1 | head -c 1), keeps answering and stops on SIGTERM", async () => {
    const port = await freePort();
    const bot = launch(slackHttp(port));
    await eventually(() => bot.logs().some((l) => l.msg === "gapbot started"), 15_000);
    bot.proc.stderr?.destroy();
    bot.proc.stdout?.destroy();
    expect(await answered(port, "epipe-both")).toContain("2400");
    bot.proc.kill("SIGTERM");
    expect(await within(8_000, bot.exited)).toBe(0);
  }, 40_000);
});

/** The process and every process under it, found before a signal so that none escapes the clean-up. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    // pgrep exits 1 when there is none.
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

describe("npm start", () => {
  // npm runs the script in the package root, where a developer's .env would apply: skip rather than use it.
  it.skipIf(existsSync(join(root, ".env")))(
    "given SIGTERM to npm, the bot itself shuts down gracefully and npm exits after it",
    async () => {
      const port = await freePort();
      const npm = launch(slackHttp(port), { command: "npm", args: ["start", "--silent"], cwd: root });
      await eventually(() => npm.logs().some((l) => l.msg === "gapbot started"), 20_000);
      killAtEnd(...descendants(npm.proc.pid ?? 0));
      expect(await healthz(port)).toBe(200);
      npm.proc.kill("SIGTERM");
      await within(8_000, npm.exited);
      // npm has gone: nothing of the bot may be left serving, orphaned.
      expect(await healthz(port)).toBe(0);
      expect(npm.logs().map((l) => l.msg)).toContain("stopped");
    },
    40_000,
  );
});

describe("gapbot start with Discord, on a fatal gateway close", () => {
  it("given close 4004 after ready, logs one fatal line naming the cause and exits 1", async () => {
    const port = await freePort();
    const bot = launch({
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      PORT: String(port),
    });
    await eventually(() => bot.logs().some((l) => l.msg === "gapbot started"), 15_000);
    discord.closeConnections(4004);
    expect(await within(8_000, bot.exited)).toBe(1);
    const fatal = bot.logs().filter((l) => l.level === 60);
    expect(fatal.map((l) => l.msg)).toEqual([
      "discord: gateway closed with 4004, authentication failed: DISCORD_TOKEN is wrong or was reset (Developer Portal → Bot → Reset Token); exiting",
    ]);
  }, 40_000);
});
