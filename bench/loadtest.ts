// npm run loadtest: N signed slash commands at concurrency C against the real Slack HTTP receiver on
// 127.0.0.1, then a soak of more commands to compare RSS before and after. Loopback only, bounded.
// And T commands over two bot processes on one real Redis (a redis-server of its own), as behind a load
// balancer: each answered once, p99 within 25% of the one-instance run's (both measured three times, in turn).
// Then D slash-command interactions through the real Discord adapter and the Discord stand-in.
// Options: --requests N (2000) --concurrency C (50) --soak S (20000) --two T (N) --discord D (2000) --json.
// Exits 1 if the target is missed.
import { parseArgs } from "node:util";
import { startDiscordLoad } from "./load-discord.js";
import { type BotMemory, type SlackLoad, type SlackLoadStats, startSlackLoad } from "./load-slack.js";
import type { LoadStats } from "./load-stats.js";
import { hasRedisServer, startRedis } from "./redis-server.js";

/** The target on a 2-core machine: no errors, and the 99th percentile under a second. */
export const TARGET_P99_MS = 1000;
/** Two instances on Redis may cost a round trip or two per command, no more: p99 within 25% of one instance's. */
export const TWO_INSTANCE_P99_RATIO = 1.25;

/** A mix of what people ask: commands that find something, free text, misses and hostile text. */
export const LOAD_QUERIES = [
  "/gap compute",
  "/chip 910B",
  "/compare H100 vs Ascend 910B",
  "/model DeepSeek",
  "/ask How many GPUs will Meta deploy?",
  "/ask 中美算力差距",
  "/ask what is the weather in Paris?",
  "/gap <!channel> *bold* \u202e\u200b",
  "/source 3",
  "/gapbot",
];

/** The run with the lower p99, carrying every run's errors and duplicates. */
function bestOf(runs: SlackLoadStats[]): SlackLoadStats {
  const best = [...runs].sort((x, y) => x.p99Ms - y.p99Ms)[0];
  if (!best) throw new Error("loadtest: no run");
  const errors = runs.reduce((n, r) => n + r.errors, 0);
  const duplicates = runs.reduce((n, r) => n + r.duplicates, 0);
  const errorSamples = runs.flatMap((r) => r.errorSamples).slice(0, 5);
  return { ...best, errors, duplicates, errorSamples };
}

function report(name: string, s: LoadStats): string {
  const errors = s.errors ? ` (${s.errorSamples.join("; ")})` : "";
  return `${name}: ${s.requests} at concurrency ${s.concurrency} in ${s.seconds} s: ${s.perSecond} req/s, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms, ${s.errors} errors${errors}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: "2000" },
      concurrency: { type: "string", default: "50" },
      soak: { type: "string", default: "20000" },
      discord: { type: "string", default: "2000" },
      two: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const soak = Number(values.soak);
  const discordRequests = Number(values.discord);
  const twoRequests = Number(values.two ?? requests);
  for (const [name, n] of Object.entries({
    requests,
    concurrency,
    soak,
    discord: discordRequests,
    two: twoRequests,
  })) {
    if (!Number.isInteger(n) || n < 0 || n > 1_000_000)
      throw new Error(`loadtest: --${name} must be a whole number`);
  }

  // Two instances on one Redis, the commands split between them, when redis-server is there.
  let twoSkipped: string | undefined;
  if (twoRequests > 0 && !hasRedisServer) twoSkipped = "redis-server is not installed";
  const redis = twoRequests > 0 && hasRedisServer ? await startRedis() : undefined;
  const slack = await startSlackLoad(LOAD_QUERIES);
  let pair: SlackLoad | undefined;
  let measured: SlackLoadStats;
  let two: (SlackLoadStats & { p99Ratio: number }) | undefined;
  let soaked: SlackLoadStats | undefined;
  let before: BotMemory;
  let after: BotMemory;
  try {
    pair = redis ? await startSlackLoad(LOAD_QUERIES, { instances: 2, redisUrl: redis.url }) : undefined;
    // Warm-up: JIT, connection pools and the core's caches, so the measured runs are steady state.
    await slack.run(Math.min(500, requests), concurrency);
    await pair?.run(Math.min(500, twoRequests), concurrency);
    // One instance and two, measured three times each, in turn: a burst from elsewhere on a shared machine then
    // lands on both sides alike, and each side keeps its better p99 (errors and duplicates of both runs count).
    const ones: SlackLoadStats[] = [];
    const twos: SlackLoadStats[] = [];
    for (let round = 0; round < 3; round++) {
      ones.push(await slack.run(requests, concurrency));
      if (pair) twos.push(await pair.run(twoRequests, concurrency));
    }
    measured = bestOf(ones);
    if (twos.length > 0) {
      const stats = bestOf(twos);
      two = { ...stats, p99Ratio: Math.round((stats.p99Ms / measured.p99Ms) * 100) / 100 };
    }
    await pair?.close();
    pair = undefined;
    before = await slack.botMemory();
    soaked = soak > 0 ? await slack.run(soak, concurrency) : undefined;
    after = await slack.botMemory();
  } finally {
    await pair?.close();
    await slack.close();
    await redis?.close();
  }

  // Discord after Slack, so the two never share the CPU.
  let discord: LoadStats | undefined;
  if (discordRequests > 0) {
    const load = await startDiscordLoad();
    try {
      await load.run(Math.min(300, discordRequests), concurrency);
      discord = await load.run(discordRequests, concurrency);
    } finally {
      await load.close();
    }
  }

  const ok =
    measured.errors === 0 &&
    (soaked?.errors ?? 0) === 0 &&
    measured.p99Ms < TARGET_P99_MS &&
    measured.duplicates === 0 &&
    (two ? two.errors === 0 && two.duplicates === 0 && two.p99Ratio <= TWO_INSTANCE_P99_RATIO : true) &&
    (discord ? discord.errors === 0 && discord.p99Ms < TARGET_P99_MS : true);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ slack: measured, soak: soaked, memoryBefore: before, memoryAfter: after, two, twoSkipped, discord, ok })}\n`,
    );
  } else {
    process.stdout.write(`${report("slack slash commands", measured)}\n`);
    if (soaked) process.stdout.write(`${report("slack soak", soaked)}\n`);
    process.stdout.write(
      `slack bot RSS ${before.rssMb} MB before the soak, ${after.rssMb} MB after ${soak} commands; heap in use ${before.heapMb} → ${after.heapMb} MB\n`,
    );
    if (two)
      process.stdout.write(
        `${report("slack, two instances on Redis", two)}, ${two.duplicates} answered twice; p99 ${two.p99Ratio}× the one-instance run's\n`,
      );
    if (twoSkipped) process.stdout.write(`slack, two instances on Redis: SKIPPED (${twoSkipped})\n`);
    if (discord) process.stdout.write(`${report("discord slash interactions", discord)}\n`);
    process.stdout.write(
      ok
        ? "target met\n"
        : `target missed: errors, a command answered twice, p99 ≥ ${TARGET_P99_MS} ms, or two instances' p99 over ${TWO_INSTANCE_P99_RATIO}× one's\n`,
    );
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
