// Two real `gapbot start` processes in Slack's HTTP mode on one real Redis, as behind a load balancer: a
// redelivery reaching the other instance is answered once, a user's requests spread over both meet one limit,
// a thread follow-up reaching the other instance is read against the thread's context, what one instance learns
// (the key-value store: settings, chart-block support) the other reads, a vote reaching the other instance is
// stored in the record of the one that answered, and stopping Redis mid-run loses no answer.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/database.js";
import { eventually, launch, slackSender, started } from "../helpers/gapbot-process.js";
import { hasRedisServer, startRedis, type TestRedis } from "../helpers/redis-server.js";
import { type SlackApiStandIn, startSlackApiStandIn, TEAM_ID } from "../helpers/slack-api-stand-in.js";
import { eventCallback, feedbackClick, type SendOptions, type SlackBody } from "../helpers/slack-requests.js";
import { ensureBuilt } from "./ensure-built.js";

const SECRET = "two-instances-signing-secret";
const PER_USER = 3;
const CHART_TYPES = ["data_visualization", "table"];

interface Instance {
  proc: ChildProcess;
  port: number;
  /** Its DATA_DIR: the question record is each instance's own. */
  dataDir: string;
  exited: Promise<number | null>;
  logs(): Record<string, unknown>[];
  send(body: SlackBody, options?: Partial<SendOptions>): Promise<Response>;
  metrics(): Promise<string>;
}

async function launchInstance(env: Record<string, string>): Promise<Instance> {
  // The bot's own knowledge; each instance its own database folder, as on its own machine.
  const dataDir = mkdtempSync(join(tmpdir(), "gapbot-two-"));
  const bot = launch(
    { NODE_ENV: "production", PORT: "0", DATA_DIR: dataDir, ...env },
    { knowledge: null, stdout: "ignore" },
  );
  const port = Number((await started(bot, 30_000)).healthPort);
  return {
    proc: bot.proc,
    port,
    dataDir,
    exited: bot.closed,
    logs: () => bot.logs(),
    send: slackSender(port, SECRET),
    metrics: async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text(),
  };
}

/** A slash command as Slack sends it, from `user`, with its own trigger_id. */
function command(user: string, trigger: string, responseUrl: string, text = "compute"): SlackBody {
  return {
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams({
      token: "legacy",
      team_id: TEAM_ID,
      channel_id: "C0001",
      user_id: user,
      command: "/gap",
      text,
      api_app_id: "A0001",
      response_url: responseUrl,
      trigger_id: trigger,
    }).toString(),
  };
}

const answerText = (post: { body: Record<string, unknown> } | undefined) => JSON.stringify(post?.body ?? {});
const isSlowDown = (post: { body: Record<string, unknown> }) => /Slow down/.test(answerText(post));
const typesOf = (body: Record<string, unknown>) =>
  ((body.blocks as { type: string }[] | undefined) ?? []).map((b) => b.type);

describe.skipIf(!hasRedisServer)("two gapbot instances on one Redis", () => {
  let redis: TestRedis;
  let api: SlackApiStandIn;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    ensureBuilt();
    redis = await startRedis();
    api = await startSlackApiStandIn();
    const env = {
      SLACK_BOT_TOKEN: "xoxb-two-instances",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: api.url,
      REDIS_URL: redis.url,
      RATE_LIMIT_PER_USER: String(PER_USER),
    };
    [a, b] = await Promise.all([launchInstance(env), launchInstance(env)]);
  }, 60_000);

  afterAll(async () => {
    for (const instance of [a, b]) {
      if (instance && instance.proc.exitCode === null) {
        instance.proc.kill("SIGTERM");
        await instance.exited;
      }
    }
    await api?.close();
    await redis?.close();
  });

  it("answers once a slash command that Slack redelivers to the other instance", async () => {
    const body = command("U-retry", "trigger-retry-1", api.responseUrl("retry"));
    expect((await a.send(body)).status).toBe(200);
    await eventually(() => api.responsesTo("retry").length > 0, "the first answer");
    expect((await b.send(body, { retryNum: 1, retryReason: "http_timeout" })).status).toBe(200);
    expect((await a.send(body, { retryNum: 2, retryReason: "http_timeout" })).status).toBe(200);
    // A later command through B is answered: by then B has handled the retry before it.
    await b.send(command("U-retry", "trigger-retry-2", api.responseUrl("retry-after")));
    await eventually(() => api.responsesTo("retry-after").length > 0, "the next answer");
    expect(api.responsesTo("retry")).toHaveLength(1);
    expect(answerText(api.responsesTo("retry")[0])).toContain("2400");
    expect(await b.metrics()).toMatch(/^gapbot_deduplicated_total\{platform="slack"\} 1$/m);
  });

  it("answers once an event that Slack redelivers to the other instance, with the same event id", async () => {
    const mention = eventCallback("Ev-two-1", {
      type: "app_mention",
      channel: "C0MENTION",
      user: "U-mention",
      text: "<@UBOT> /gap compute",
      ts: "1700000000.000200",
    });
    const posts = () => api.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0MENTION");
    await a.send(mention);
    await eventually(() => posts().length > 0, "the mention's answer");
    await b.send(mention, { retryNum: 1, retryReason: "http_timeout" });
    await b.send(command("U-mention", "trigger-mention-after", api.responseUrl("mention-after")));
    await eventually(() => api.responsesTo("mention-after").length > 0, "the next answer");
    expect(posts()).toHaveLength(1);
  });

  it("holds a user to one limit whichever instance each request reaches", async () => {
    const ids = Array.from({ length: 2 * PER_USER }, (_, i) => `limit-${i}`);
    for (const [i, id] of ids.entries()) {
      const to = i % 2 === 0 ? a : b;
      await to.send(command("U-limited", `trigger-${id}`, api.responseUrl(id)));
    }
    const answers = await eventually(
      () => ids.every((id) => api.responsesTo(id).length > 0) && ids.map((id) => api.responsesTo(id)[0]),
      "every reply",
    );
    const slowed = answers.filter((p) => p && isSlowDown(p));
    expect(slowed).toHaveLength(PER_USER);
    // Each instance acks before it takes a token, so which requests are refused depends on timing, not order.
    expect(answers.filter((p) => p && /2400/.test(answerText(p)))).toHaveLength(PER_USER);
    // Another user is not held back by this one.
    await b.send(command("U-other", "trigger-other", api.responseUrl("other")));
    const other = await eventually(() => api.responsesTo("other")[0], "the other user's answer");
    expect(isSlowDown(other)).toBe(false);
  });

  it("answers a thread follow-up that reaches the other instance against the thread's context", async () => {
    const root = "1700000300.000100";
    const inThread = () => api.callsTo("chat.postMessage").filter((c) => c.body.thread_ts === root);
    await a.send(
      eventCallback("Ev-follow-root", {
        type: "app_mention",
        channel: "C0THREAD",
        user: "U-thread",
        text: "<@UBOT> what is the US's computing power?",
        ts: root,
      }),
    );
    await eventually(() => inThread().length === 1, "A's answer in the thread");
    // A keeps the thread's question once its answer is posted: give it that moment, as Slack's users do.
    await new Promise((r) => setTimeout(r, 500));
    // The reply, without a mention, reaches B: B has never seen this thread but reads its context from Redis.
    await b.send(
      eventCallback("Ev-follow-reply", {
        type: "message",
        channel_type: "channel",
        channel: "C0THREAD",
        user: "U-thread",
        text: "and China?",
        ts: "1700000301.000100",
        thread_ts: root,
      }),
    );
    const [, followUp] = await eventually(
      () => inThread().length === 2 && inThread(),
      "B's follow-up answer",
    );
    expect(JSON.stringify(followUp?.body.blocks)).toContain(
      "Reading this as: what is China's computing power?",
    );
    expect(String(followUp?.body.text)).toMatch(/1053|1,053/);
  });

  it("stores a vote that reaches the other instance in the record of the instance that answered", async () => {
    await a.send(command("U-vote", "trigger-vote", api.responseUrl("vote")));
    const [answer] = await eventually(
      () => api.responsesTo("vote").length > 0 && api.responsesTo("vote"),
      "A's answer",
    );
    const id = /"up:([A-Za-z0-9]+)"/.exec(answerText(answer))?.[1];
    expect(id).toBeDefined();
    await b.send(feedbackClick(`down:${id}`, "U-voter", api.responseUrl("vote-thanks")));
    await eventually(() => api.responsesTo("vote-thanks").length > 0, "B's thanks");
    // A's own database gets the vote (each instance keeps its record in its DATA_DIR); B's has none.
    const votesIn = (instance: Instance) => {
      const db = openDatabase({ dir: instance.dataDir });
      try {
        return db.prepare("SELECT question_id, vote FROM votes").all() as {
          question_id: string;
          vote: number;
        }[];
      } finally {
        db.close();
      }
    };
    expect(await eventually(() => votesIn(a).length > 0 && votesIn(a), "the vote in A's record")).toEqual([
      { question_id: id, vote: -1 },
    ]);
    expect(votesIn(b)).toEqual([]);
  });

  it("shares what one instance learns through the key-value store: a workspace without chart blocks", async () => {
    api.rejectBlocks(CHART_TYPES);
    try {
      await a.send(command("U-charts", "trigger-charts-1", api.responseUrl("charts-a")));
      const fromA = await eventually(
        () => api.responsesTo("charts-a").length >= 2 && api.responsesTo("charts-a"),
        "A's answer resent without chart blocks",
      );
      expect(fromA.map((p) => typesOf(p.body).some((t) => CHART_TYPES.includes(t)))).toEqual([true, false]);
      // B never tried this workspace, yet sends without chart blocks at the first try.
      await b.send(command("U-charts", "trigger-charts-2", api.responseUrl("charts-b")));
      const [fromB] = await eventually(
        () => api.responsesTo("charts-b").length > 0 && api.responsesTo("charts-b"),
        "B's answer",
      );
      expect(typesOf(fromB?.body ?? {}).some((t) => CHART_TYPES.includes(t))).toBe(false);
      expect(answerText(fromB)).toContain("2400");
      await new Promise((r) => setTimeout(r, 200));
      expect(api.responsesTo("charts-b")).toHaveLength(1);
    } finally {
      api.rejectBlocks([]);
    }
  });

  it("applies per-channel settings an admin saves through one instance on the other", async () => {
    api.answer("users.info", { ok: true, user: { id: "U-admin", is_admin: true, is_owner: false } });
    const save = new URLSearchParams(
      command("U-admin", "trigger-settings", api.responseUrl("settings")).body,
    );
    save.set("command", "/gapbot");
    save.set("text", "settings replies public");
    save.set("channel_id", "C0SETTINGS");
    await a.send({ contentType: "application/x-www-form-urlencoded", body: save.toString() });
    await eventually(() => api.responsesTo("settings").length > 0, "the settings card");
    // Slash-command answers are private by default; B answers in the channel, as saved through A.
    const ask = new URLSearchParams(
      command("U-settings", "trigger-settings-ask", api.responseUrl("settings-ask")).body,
    );
    ask.set("channel_id", "C0SETTINGS");
    await b.send({ contentType: "application/x-www-form-urlencoded", body: ask.toString() });
    const [answer] = await eventually(
      () => api.responsesTo("settings-ask").length > 0 && api.responsesTo("settings-ask"),
      "B's answer",
    );
    expect(answer?.body.response_type).toBe("in_channel");
  });

  it("loses no answer and does not crash when Redis stops mid-run, and shares again once it is back", async () => {
    await redis.stop();
    const during = ["down-a1", "down-b1", "down-a2", "down-b2"];
    for (const [i, id] of during.entries()) {
      await (i % 2 === 0 ? a : b).send(command(`U-${id}`, `trigger-${id}`, api.responseUrl(id)));
    }
    const answers = await eventually(
      () => during.every((id) => api.responsesTo(id).length > 0) && during.map((id) => api.responsesTo(id)),
      "every answer while Redis is down",
    );
    for (const posts of answers) {
      expect(posts).toHaveLength(1);
      expect(answerText(posts[0])).toContain("2400");
    }
    expect(a.proc.exitCode).toBeNull();
    expect(b.proc.exitCode).toBeNull();
    for (const instance of [a, b]) {
      expect(instance.logs().filter((l) => /Redis unavailable/.test(String(l.msg)))).toHaveLength(1);
      expect(await instance.metrics()).toMatch(/^gapbot_redis_up 0$/m);
    }

    await redis.restart();
    await eventually(
      () => a.logs().some((l) => /Redis connection back/.test(String(l.msg))),
      "A's reconnect",
    );
    await eventually(
      () => b.logs().some((l) => /Redis connection back/.test(String(l.msg))),
      "B's reconnect",
    );
    expect(await a.metrics()).toMatch(/^gapbot_redis_up 1$/m);
    // Shared again: a redelivery to the other instance is dropped, as before the outage.
    const body = command("U-after", "trigger-after", api.responseUrl("after"));
    await a.send(body);
    await eventually(() => api.responsesTo("after").length > 0, "the answer after Redis is back");
    await b.send(body, { retryNum: 1 });
    await b.send(command("U-after", "trigger-after-2", api.responseUrl("after-2")));
    await eventually(() => api.responsesTo("after-2").length > 0, "the next answer");
    expect(api.responsesTo("after")).toHaveLength(1);
  });
});
