// What a load run reports: throughput, latency percentiles, errors and memory, from raw timings.

export interface LoadStats {
  requests: number;
  concurrency: number;
  errors: number;
  /** The first few error messages, to say what went wrong. */
  errorSamples: string[];
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** The value at quantile q (0–1) of sorted numbers, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/**
 * Runs `one(i)` for i in 0…requests-1, `concurrency` at a time; each returns its latency in ms or throws.
 * Bounded: every call must settle by itself (callers put a timeout on each).
 */
export async function drive(
  requests: number,
  concurrency: number,
  one: (i: number) => Promise<number>,
): Promise<LoadStats> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests) {
      const i = next++;
      try {
        latencies.push(await one(i));
      } catch (err) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push((err as Error)?.message ?? String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests,
    concurrency,
    errors,
    errorSamples,
    seconds: round(seconds),
    perSecond: Math.round(requests / seconds),
    p50Ms: round(quantile(latencies, 0.5)),
    p99Ms: round(quantile(latencies, 0.99)),
    maxMs: round(latencies.at(-1) ?? Number.NaN),
  };
}

/** Resident set size in MB, after a full GC when node runs with --expose-gc. */
export function rssMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10;
}

/** Heap in use in MB (call after rssMb(), which collects first): growth here, unlike RSS, is a leak. */
export function heapMb(): number {
  return Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10;
}

/** The median of some numbers (the lower middle one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** The run with the median p99, carrying every run's errors and duplicates: none may hide in another run. */
export function medianRun<T extends LoadStats & { duplicates: number }>(runs: readonly T[]): T {
  const sorted = [...runs].sort((x, y) => x.p99Ms - y.p99Ms);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error("loadtest: no run");
  const errors = runs.reduce((n, r) => n + r.errors, 0);
  const duplicates = runs.reduce((n, r) => n + r.duplicates, 0);
  const errorSamples = runs.flatMap((r) => r.errorSamples).slice(0, 5);
  return { ...middle, errors, duplicates, errorSamples };
}
