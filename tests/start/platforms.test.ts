// `gapbot start` with Slack and Discord in one process, as a child process of the built CLI, against the
// adapters' own stand-ins on 127.0.0.1: both answer, /healthz follows them, SIGTERM exits 0, no secret is logged.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DiscordStandIn } from "../helpers/discord-stand-in.js";
import { eventually, healthz, killLaunched, launch, slackSender } from "../helpers/gapbot-process.js";
import { freePort } from "../helpers/redis-server.js";
import { type SlackApiStandIn, startSlackApiStandIn } from "../helpers/slack-api-stand-in.js";
import { slashCommand } from "../helpers/slack-requests.js";
import { startSocketModeStandIn } from "../helpers/slack-socket-stand-in.js";
import { ensureBuilt } from "./ensure-built.js";

const SLACK_BOT_TOKEN = "xoxb-e2e-never-logged";
const SIGNING_SECRET = "e2e-signing-secret-never-logged";

let slackApi: SlackApiStandIn;
let discord: DiscordStandIn;
beforeAll(async () => {
  ensureBuilt();
  slackApi = await startSlackApiStandIn();
  discord = await DiscordStandIn.start();
});
afterAll(async () => {
  await slackApi?.close();
  await discord?.close();
});
afterEach(killLaunched);

describe("gapbot start with Slack (HTTP mode) and Discord", () => {
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

    const reply = await slackSender(
      port,
      SIGNING_SECRET,
    )(slashCommand("/gap", "compute", slackApi.responseUrl("e2e")));
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
    expect(await bot.closed).toBe(0);
    expect(performance.now() - sent).toBeLessThan(6_000);
    expect(await healthz(port)).toBe(0);
    for (const secret of [SLACK_BOT_TOKEN, SIGNING_SECRET, discord.token])
      expect(bot.stderr()).not.toContain(secret);
  });
});

describe("gapbot start with Slack in Socket Mode", () => {
  it("serves /healthz on PORT itself: 200 once connected, 503 while Discord is down, and exits 0 on SIGTERM", async () => {
    const socket = await startSocketModeStandIn();
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
      expect(await bot.closed).toBe(0);
      expect(bot.stderr()).not.toContain("xapp-e2e-never-logged");
    } finally {
      await socket.close();
    }
  });
});
