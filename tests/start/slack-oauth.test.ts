// startBot in OAuth mode with the real Slack adapter (Bolt's HTTP receiver, signed requests) against the Web
// API stand-in: installations kept in DATA_DIR's database and nowhere else without Redis; shared through a
// real Redis with it, so that a workspace installed through one instance is answered by another with its own
// token, sealed at rest there too; and one warning naming the mode when a bot token and OAuth are both set.
import { EventEmitter } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { Redis } from "ioredis";
import Libsql from "libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../src/start.js";
import { DATABASE_FILE } from "../../src/storage/database.js";
import { freePort, hasRedisServer, startRedis, type TestRedis } from "../helpers/redis-server.js";
import { eventually, type SlackApiStandIn, startSlackApiStandIn } from "../helpers/slack-api-stand-in.js";
import { eventFrom, install, mentionFrom } from "../helpers/slack-oauth.js";
import { type SlackBody, sendToApp, slashCommandFrom } from "../helpers/slack-requests.js";

const MINI = new URL("../fixtures/mini-knowledge", import.meta.url).pathname;
const SECRET = "oauth-start-signing-secret";
const TOKEN_KEY = "b".repeat(64);
const TEAM = "T0SHARED";
const TEAM_TOKEN = "xoxb-shared-team-installed-token";
const OAUTH = {
  SLACK_CLIENT_ID: "1111.2222",
  SLACK_CLIENT_SECRET: "client-secret",
  SLACK_STATE_SECRET: "state-secret-for-tests",
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_TOKEN_KEY: TOKEN_KEY,
};

const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `gapbot-oauth-${name}-`));
  dirs.push(dir);
  return dir;
};

let api: SlackApiStandIn;
let redisUrl = "";
beforeAll(async () => {
  api = await startSlackApiStandIn();
});
afterAll(async () => {
  await api.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Bot {
  base: string;
  cwd: string;
  send(body: SlackBody): Promise<Response>;
  logs(): Record<string, unknown>[];
  stop(): Promise<number>;
}

/** startBot in this process, in its own working folder, with the real adapters; its log lines kept. */
async function startInProcess(env: Record<string, string>): Promise<Bot> {
  const cwd = tempDir("cwd");
  const stderr = new PassThrough();
  let written = "";
  stderr.on("data", (chunk: Buffer) => {
    written += chunk.toString("utf8");
  });
  const signals = new EventEmitter();
  let onReady: (port: number) => void = () => {};
  const ready = new Promise<number>((r) => {
    onReady = r;
  });
  const exit = startBot(
    { KNOWLEDGE_DIR: MINI, PORT: "0", SLACK_API_URL: api.url, NODE_ENV: "production", ...env },
    { cwd, signals, stderr, onReady: (info) => onReady(info.healthPort ?? 0) },
  );
  const port = await Promise.race([ready, exit.then(() => Promise.reject(new Error(written)))]);
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    cwd,
    send: (body) => sendToApp(`${base}/slack/events`, body, { secret: SECRET }),
    logs: () =>
      written
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    stop: () => {
      signals.emit("SIGTERM");
      return exit;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a Redis read until it gives `want` (or 5 s pass), then checks it. */
async function untilRedis(read: (client: Redis) => Promise<unknown>, want: unknown): Promise<void> {
  const client = new Redis(redisUrl);
  try {
    const until = Date.now() + 5000;
    while ((await read(client)) !== want && Date.now() < until) await sleep(25);
    expect(await read(client)).toBe(want);
  } finally {
    client.disconnect();
  }
}

const installationKeys = (dataDir: string) => {
  const db = new Libsql(join(dataDir, DATABASE_FILE));
  try {
    return (
      db.prepare("SELECT key, sealed FROM slack_installations").all() as { key: string; sealed: string }[]
    ).map((r) => ({ key: r.key, sealed: r.sealed }));
  } finally {
    db.close();
  }
};

describe("startBot in Slack OAuth mode, without Redis", () => {
  it("keeps installations in DATA_DIR's database, sealed, and writes nothing to ./data", async () => {
    const bot = await startInProcess({ ...OAUTH, DATA_DIR: "store", RECORD_QUESTIONS: "off" });
    try {
      expect((await install(bot.base, api, { team: "T0LOCAL", token: "xoxb-local-token" })).status).toBe(200);
      const rows = installationKeys(join(bot.cwd, "store"));
      expect(rows.map((r) => r.key)).toEqual(["team:T0LOCAL"]);
      expect(rows[0]?.sealed).not.toContain("xoxb");
      expect(existsSync(join(bot.cwd, "data"))).toBe(false);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  });

  it("given REDIS_URL unreachable and REDIS_OPTIONAL=true, keeps them in DATA_DIR and says they are not shared", async () => {
    const dataDir = tempDir("optional");
    const bot = await startInProcess({
      ...OAUTH,
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      REDIS_OPTIONAL: "true",
      DATA_DIR: dataDir,
      RECORD_QUESTIONS: "off",
    });
    try {
      const notShared = bot
        .logs()
        .filter((l) => /OAuth installations are kept in this instance/.test(String(l.msg)));
      expect(notShared).toHaveLength(1);
      expect(notShared[0]).toMatchObject({ level: 40 });
      expect((await install(bot.base, api, { team: "T0ALONE", token: "xoxb-alone-token" })).status).toBe(200);
      expect(installationKeys(dataDir).map((r) => r.key)).toEqual(["team:T0ALONE"]);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  });
});

describe.skipIf(!hasRedisServer)("two instances in Slack OAuth mode on one Redis", () => {
  let redis: TestRedis;
  let a: Bot;
  let b: Bot;
  let dataA: string;
  let dataB: string;

  beforeAll(async () => {
    redis = await startRedis();
    redisUrl = redis.url;
    dataA = tempDir("data-a");
    dataB = tempDir("data-b");
    a = await startInProcess({ ...OAUTH, REDIS_URL: redis.url, DATA_DIR: dataA, RECORD_QUESTIONS: "off" });
    b = await startInProcess({ ...OAUTH, REDIS_URL: redis.url, DATA_DIR: dataB, RECORD_QUESTIONS: "off" });
  }, 30_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.close();
  });

  it("a workspace installed through one is answered by the other, with that workspace's token", async () => {
    expect((await install(a.base, api, { team: TEAM, token: TEAM_TOKEN })).status).toBe(200);
    await b.send(mentionFrom(TEAM, "shared-1", "/chip 910B", { channel: "C0SHARED" }));
    const post = await eventually(() =>
      api.callsTo("chat.postMessage").find((c) => c.body.channel === "C0SHARED"),
    );
    expect(post.token).toBe(TEAM_TOKEN);
    expect(JSON.stringify(post.body)).toContain("910B");
    // A command from that workspace reaching the other instance is answered too.
    await b.send(slashCommandFrom({ team: TEAM }, "/gap", "compute", api.responseUrl("shared-cmd")));
    expect(JSON.stringify((await eventually(() => api.responsesTo("shared-cmd")[0])).body)).toContain("2400");
  });

  it("keeps the token sealed in Redis, and in neither instance's database", async () => {
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys("gapbot:*installation*");
      expect(keys).toEqual([`gapbot:kv:slack-installation:team:${TEAM}`]);
      const stored = (await client.get(keys[0] ?? "")) ?? "";
      expect(stored).toMatch(/^v1\./);
      expect(stored).not.toContain(TEAM_TOKEN);
      expect(stored).not.toContain("xoxb");
    } finally {
      client.disconnect();
    }
    for (const dir of [dataA, dataB]) expect(existsSync(join(dir, DATABASE_FILE))).toBe(false);
  });

  it("an uninstall through one instance stops the other answering that workspace", async () => {
    await a.send(
      eventFrom(TEAM, "Ev-shared-uninstall", { type: "app_uninstalled", event_ts: "1700040000.000100" }),
    );
    await untilRedis((client) => client.exists(`gapbot:kv:slack-installation:team:${TEAM}`), 0);
    await b.send(mentionFrom(TEAM, "shared-2", "/chip 910B", { channel: "C0GONE" }));
    await sleep(300);
    expect(api.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0GONE")).toEqual([]);
  });

  it("while Redis is down, still answers a workspace it has seen, and refuses a new install rather than keep it alone", async () => {
    const team = "T0OUTAGE";
    await install(a.base, api, { team, token: "xoxb-outage-token" });
    await b.send(mentionFrom(team, "outage-1", "/chip 910B", { channel: "C0OUT1" }));
    await eventually(() => api.callsTo("chat.postMessage").find((c) => c.body.channel === "C0OUT1"));
    await redis.stop();
    await b.send(mentionFrom(team, "outage-2", "/chip 910B", { channel: "C0OUT2" }));
    const post = await eventually(() =>
      api.callsTo("chat.postMessage").find((c) => c.body.channel === "C0OUT2"),
    );
    expect(post.token).toBe("xoxb-outage-token");
    expect((await install(a.base, api, { team: "T0NEWCOMER", token: "xoxb-newcomer" })).status).not.toBe(200);
  });
});

describe("startBot with both SLACK_BOT_TOKEN and SLACK_CLIENT_ID", () => {
  it("runs single-workspace, says so once with the reason, and serves no install page", async () => {
    const bot = await startInProcess({
      ...OAUTH,
      SLACK_BOT_TOKEN: "xoxb-single-workspace",
      RECORD_QUESTIONS: "off",
    });
    try {
      const warnings = bot.logs().filter((l) => /SLACK_BOT_TOKEN and SLACK_CLIENT_ID/.test(String(l.msg)));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ level: 40 });
      expect(String(warnings[0]?.msg)).toMatch(/running single-workspace with SLACK_BOT_TOKEN, which wins/);
      expect(bot.logs().find((l) => l.msg === "gapbot started")?.platforms).toEqual(["slack (http mode)"]);
      expect((await fetch(`${bot.base}/slack/install`, { redirect: "manual" })).status).toBe(404);
      await bot.send(slashCommandFrom({ team: "T0001" }, "/gap", "compute", api.responseUrl("single")));
      expect(JSON.stringify((await eventually(() => api.responsesTo("single")[0])).body)).toContain("2400");
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  });
});
