// npm run loadtest: N signed slash commands at concurrency C against the real Slack HTTP receiver on
// 127.0.0.1, then a soak of more commands to compare RSS before and after. Loopback only, bounded.
// Then D slash-command interactions through the real Discord adapter and the Discord stand-in.
// Options: --requests N (2000) --concurrency C (50) --soak S (20000) --discord D (2000) --json.
// Exits 1 if the target is missed.
import { parseArgs } from "node:util";
import { startDiscordLoad } from "./load-discord.js";
import { type BotMemory, startSlackLoad } from "./load-slack.js";
import type { LoadStats } from "./load-stats.js";

/** The target on a 2-core machine: no errors, and the 99th percentile under a second. */
export const TARGET_P99_MS = 1000;

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
      json: { type: "boolean", default: false },
    },
  });
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const soak = Number(values.soak);
  const discordRequests = Number(values.discord);
  for (const [name, n] of Object.entries({ requests, concurrency, soak, discord: discordRequests })) {
    if (!Number.isInteger(n) || n < 0 || n > 1_000_000)
      throw new Error(`loadtest: --${name} must be a whole number`);
  }

  const slack = await startSlackLoad(LOAD_QUERIES);
  let measured: LoadStats;
  let soaked: LoadStats | undefined;
  let before: BotMemory;
  let after: BotMemory;
  try {
    // Warm-up: JIT, connection pools and the core's caches, so the measured run is steady state.
    await slack.run(Math.min(500, requests), concurrency);
    measured = await slack.run(requests, concurrency);
    before = await slack.botMemory();
    soaked = soak > 0 ? await slack.run(soak, concurrency) : undefined;
    after = await slack.botMemory();
  } finally {
    await slack.close();
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
    (discord ? discord.errors === 0 && discord.p99Ms < TARGET_P99_MS : true);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ slack: measured, soak: soaked, memoryBefore: before, memoryAfter: after, discord, ok })}\n`,
    );
  } else {
    process.stdout.write(`${report("slack slash commands", measured)}\n`);
    if (soaked) process.stdout.write(`${report("slack soak", soaked)}\n`);
    process.stdout.write(
      `slack bot RSS ${before.rssMb} MB before the soak, ${after.rssMb} MB after ${soak} commands; heap in use ${before.heapMb} → ${after.heapMb} MB\n`,
    );
    if (discord) process.stdout.write(`${report("discord slash interactions", discord)}\n`);
    process.stdout.write(ok ? "target met\n" : `target missed: errors, or p99 ≥ ${TARGET_P99_MS} ms\n`);
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
