// npm run bench: the core's warm latency against a bare MiniSearch search over the article's
// paragraphs, in one process, as ratios; start-up to first answer; heap; and a 100× scale run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { chartPng, PNG_BYTES_MAX } from "../src/charts/png.js";
import { createCore } from "../src/core/index.js";
import { readKnowledge } from "../src/knowledge/load.js";
import type { Knowledge } from "../src/knowledge/schema.js";
import { readSnapshot } from "../src/knowledge/snapshot.js";
import { replicate, type ScaleResult, scaleLine, writeScaled } from "./scale.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const questionsFile = process.env.BENCH_QUESTIONS ?? join(root, "..", "shared", "eval", "public.jsonl");
const fallbackQueries = [
  "/gap compute",
  "/chip 910B",
  "/compare Mythos DeepSeek V4 Pro",
  "How many GPUs will Meta deploy?",
  "中美算力差距",
  "What is the weather in Paris?",
];
let queries: string[];
try {
  queries = readFileSync(questionsFile, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
} catch {
  queries = fallbackQueries;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Sample {
  /** performance.now() when the call began. */
  start: number;
  ms: number;
}

/**
 * Runs every function over every query `rounds` times after a warm-up, interleaved (core, baseline, core,
 * …) so that both meet the same machine: the same neighbours, the same collector. The bot runs for days,
 * so "warm" means after the JIT has settled: 100 rounds. Returns each function's samples.
 */
function time(fns: ((q: string) => unknown)[], rounds: number, warmRounds = 100): Sample[][] {
  for (let i = 0; i < warmRounds; i++) for (const q of queries) for (const fn of fns) fn(q);
  const out: Sample[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      fns.forEach((fn, i) => {
        const start = performance.now();
        fn(q);
        out[i]?.push({ start, ms: performance.now() - start });
      });
    }
  }
  return out;
}

const sorted = (samples: Sample[]) => samples.map((s) => s.ms).sort((a, b) => a - b);

/** The samples during which no garbage collection ran: what the code costs, the collector aside. */
function outsideGc(samples: Sample[], gcs: { start: number; end: number }[]): Sample[] {
  return samples.filter((s) => !gcs.some((g) => g.start < s.start + s.ms && g.end > s.start));
}

const fmt = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

async function main(): Promise<void> {
  const startToFirst = spawnSync(
    process.execPath,
    [join(root, "bin", "gapbot.js"), "ask", "--json", "/gap compute"],
    {
      encoding: "utf8",
    },
  );
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    spawnSync(process.execPath, [join(root, "bin", "gapbot.js"), "ask", "--json", "/gap compute"], {
      encoding: "utf8",
    });
    cold.push(performance.now() - t);
  }
  cold.sort((a, b) => a - b);

  const t0 = performance.now();
  const { knowledge } = readKnowledge();
  const tLoad = performance.now() - t0;
  const t1 = performance.now();
  const core = createCore({ knowledge });
  const tBuild = performance.now() - t1;

  // The baseline: MiniSearch's defaults over the article's paragraphs, nothing of ours.
  const bare = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  const paragraphs = [...knowledge.paragraphs.values()].flat();
  bare.addAll(paragraphs.map((text, id) => ({ id, text })));

  const rounds = 200;
  // Every collection's span, to tell the code's cost from the collector's pauses.
  const gcs: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  observer.observe({ entryTypes: ["gc"] });
  const [coreSamples = [], bareSamples = []] = time(
    [(q) => core.answer({ text: q }), (q) => bare.search(q, { fuzzy: 0.2, prefix: true })],
    rounds,
  );
  // The observer is told of collections on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  const coreTimes = sorted(coreSamples);
  const bareTimes = sorted(bareSamples);
  global.gc?.();
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;

  console.log(`gapbot bench — ${queries.length} queries × ${rounds} rounds, Node ${process.version}`);
  console.log(
    `start-up → first answer (CLI, 5 runs): median ${cold[2]?.toFixed(0)} ms, best ${cold[0]?.toFixed(0)} ms ${startToFirst.status === 0 ? "" : "(FAILED)"}`,
  );
  console.log(
    `knowledge load ${tLoad.toFixed(1)} ms, core build ${tBuild.toFixed(1)} ms, heap used ${heapMb.toFixed(1)} MB`,
  );
  const [c50, c99, b50, b99] = [
    percentile(coreTimes, 50),
    percentile(coreTimes, 99),
    percentile(bareTimes, 50),
    percentile(bareTimes, 99),
  ];
  console.log(`core.answer     p50 ${fmt(c50)}  p99 ${fmt(c99)}`);
  console.log(`bare MiniSearch p50 ${fmt(b50)}  p99 ${fmt(b99)}`);
  console.log(
    `ratio core / bare: p50 ${(c50 / b50).toFixed(2)}×  p99 ${(c99 / b99).toFixed(2)}×  (target ≤ 3×)`,
  );
  const coreClean = outsideGc(coreSamples, gcs);
  const bareClean = outsideGc(bareSamples, gcs);
  const hit = (all: Sample[], clean: Sample[]) =>
    (((all.length - clean.length) / all.length) * 100).toFixed(1);
  console.log(
    `outside GC pauses: core p99 ${fmt(percentile(sorted(coreClean), 99))}, bare p99 ${fmt(percentile(sorted(bareClean), 99))}; ` +
      `${gcs.length} collections touched ${hit(coreSamples, coreClean)}% of answers, ${hit(bareSamples, bareClean)}% of bare searches`,
  );

  // Charts: every chart the benchmark queries draw, as Discord gets them (issue 8: ≤ 50 ms, ≤ 200 KB).
  const charts = queries.flatMap((q) => core.answer({ text: q }).chart ?? []);
  if (charts.length) {
    for (const c of charts) chartPng(c); // warm: font files parsed, native code paged in
    const draws: number[] = [];
    let biggest = 0;
    for (let r = 0; r < 5; r++) {
      for (const c of charts) {
        const t = performance.now();
        biggest = Math.max(biggest, chartPng(c).length);
        draws.push(performance.now() - t);
      }
    }
    draws.sort((a, b) => a - b);
    const p99 = percentile(draws, 99);
    console.log(
      `chart PNG (${charts.length} charts × 5): p50 ${percentile(draws, 50).toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  largest ${(biggest / 1024).toFixed(0)} KB  (target ≤ 50 ms, ≤ ${PNG_BYTES_MAX / 1024} KB) ${p99 <= 50 && biggest <= PNG_BYTES_MAX ? "ok" : "OVER"}`,
    );
  }

  console.log(
    "scale: the knowledge replicated N times as synthetic sources; core and bare timed interleaved (ms);\n" +
      "  bare = MiniSearch's defaults over the same facts' claims and quotes, searched as typed (fuzzy 0.2, prefix);\n" +
      "  ready = a new process (dist/bench/ready.js) from spawn to its first answer, on the ×N snapshot and saved index",
  );
  const scales = (process.env.BENCH_SCALES ?? "1,10,100").split(",").map(Number);
  for (const n of scales) console.log(`  ${scaleLine(await scale(knowledge, n))}`);
}

/** One scale: the ×N knowledge written as the build writes it, then loaded, timed and started. */
async function scale(knowledge: Knowledge, n: number): Promise<ScaleResult> {
  const k = replicate(knowledge, n);
  const tmp = mkdtempSync(join(tmpdir(), `gapbot-bench-x${n}-`));
  try {
    const { dir, snapshot, buildMs } = writeScaled(tmp, k);
    // The bot's own path: the snapshot read, the saved index loaded.
    const core = createCore({ knowledge: readSnapshot(dir, snapshot) });
    const tb = performance.now();
    const bare = new MiniSearch<{ id: string; claim: string; quote: string }>({ fields: ["claim", "quote"] });
    bare.addAll(k.facts.map((f) => ({ id: f.id, claim: f.claim, quote: f.quote })));
    const bareBuildMs = performance.now() - tb;
    // Fewer rounds as the scale grows: each answer costs more, and the machine is shared.
    const rounds = n >= 100 ? 10 : n >= 10 ? 40 : 200;
    const [c = [], b = []] = time(
      [(q) => core.answer({ text: q }), (q) => bare.search(q, { fuzzy: 0.2, prefix: true })],
      rounds,
      n >= 100 ? 3 : n >= 10 ? 10 : 100,
    );
    const [cs, bs] = [sorted(c), sorted(b)];
    return {
      times: n,
      facts: k.facts.length,
      buildMs,
      bareBuildMs,
      core: { p50: percentile(cs, 50), p99: percentile(cs, 99) },
      bare: { p50: percentile(bs, 50), p99: percentile(bs, 99) },
      ...ready(dir, snapshot),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The median of three new processes' start → first answer, each on the ×N snapshot, with its CPU time;
 * -1 when one fails.
 */
function ready(dir: string, snapshot: string): { readyMs: number; readyCpuMs: number } {
  const runs: { readyMs: number; readyCpuMs: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const child = spawnSync(
      process.execPath,
      [join(root, "dist", "bench", "ready.js"), dir, snapshot, READY_QUESTION],
      { encoding: "utf8" },
    );
    const took = performance.now() - t;
    if (child.status !== 0 || !child.stdout.includes('"kind":"answer"')) {
      process.stderr.write(`ready: the child did not answer: ${child.stderr}\n`);
      return { readyMs: -1, readyCpuMs: -1 };
    }
    runs.push({ readyMs: took, readyCpuMs: Number(/^cpu (\d+) ms$/m.exec(child.stdout)?.[1] ?? -1) });
  }
  return runs.sort((a, b) => a.readyMs - b.readyMs)[1] ?? { readyMs: -1, readyCpuMs: -1 };
}

/** A free-text question: it goes through the whole search, not a name lookup. */
const READY_QUESTION = "How many GPUs will Meta deploy?";

await main();
