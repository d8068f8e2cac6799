// The load test itself, small: the built script drives the real Slack receiver in a child process and
// reports every command answered, and the percentiles it reports are the ones of its timings.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drive, median, medianRun, quantile } from "../../bench/load-stats.js";
import { hasRedisServer } from "../helpers/redis-server.js";
import { root } from "../start/ensure-built.js";

describe("load test", () => {
  it("takes the nearest-rank quantile of sorted timings", () => {
    const ms = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(ms, 0.5)).toBe(50);
    expect(quantile(ms, 0.99)).toBe(99);
    expect(quantile([7], 0.99)).toBe(7);
  });

  it("given some calls failing, counts them as errors with a sample, and never more than C at once", async () => {
    let running = 0;
    let most = 0;
    const stats = await drive(40, 4, async (i) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 1));
      running -= 1;
      if (i % 10 === 0) throw new Error(`call ${i} failed`);
      return i;
    });
    expect(most).toBe(4);
    expect(stats.errors).toBe(4);
    expect(stats.errorSamples).toContain("call 0 failed");
    expect(stats.requests).toBe(40);
  });

  it("takes the median, and a side's median run carries every run's errors and duplicates", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2);
    const run = (p99Ms: number, errors: number, duplicates: number) => ({
      requests: 10,
      concurrency: 2,
      errors,
      errorSamples: errors ? [`e${p99Ms}`] : [],
      seconds: 1,
      perSecond: 10,
      p50Ms: 1,
      p99Ms,
      maxMs: p99Ms,
      duplicates,
    });
    const picked = medianRun([run(30, 0, 0), run(10, 1, 0), run(20, 0, 2)]);
    expect(picked).toMatchObject({ p99Ms: 20, errors: 1, duplicates: 2, errorSamples: ["e10"] });
  });

  it("the built `npm run loadtest` answers 200 signed Slack commands on one instance, then one instance in memory, one on Redis and two on Redis in turn, and 200 Discord interactions at concurrency 20 with no errors, each once", () => {
    // ensureBuilt() watches src/ and commands/ only: build here, so that bench/ is never stale.
    const build = spawnSync(
      process.execPath,
      [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    expect(build.status).toBe(0);
    const run = spawnSync(
      process.execPath,
      [
        join(root, "dist/bench/loadtest.js"),
        "--requests",
        "200",
        "--concurrency",
        "20",
        "--soak",
        "200",
        "--two",
        "200",
        "--rounds",
        "1",
        "--discord",
        "200",
        "--json",
      ],
      { encoding: "utf8", timeout: 150_000 },
    );
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as {
      slack: { requests: number; errors: number; p50Ms: number; p99Ms: number; perSecond: number };
      memoryBefore: { rssMb: number; heapMb: number };
      scale?: {
        rounds: number;
        memory: { requests: number; errors: number; duplicates: number };
        redisOne: { requests: number; errors: number; duplicates: number };
        two: { requests: number; errors: number; duplicates: number; botCpuUsPerCommand: number };
        redisCommandsPerCommand: Record<string, number>;
        twoOverRedisOne: number;
        twoOverMemory: number;
      };
      twoSkipped?: string;
      discord: { requests: number; errors: number };
      ok: boolean;
    };
    expect(result.slack).toMatchObject({ requests: 200, errors: 0, duplicates: 0 });
    if (hasRedisServer) {
      const clean = { requests: 200, errors: 0, duplicates: 0 };
      expect(result.scale).toMatchObject({ rounds: 1, memory: clean, redisOne: clean, two: clean });
      expect(result.scale?.twoOverRedisOne).toBeGreaterThan(0);
      expect(result.scale?.twoOverMemory).toBeGreaterThan(0);
      expect(result.scale?.two.botCpuUsPerCommand).toBeGreaterThan(0);
      // Each command's one awaited round trip: the rate-limit script and the two reads, and the dedupe mark.
      expect(result.scale?.redisCommandsPerCommand).toMatchObject({ evalsha: 1, get: 2, set: 1 });
    } else expect(result.twoSkipped).toMatch(/redis-server/);
    expect(result.discord).toMatchObject({ requests: 200, errors: 0 });
    expect(result.slack.p99Ms).toBeGreaterThanOrEqual(result.slack.p50Ms);
    expect(result.slack.perSecond).toBeGreaterThan(0);
    expect(result.memoryBefore.rssMb).toBeGreaterThan(result.memoryBefore.heapMb);
    expect(run.status).toBe(result.ok ? 0 : 1);
    // As long as the child's own deadline above plus the build: on a shared 2-core machine both take seconds.
  }, 180_000);
});
