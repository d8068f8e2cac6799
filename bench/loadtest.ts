// npm run loadtest: N signed slash commands at concurrency C against the real Slack HTTP receiver on
// 127.0.0.1, then a soak of more commands to compare RSS before and after. Loopback only, bounded.
// Then the scale-out check: T commands split over two bot processes on one real Redis (a redis-server of its
// own), as behind a load balancer, each answered once, against one bot process on that same Redis and one in
// memory. The three are warmed up, then measured R times in rotating order, so that a burst from elsewhere on a
// shared machine lands on every side alike; each side reports its median run, and the gated ratio is the median
// of the rounds' paired ratios (two instances' p99 over one instance's, measured in the same round).
// Then D slash-command interactions through the real Discord adapter and the Discord stand-in.
// Options: --requests N (2000) --concurrency C (50) --soak S (20000) --two T (N) --rounds R (5) --discord D (2000)
// --json. Exits 1 if the target is missed.
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { startDiscordLoad } from "./load-discord.js";
import { type BotMemory, type SlackLoad, type SlackLoadStats, startSlackLoad } from "./load-slack.js";
import { type LoadStats, median, medianRun } from "./load-stats.js";
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

const ratio = (x: number, y: number) => Math.round((x / y) * 100) / 100;

/** What the scale-out check reports: each side's median run, and the p99 ratios, median of the paired rounds. */
export interface ScaleOut {
  rounds: number;
  /** One bot process in memory, one on Redis, two on the same Redis. */
  memory: SlackLoadStats;
  redisOne: SlackLoadStats;
  two: SlackLoadStats;
  /** Each round's p99s (ms), in the order of `rounds`. */
  p99s: { memory: number[]; redisOne: number[]; two: number[] };
  /**
   * Redis calls per slash command, two instances, by command (INFO commandstats): those the bots send (SET
   * NX dedupe, EVALSHA rate limit, GET settings…) and those the rate-limit script runs inside Redis.
   */
  redisCommandsPerCommand: Record<string, number>;
  /** Two instances' p99 over one instance's on the same Redis: the gated ratio (README says why). */
  twoOverRedisOne: number;
  /** Two instances' p99 over one instance's in memory, printed beside it. */
  twoOverMemory: number;
  /** What Redis costs one instance: its p99 on Redis over in memory. */
  redisOverMemory: number;
}

/**
 * Measures the three sides `rounds` times in rotating order; every run's errors and duplicates count.
 * `redisCommands` reads how many calls of each command Redis has run so far, for what a slash command costs.
 */
async function scaleOut(
  sides: { memory: SlackLoad; redisOne: SlackLoad; two: SlackLoad },
  requests: number,
  concurrency: number,
  rounds: number,
  redisCommands: () => Promise<Map<string, number>>,
): Promise<ScaleOut> {
  const names = ["memory", "redisOne", "two"] as const;
  const runs: Record<(typeof names)[number], SlackLoadStats[]> = { memory: [], redisOne: [], two: [] };
  // Warm-up: JIT, sockets, connection pools, the core's caches and Redis's script cache.
  for (const name of names) await sides[name].run(Math.min(500, requests), concurrency);
  const commands = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length] as (typeof names)[number];
      const before = name === "two" ? await redisCommands() : undefined;
      runs[name].push(await sides[name].run(requests, concurrency));
      if (before) {
        for (const [command, calls] of await redisCommands()) {
          commands.set(command, (commands.get(command) ?? 0) + calls - (before.get(command) ?? 0));
        }
      }
    }
  }
  const p99s = {
    memory: runs.memory.map((r) => r.p99Ms),
    redisOne: runs.redisOne.map((r) => r.p99Ms),
    two: runs.two.map((r) => r.p99Ms),
  };
  const paired = (x: number[], y: number[]) => ratio(median(x.map((v, i) => v / (y[i] ?? Number.NaN))), 1);
  // A side's CPU per command is the median of its runs' too, not the one of its median-p99 run.
  const side = (all: SlackLoadStats[]) => ({
    ...medianRun(all),
    botCpuUsPerCommand: median(all.map((r) => r.botCpuUsPerCommand)),
  });
  return {
    rounds,
    memory: side(runs.memory),
    redisOne: side(runs.redisOne),
    two: side(runs.two),
    p99s,
    redisCommandsPerCommand: Object.fromEntries(
      [...commands]
        .map(([command, calls]) => [command, Math.round((calls / (requests * rounds)) * 100) / 100] as const)
        .filter(([command, per]) => per >= 0.01 && !command.startsWith("info")),
    ),
    twoOverRedisOne: paired(p99s.two, p99s.redisOne),
    twoOverMemory: paired(p99s.two, p99s.memory),
    redisOverMemory: paired(p99s.redisOne, p99s.memory),
  };
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
      rounds: { type: "string", default: "5" },
      json: { type: "boolean", default: false },
    },
  });
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const soak = Number(values.soak);
  const discordRequests = Number(values.discord);
  const twoRequests = Number(values.two ?? requests);
  const rounds = Number(values.rounds);
  for (const [name, n] of Object.entries({
    requests,
    concurrency,
    soak,
    discord: discordRequests,
    two: twoRequests,
    rounds,
  })) {
    if (!Number.isInteger(n) || n < 0 || n > 1_000_000)
      throw new Error(`loadtest: --${name} must be a whole number`);
  }

  // One instance in memory: the target run and the soak.
  const slack = await startSlackLoad(LOAD_QUERIES);
  let measured: SlackLoadStats;
  let soaked: SlackLoadStats | undefined;
  let before: BotMemory;
  let after: BotMemory;
  try {
    await slack.run(Math.min(500, requests), concurrency);
    measured = await slack.run(requests, concurrency);
    before = await slack.botMemory();
    soaked = soak > 0 ? await slack.run(soak, concurrency) : undefined;
    after = await slack.botMemory();
  } finally {
    await slack.close();
  }

  // The scale-out check, when redis-server is there: fresh bot processes, so the soak's heap is not in it.
  let scale: ScaleOut | undefined;
  let twoSkipped: string | undefined;
  if (twoRequests > 0 && rounds > 0 && !hasRedisServer) twoSkipped = "redis-server is not installed";
  if (twoRequests > 0 && rounds > 0 && hasRedisServer) {
    const redis = await startRedis();
    const started: SlackLoad[] = [];
    const start = async (options: Parameters<typeof startSlackLoad>[1]) => {
      const load = await startSlackLoad(LOAD_QUERIES, options);
      started.push(load);
      return load;
    };
    try {
      const sides = {
        memory: await start({}),
        redisOne: await start({ redisUrl: redis.url }),
        two: await start({ instances: 2, redisUrl: redis.url }),
      };
      const info = new Redis(redis.url);
      const processed = async () =>
        new Map(
          [...(await info.info("commandstats")).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)].map(
            (m) => [m[1] ?? "", Number(m[2])] as const,
          ),
        );
      try {
        scale = await scaleOut(sides, twoRequests, concurrency, rounds, processed);
      } finally {
        info.disconnect();
      }
    } finally {
      await Promise.all(started.map((load) => load.close()));
      await redis.close();
    }
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

  const clean = (s: SlackLoadStats) => s.errors === 0 && s.duplicates === 0;
  const scaleOk = scale
    ? clean(scale.memory) &&
      clean(scale.redisOne) &&
      clean(scale.two) &&
      scale.twoOverRedisOne <= TWO_INSTANCE_P99_RATIO
    : true;
  const ok =
    clean(measured) &&
    (soaked?.errors ?? 0) === 0 &&
    measured.p99Ms < TARGET_P99_MS &&
    scaleOk &&
    (discord ? discord.errors === 0 && discord.p99Ms < TARGET_P99_MS : true);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ slack: measured, soak: soaked, memoryBefore: before, memoryAfter: after, scale, twoSkipped, discord, ok })}\n`,
    );
  } else {
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(report("slack slash commands", measured));
    if (soaked) out(report("slack soak", soaked));
    out(
      `slack bot RSS ${before.rssMb} MB before the soak, ${after.rssMb} MB after ${soak} commands; heap in use ${before.heapMb} → ${after.heapMb} MB`,
    );
    if (scale) {
      const of = `median of ${scale.rounds} rounds`;
      out(
        `${report(`scale-out, one instance in memory (${of})`, scale.memory)}, ${scale.memory.duplicates} answered twice`,
      );
      out(
        `${report(`scale-out, one instance on Redis (${of})`, scale.redisOne)}, ${scale.redisOne.duplicates} answered twice`,
      );
      out(
        `${report(`scale-out, two instances on Redis (${of})`, scale.two)}, ${scale.two.duplicates} answered twice`,
      );
      out(
        `scale-out p99 per round (ms): memory ${scale.p99s.memory.join(", ")}; one on Redis ${scale.p99s.redisOne.join(", ")}; two on Redis ${scale.p99s.two.join(", ")}`,
      );
      const calls = Object.entries(scale.redisCommandsPerCommand).map(
        ([command, per]) => `${command} ${per}`,
      );
      out(
        `scale-out Redis calls per slash command (two instances; INFO commandstats, the rate-limit script's own calls included): ${calls.join(", ")}`,
      );
      out(
        `scale-out bot CPU per command (µs, median of rounds, all instances together): memory ${scale.memory.botCpuUsPerCommand}; one on Redis ${scale.redisOne.botCpuUsPerCommand}; two on Redis ${scale.two.botCpuUsPerCommand}`,
      );
      out(
        `scale-out p99 ratio (median of paired rounds): two on Redis / one on Redis ${scale.twoOverRedisOne}× (target ≤ ${TWO_INSTANCE_P99_RATIO}); two on Redis / one in memory ${scale.twoOverMemory}×; one on Redis / one in memory ${scale.redisOverMemory}×`,
      );
    }
    if (twoSkipped) out(`scale-out, two instances on Redis: SKIPPED (${twoSkipped})`);
    if (discord) out(report("discord slash interactions", discord));
    out(
      ok
        ? "target met"
        : `target missed: errors, a command answered twice, p99 ≥ ${TARGET_P99_MS} ms, or two instances' p99 over ${TWO_INSTANCE_P99_RATIO}× one's`,
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
