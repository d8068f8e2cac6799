// The bot side of the Slack load test, in its own process so that the load generator does not share its
// CPU and its RSS is the bot's alone: the real Slack HTTP adapter and core. Talks to its parent over IPC.
// With LOAD_REDIS_URL, its dedupe, limits and key-value store are on that Redis, as with REDIS_URL.
import { startSlack } from "../src/adapters/slack/index.js";
import { createCore } from "../src/core/index.js";
import { silentLogger } from "../src/log.js";
import { openSharedState } from "../src/state/shared.js";
import { heapMb, rssMb } from "./load-stats.js";

async function main(): Promise<void> {
  const apiUrl = process.env.LOAD_API_URL;
  const signingSecret = process.env.LOAD_SIGNING_SECRET;
  if (!apiUrl || !signingSecret || !process.send)
    throw new Error("load-slack-bot: run by bench/loadtest.js, with LOAD_API_URL and LOAD_SIGNING_SECRET");
  const redisUrl = process.env.LOAD_REDIS_URL;
  const shared = await openSharedState(
    redisUrl ? { url: redisUrl, optional: false } : undefined,
    silentLogger(),
  );
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
      core: createCore(),
      logger: silentLogger(),
      seen: shared.seen,
      kv: shared.kv,
      // The real limiter, with room for the load: its cost is part of every command.
      rateLimit: {
        limiter: shared.limiter,
        perUserPerMinute: 1_000_000,
        perChannelPerMinute: 1_000_000,
      },
    },
    { host: "127.0.0.1", retries: 0 },
  );
  const stop = () => slack.stop().then(() => shared.close());
  process.on("message", (message: unknown) => {
    if (message === "rss") process.send?.({ rss: { rssMb: rssMb(), heapMb: heapMb() } });
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
