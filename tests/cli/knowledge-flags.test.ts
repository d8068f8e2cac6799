// Every command answers from the folder KNOWLEDGE_DIR or --knowledge names, and --source (repeatable)
// limits ask, render and chart to some sources. Through the built CLI, as an operator runs it.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { variableNames } from "../../src/config/variables.js";
import { ensureBuilt, root } from "../start/ensure-built.js";

const TWO = join(root, "tests/fixtures/two-sources");
const work = mkdtempSync(join(tmpdir(), "gapbot-flags-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(ensureBuilt, 60_000);

function gapbot(args: string[], env: Record<string, string> = {}, input = "") {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const name of variableNames) delete clean[name];
  const run = spawnSync(process.execPath, [join(root, "bin/gapbot.js"), ...args], {
    cwd: work,
    env: { ...clean, ...env },
    input,
    encoding: "utf8",
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const QUESTION = "How many TOPS does the Ascend 910B deliver?";
const sourcesCited = (stdout: string) =>
  new Set(
    stdout
      .trim()
      .split("\n")
      .flatMap((l) => (JSON.parse(l) as { citations: { source: string }[] }).citations.map((c) => c.source)),
  );

describe("--knowledge and KNOWLEDGE_DIR", () => {
  it("ask, facts and entities read the folder either names", () => {
    const byFlag = gapbot(["ask", "--json", "--knowledge", TWO, QUESTION]);
    expect(byFlag.code).toBe(0);
    const byEnv = gapbot(["ask", "--json", QUESTION], { KNOWLEDGE_DIR: TWO });
    expect(byEnv.stdout).toBe(byFlag.stdout);
    expect(gapbot(["facts"], { KNOWLEDGE_DIR: TWO }).stdout).toContain("ascend-910b-tops-later");
    expect(gapbot(["entities", "--knowledge", TWO]).stdout).toContain("ascend-910b");
  });

  it("gapbot check and ask refuse a tampered folder, naming the problem", () => {
    const dir = mkdtempSync(join(work, "k-"));
    cpSync(TWO, dir, { recursive: true });
    const file = join(dir, "facts/later.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace('reaching 600 TOPS (INT8)"', 'reaching 6000 TOPS (INT8)"'),
    );
    const check = gapbot(["check"], { KNOWLEDGE_DIR: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("facts/later.yaml › ascend-910b-tops-later › quote: not verbatim");
    expect(gapbot(["check", "--knowledge", TWO]).code).toBe(0);
    const ask = gapbot(["ask", "--knowledge", dir, QUESTION]);
    expect(ask.code).toBe(1);
    expect(ask.stdout).toBe("");
    expect(ask.stderr).toContain("ascend-910b-tops-later › quote: not verbatim");
  });
});

describe("--source", () => {
  it("limits ask to the sources named, repeated or separated by commas", () => {
    expect(
      sourcesCited(gapbot(["ask", "--json", "--knowledge", TWO, "--source", "later", QUESTION]).stdout),
    ).toEqual(new Set(["later"]));
    expect(
      sourcesCited(gapbot(["ask", "--json", "--knowledge", TWO, "--source=mini", QUESTION]).stdout),
    ).toEqual(new Set(["mini"]));
    const both = gapbot(
      ["ask", "--json", "--knowledge", TWO, "--source", "mini", "--source", "later"],
      {},
      "/source later:2\n/source mini:3\n",
    );
    expect(sourcesCited(both.stdout)).toEqual(new Set(["mini", "later"]));
  });

  it("limits render and chart too, and names an unknown source", () => {
    const render = gapbot([
      "render",
      "--platform",
      "discord",
      "--json",
      "--knowledge",
      TWO,
      "--source",
      "later",
      QUESTION,
    ]);
    expect(render.code).toBe(0);
    expect(render.stdout).toContain("600");
    expect(render.stdout).not.toContain("640");
    const chart = gapbot([
      "chart",
      "--svg",
      "--out",
      join(work, "c.svg"),
      "--knowledge",
      TWO,
      "--source",
      "nope",
      "/gap compute",
    ]);
    expect(chart.code).toBe(1);
    expect(chart.stderr).toBe('gapbot: no source "nope" in the knowledge; its sources are mini, later\n');
  });
});
