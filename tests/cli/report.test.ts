// `gapbot report` through the built CLI, as an operator runs it: no token, in a folder of its own.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { variableNames } from "../../src/config/variables.js";
import type { Card } from "../../src/core/card.js";
import { openDatabase } from "../../src/storage/database.js";
import { QuestionLog } from "../../src/storage/question-log.js";
import { ensureBuilt, root } from "../start/ensure-built.js";

beforeAll(ensureBuilt, 60_000);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const name of variableNames) delete clean[name];
  const result = spawnSync(process.execPath, [join(root, "bin/gapbot.js"), "report", ...args], {
    cwd,
    env: { ...clean, ...env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "gapbot-report-"));
  dirs.push(dir);
  return dir;
}

const answer: Card = {
  kind: "answer",
  title: "t",
  headline: "h",
  fields: [],
  citations: [{ source: "s", paragraph: 3, quote: "q", factId: "compute-us-2400" }],
  suggestions: [],
  score: 1.25,
};

describe("gapbot report", () => {
  it("given a fresh folder with no token and no database, reports an empty period and makes no file", () => {
    const cwd = tempDir();
    const text = run([], cwd);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("No questions recorded in this period.");
    const json = run(["--json"], cwd);
    expect(JSON.parse(json.stdout)).toMatchObject({
      totals: { questions: 0, votes: { up: 0, down: 0 } },
      unanswered: [],
      disliked: [],
    });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("shows a recorded 👎 under disliked with its facts, and a not-found question under unanswered", () => {
    const cwd = tempDir();
    const data = join(cwd, "state");
    const log = new QuestionLog(openDatabase({ dir: data }), { retentionDays: 90 });
    const id = log.record({
      platform: "slack",
      command: "mention",
      text: "US computing power?",
      card: answer,
    });
    log.vote(id, "U1", "down", "wrong_figure");
    log.record({
      platform: "discord",
      command: "ask",
      text: "how much electricity do data centers use",
      card: { ...answer, kind: "not_found", citations: [], score: undefined },
    });

    const json = JSON.parse(run(["--json", "--since", "1d"], cwd, { DATA_DIR: data }).stdout);
    expect(json.totals.votes).toEqual({ up: 0, down: 1 });
    expect(json.disliked).toEqual([
      expect.objectContaining({
        text: "US computing power?",
        facts: ["compute-us-2400"],
        votes: { up: 0, down: 1 },
        reasons: { wrong_figure: 1 },
      }),
    ]);
    expect(json.unanswered[0]).toMatchObject({
      count: 1,
      examples: ["how much electricity do data centers use"],
    });

    const text = run(["--since", "1d"], cwd, { DATA_DIR: data }).stdout;
    expect(text).toContain("slack: 1 questions, 1 answered, 0 not found (100% answered); 👍 0 👎 1");
    expect(text).toContain('"how much electricity do data centers use"');
    expect(text).toContain("compute-us-2400");
  });

  it("given a period it cannot read, says how to write one and exits 2", () => {
    const result = run(["--since", "soon"], tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--since must be a number and a unit/);
  });

  it("reads DATA_DIR from a .env in the working folder", () => {
    const cwd = tempDir();
    new QuestionLog(openDatabase({ dir: join(cwd, "d") }), { retentionDays: 90 }).record({
      platform: "slack",
      command: "dm",
      text: "q",
      card: answer,
    });
    spawnSync("sh", ["-c", `printf 'DATA_DIR=d\\n' > .env`], { cwd });
    expect(JSON.parse(run(["--json"], cwd).stdout).totals.questions).toBe(1);
    expect(existsSync(join(cwd, "data"))).toBe(false);
  });
});
