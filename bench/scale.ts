// The bench's scale run, in parts the tests can reach: the knowledge replicated N times as synthetic
// sources, a ×N knowledge written as the build writes it (snapshot with its saved index), and the line
// printed for each scale.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildContext } from "../src/core/context.js";
import type { Knowledge } from "../src/knowledge/schema.js";
import { writeSnapshot } from "../src/knowledge/snapshot.js";

/** The knowledge with its sources and facts copied `times` times (each copy a source of its own). */
export function replicate(k: Knowledge, times: number): Knowledge {
  const out: Knowledge = { ...k, sources: [], paragraphs: new Map(), facts: [] };
  for (let i = 0; i < times; i++) {
    const suffix = i === 0 ? "" : `-copy${i}`;
    for (const s of k.sources) {
      out.sources.push({ ...s, id: s.id + suffix });
      out.paragraphs.set(s.id + suffix, k.paragraphs.get(s.id) ?? []);
    }
    for (const f of k.facts) out.facts.push({ ...f, id: f.id + suffix, source: f.source + suffix });
  }
  return out;
}

/**
 * Writes `k` under `root` as the build would: a knowledge directory (one placeholder file: the snapshot's
 * fingerprint is of the files there) and the snapshot beside it, with the core's saved index.
 * Returns the paths and how long the index took to make.
 */
export function writeScaled(
  root: string,
  k: Knowledge,
  /** The snapshot's key, when the code that reads it is not this code (see snapshot.ts): the built code's. */
  key?: (dir: string) => string,
): { dir: string; snapshot: string; buildMs: number } {
  const dir = join(root, "knowledge");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "replicated.txt"), `${k.facts.length} facts\n`);
  const t = performance.now();
  const index = buildContext(k).save();
  const buildMs = performance.now() - t;
  const snapshot = join(root, "knowledge.snap");
  writeSnapshot(dir, k, snapshot, index, key?.(dir));
  return { dir, snapshot, buildMs };
}

export interface ScaleResult {
  times: number;
  facts: number;
  /** Making the core's index from the knowledge (build time), and a bare MiniSearch's over the same facts. */
  buildMs: number;
  bareBuildMs: number;
  core: { p50: number; p99: number };
  bare: { p50: number; p99: number };
  /** A new process, from start to its first answer, on the saved knowledge and index; and its CPU time. */
  readyMs: number;
  readyCpuMs: number;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

/** `×100  11200 facts · core p50 X p99 Y · bare p50 X p99 Y · ready Z ms · …` (times in ms). */
export function scaleLine(r: ScaleResult): string {
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");
  return [
    `×${String(r.times).padEnd(4)} ${String(r.facts).padStart(6)} facts`,
    `core p50 ${ms(r.core.p50)} p99 ${ms(r.core.p99)}`,
    `bare p50 ${ms(r.bare.p50)} p99 ${ms(r.bare.p99)}`,
    `ready ${r.readyMs.toFixed(0)} ms (cpu ${r.readyCpuMs.toFixed(0)} ms)`,
    `core/bare p50 ${ratio(r.core.p50, r.bare.p50)} p99 ${ratio(r.core.p99, r.bare.p99)}`,
    `index build ${r.buildMs.toFixed(0)} ms (bare ${r.bareBuildMs.toFixed(0)} ms)`,
  ].join(" · ");
}
