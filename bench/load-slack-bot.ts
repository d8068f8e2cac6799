// The bot side of the Slack load test, in its own process so that the load generator does not share its
// CPU and its RSS is the bot's alone: the real Slack HTTP adapter and core, wired as `gapbot start` wires
// them by default (limits, per-channel settings, thread context, the question record in a SQLite file of its
// own, metrics). Talks to its parent over IPC. With LOAD_REDIS_URL, its dedupe, limits, settings and
// key-value store are on that Redis, as with REDIS_URL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSlack } from "../src/adapters/slack/index.js";
import { createCore } from "../src/core/index.js";
import { silentLogger } from "../src/log.js";
import { Metrics } from "../src/runtime/metrics.js";
import { ChannelSettingsStore } from "../src/state/channel-settings.js";
import { openSharedState } from "../src/state/shared.js";
import { openDatabase } from "../src/storage/database.js";
import { QuestionLog } from "../src/storage/question-log.js";
import { heapMb, rssMb } from "./load-stats.js";

async function main(): Promise<void> {
  const apiUrl = process.env.LOAD_API_URL;
  const signingSecret = process.env.LOAD_SIGNING_SECRET;
  if (!apiUrl || !signingSecret || !process.send)
    throw new Error("load-slack-bot: run by bench/loadtest.js, with LOAD_API_URL and LOAD_SIGNING_SECRET");
  const redisUrl = process.env.LOAD_REDIS_URL;
  const core = createCore();
  const metrics = new Metrics({
    knowledge: () => core.knowledge,
    ...(redisUrl ? { redis: () => shared.redis?.state() ?? "down" } : {}),
  });
  const shared = await openSharedState(
    redisUrl ? { url: redisUrl, optional: false } : undefined,
    silentLogger(),
    (store) => metrics.fellBack(store),
  );
  const dataDir = mkdtempSync(join(tmpdir(), "gapbot-load-"));
  const db = openDatabase({ dir: dataDir });
  const slack = await startSlack(
    {
      mode: "http",
      botToken: "xoxb-load-test",
      signingSecret,
      apiUrl,
      port: 0,
      replyVisibility: "ephemeral",
    },
    {
      core,
      logger: silentLogger(),
      seen: shared.seen,
      kv: shared.kv,
      channelSettings: new ChannelSettingsStore(shared.kv),
      threads: shared.kv,
      questions: new QuestionLog(db, { retentionDays: 30 }),
      metrics,
      // The real limiter, with room for the load: its cost is part of every command.
      rateLimit: {
        limiter: shared.limiter,
        perUserPerMinute: 1_000_000,
        perChannelPerMinute: 1_000_000,
      },
    },
    { host: "127.0.0.1", retries: 0 },
  );
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= slack
      .stop()
      .then(() => shared.close())
      .finally(() => {
        db.close();
        rmSync(dataDir, { recursive: true, force: true });
      }));
  process.on("message", (message: unknown) => {
    if (message === "rss") process.send?.({ rss: { rssMb: rssMb(), heapMb: heapMb() } });
    if (message === "cpu") {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpu: user + system });
    }
    if (message === "stop") void stop().then(() => process.disconnect());
  });
  // The parent going away ends the bot too: nothing is left running.
  process.on("disconnect", () => void stop().then(() => process.exit(0)));
  process.send({ port: slack.port });
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});
