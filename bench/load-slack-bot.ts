// The bot side of the Slack load test, in its own process so that the load generator does not share its
// CPU and its RSS is the bot's alone: the real Slack HTTP adapter and core. Talks to its parent over IPC.
import { startSlack } from "../src/adapters/slack/index.js";
import { createCore } from "../src/core/index.js";
import { silentLogger } from "../src/log.js";
import { MemoryRateLimiter } from "../src/runtime/rate-limit.js";
import { MemorySeenStore } from "../src/runtime/seen-store.js";
import { heapMb, rssMb } from "./load-stats.js";

async function main(): Promise<void> {
  const apiUrl = process.env.LOAD_API_URL;
  const signingSecret = process.env.LOAD_SIGNING_SECRET;
  if (!apiUrl || !signingSecret || !process.send)
    throw new Error("load-slack-bot: run by bench/loadtest.js, with LOAD_API_URL and LOAD_SIGNING_SECRET");
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
      seen: new MemorySeenStore(),
      // The real limiter, with room for the load: its cost is part of every command.
      rateLimit: {
        limiter: new MemoryRateLimiter(),
        perUserPerMinute: 1_000_000,
        perChannelPerMinute: 1_000_000,
      },
    },
    { host: "127.0.0.1", retries: 0 },
  );
  process.on("message", (message: unknown) => {
    if (message === "rss") process.send?.({ rss: { rssMb: rssMb(), heapMb: heapMb() } });
    if (message === "stop") void slack.stop().then(() => process.disconnect());
  });
  // The parent going away ends the bot too: nothing is left running.
  process.on("disconnect", () => void slack.stop().then(() => process.exit(0)));
  process.send({ port: slack.port });
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});
