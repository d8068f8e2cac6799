import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../src/start.js";
import { launch } from "../helpers/gapbot-process.js";
import { sink } from "../helpers/sink.js";
import { ensureBuilt, root } from "./ensure-built.js";

const TWO = join(root, "tests/fixtures/two-sources");
const work = mkdtempSync(join(tmpdir(), "gapbot-reload-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(ensureBuilt, 60_000);

function copyOfTwo(): string {
  const dir = mkdtempSync(join(work, "k-"));
  cpSync(TWO, dir, { recursive: true });
  return dir;
}

/** Rewrites one file of a knowledge copy. */
function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, "utf8")));
}

/** startBot in the console over `input`, with the given settings. */
async function consoleRun(env: Record<string, string>, input: string) {
  const stdin = new PassThrough();
  const stdout = sink();
  const stderr = sink();
  stdin.end(input);
  const code = await startBot(env, { cwd: work, stdin, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const QUESTION = "How many TOPS does the Ascend 910B deliver?";

describe("start-up check", () => {
  it("given a tampered quote in KNOWLEDGE_DIR, refuses to start and names each problem, one per line", async () => {
    const dir = copyOfTwo();
    edit(dir, "facts/later.yaml", (t) => t.replace('reaching 600 TOPS (INT8)"', 'reaching 650 TOPS (INT8)"'));
    const run = await consoleRun({ KNOWLEDGE_DIR: dir }, `${QUESTION}\n`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^gapbot: the knowledge in .* fails the check .* 2 problem\(s\):$/);
    expect(lines).toContain(
      'gapbot:   facts/later.yaml › ascend-910b-tops-later › quote: not verbatim in later ¶2: "Our tests show the Ascend 910B reaching 650 TOPS (INT8)"',
    );
    expect(lines.some((l) => l.includes("ascend-910b-tops-later › figures.0.text"))).toBe(true);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it("given SOURCES, answers from those sources only", async () => {
    const later = await consoleRun({ KNOWLEDGE_DIR: TWO, SOURCES: "later" }, `${QUESTION}\n`);
    expect(later.code).toBe(0);
    expect(later.stdout).toContain("600 TOPS");
    expect(later.stdout).not.toContain("640");
    const mini = await consoleRun({ KNOWLEDGE_DIR: TWO, SOURCES: " mini " }, `${QUESTION}\n`);
    expect(mini.stdout).toContain("640 TOPS");
  });

  it("given SOURCES naming a source the knowledge lacks, refuses to start and names the sources there are", async () => {
    const run = await consoleRun({ KNOWLEDGE_DIR: TWO, SOURCES: "mini,nope" }, `${QUESTION}\n`);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('gapbot: no source "nope" in the knowledge; its sources are mini, later\n');
  });
});

/** `gapbot start` as a real child process on a pipe kept open, so that it runs until told otherwise. */
function startChild(dir: string) {
  const bot = launch({ LOG_LEVEL: "info" }, { knowledge: dir, cwd: work, stdin: "pipe" });
  return { child: bot.proc, exited: bot.closed, stdout: bot.stdout, stderr: bot.stderr };
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("SIGHUP", () => {
  it.skipIf(process.platform === "win32")(
    "reloads the knowledge in a running process, and keeps the old knowledge when the new one fails the check",
    async () => {
      const dir = copyOfTwo();
      const bot = startChild(dir);
      const count = (s: string, part: string) => s.split(part).length - 1;
      try {
        // 1. Serving the knowledge as it was at start.
        bot.child.stdin?.write("/source later:2\n");
        await until(() => bot.stdout().includes("600 TOPS"), "the first answer");

        // 2. The source and its fact change on disk; SIGHUP loads them.
        edit(dir, "sources/later.txt", (t) => t.replace("600 TOPS", "700 TOPS"));
        edit(dir, "facts/later.yaml", (t) =>
          t
            .replace("reaching 600 TOPS", "reaching 700 TOPS")
            .replace("600 TOPS (INT8).", "700 TOPS (INT8).")
            .replace("value: 600", "value: 700")
            .replace('text: "600"', 'text: "700"'),
        );
        bot.child.kill("SIGHUP");
        await until(() => bot.stderr().includes("knowledge reloaded"), "the reload");
        bot.child.stdin?.write("/source later:2\n");
        await until(() => bot.stdout().includes("700 TOPS"), "the reloaded answer");

        // 3. A tampered quote: the reload fails, is logged with the problem, and the bot still serves 700.
        edit(dir, "facts/later.yaml", (t) => t.replace("reaching 700 TOPS", "reaching 900 TOPS"));
        bot.child.kill("SIGHUP");
        await until(() => bot.stderr().includes("knowledge reload failed"), "the failed reload");
        expect(bot.stderr()).toContain("ascend-910b-tops-later › quote: not verbatim");
        const before = count(bot.stdout(), "700 TOPS");
        bot.child.stdin?.write(`${QUESTION}\n`);
        await until(() => count(bot.stdout(), "700 TOPS") > before, "an answer after the failed reload");
        expect(bot.stdout()).not.toContain("900");
        expect(bot.child.exitCode).toBeNull();
      } finally {
        bot.child.stdin?.end();
      }
      expect(await bot.exited).toBe(0);
    },
    30_000,
  );
});
