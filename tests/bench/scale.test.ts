// The bench's scale run, small: the knowledge replicated, written as the build writes it, started in a
// new process from its saved index, and the line printed for each scale.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { replicate, scaleLine, writeScaled } from "../../bench/scale.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { readSnapshot } from "../../src/knowledge/snapshot.js";
import { ensureBuilt, root } from "../start/ensure-built.js";

const fixture = new URL("../fixtures/mini-knowledge", import.meta.url).pathname;
const { knowledge } = readKnowledge(fixture);
const tmp = mkdtempSync(join(tmpdir(), "gapbot-bench-scale-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const QUESTION = "How many TOPS does the Ascend 910B deliver?";

describe("bench scale run", () => {
  it("replicates every source and fact under ids of their own", () => {
    const k = replicate(knowledge, 3);
    expect(k.facts.length).toBe(3 * knowledge.facts.length);
    expect(new Set(k.facts.map((f) => f.id)).size).toBe(k.facts.length);
    expect(k.sources.length).toBe(3 * knowledge.sources.length);
    for (const f of k.facts) expect(k.paragraphs.get(f.source)?.[f.paragraph - 1]).toContain(f.quote);
  });

  it("writes a ×N knowledge whose snapshot and saved index answer as the knowledge itself", () => {
    const k = replicate(knowledge, 2);
    const { dir, snapshot } = writeScaled(join(tmp, "x2"), k);
    const loaded = readSnapshot(dir, snapshot);
    expect(loaded?.facts.length).toBe(k.facts.length);
    expect(createCore({ knowledge: loaded }).answer({ text: QUESTION })).toEqual(
      createCore({ knowledge: k }).answer({ text: QUESTION }),
    );
  });

  it("starts a new process on the written ×N knowledge, which answers its first question", async () => {
    ensureBuilt();
    // The child runs the built code, whose snapshots carry the built code's key.
    const built = (await import(
      join(root, "dist/src/knowledge/snapshot.js")
    )) as typeof import("../../src/knowledge/snapshot.js");
    const { dir, snapshot } = writeScaled(join(tmp, "x3"), replicate(knowledge, 3), built.knowledgeKey);
    const child = spawnSync(process.execPath, [join(root, "dist/bench/ready.js"), dir, snapshot, QUESTION], {
      encoding: "utf8",
    });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout.split("\n")[0] ?? "")).toMatchObject({ kind: "answer" });
  });

  it("prints one line per scale: core and bare percentiles, then ready", () => {
    const line = scaleLine({
      times: 100,
      facts: 11200,
      buildMs: 7312.4,
      bareBuildMs: 498.7,
      core: { p50: 5.123, p99: 51.26 },
      bare: { p50: 4.9, p99: 47.04 },
      readyMs: 640.2,
      readyCpuMs: 512.8,
    });
    expect(line).toMatch(
      /^×100 .* · core p50 5\.12 p99 51\.3 · bare p50 4\.90 p99 47\.0 · ready 640 ms \(cpu 513 ms\) · /,
    );
    expect(line).toContain("core/bare p50 1.05× p99 1.09×");
    expect(line).toContain("11200 facts");
    expect(line).toContain("index build 7312 ms (bare 499 ms)");
  });
});
