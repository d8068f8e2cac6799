// End to end through the built CLI: `node bin/gapbot.js start` (and `npm start`) as a child process, with piped
// stdin, real signals and real exit codes. The console adapter is the harness; no platform token is set.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { variableNames } from "../../src/config/variables.js";
import { createCore } from "../../src/core/index.js";
import { renderText } from "../../src/core/render-text.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { ensureBuilt, root } from "./ensure-built.js";

const bin = join(root, "bin/gapbot.js");
const MINI = join(root, "tests/fixtures/mini-knowledge");
// Outside the repository, so that a developer's own .env cannot change what these tests run.
const cwd = mkdtempSync(join(tmpdir(), "gapbot-cli-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const miniCore = createCore({ knowledge: readKnowledge(MINI).knowledge });
const miniText = (q: string) => renderText(miniCore.answer({ text: q }));

beforeAll(ensureBuilt, 60_000);

/** The test runner's environment without any gapbot setting, plus the given ones. */
function envWith(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of variableNames) delete env[name];
  return { ...env, ...settings };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From spawn to the first byte on stdout: start-up plus the first answer. */
  firstOutputMs?: number;
  totalMs: number;
}

function start(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): { child: ChildProcess; done: Promise<Run>; stdout: () => string } {
  const began = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd ?? cwd,
    env: envWith(options.env ?? {}),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let firstOutputMs: number | undefined;
  child.stdout?.on("data", (chunk: Buffer) => {
    firstOutputMs ??= performance.now() - began;
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const done = new Promise<Run>((resolve) => {
    child.on("close", (code, signal) =>
      resolve({ code, signal, stdout, stderr, firstOutputMs, totalMs: performance.now() - began }),
    );
  });
  return { child, done, stdout: () => stdout };
}

function gapbot(args: string[], input: string, env: Record<string, string> = {}): Promise<Run> {
  const run = start(process.execPath, [bin, ...args], { env });
  run.child.stdin?.end(input);
  return run.done;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

// WAITING ON the curated knowledge (knowledge/facts/), which lands in main from the knowledge branch; until then
// the shipped knowledge does not load, and these two tests are skipped. Every other test uses the small fixture.
const shippedKnowledge = existsSync(join(root, "knowledge/facts"));

/** The README's example: the command line, then its exact output. */
function readmeExample(): { command: string; output: string } {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const block = /<!-- example-answer[^>]*-->\s*```text\n\$ (.*)\n([\s\S]*?)```/.exec(readme);
  return { command: block?.[1] ?? "", output: block?.[2] ?? "" };
}

describe("gapbot start, piped", () => {
  it.skipIf(!shippedKnowledge)(
    "given '/gap compute' on stdin and the shipped knowledge, prints the answer with 2400 and 1053 and exits 0",
    async () => {
      const run = await gapbot(["start"], "/gap compute\n");
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("2400");
      expect(run.stdout).toContain("1053");
      expect(run.stdout).toMatch(/computed/);
    },
  );

  it.skipIf(!shippedKnowledge)(
    "prints the README's example answer exactly as the README shows it",
    async () => {
      const example = readmeExample();
      expect(example.command).toBe("printf '/gap compute\\n' | npm start --silent");
      const run = await gapbot(["start"], "/gap compute\n");
      // On a mismatch, paste this run's output into README.md between the example-answer markers.
      expect(run.stdout).toBe(example.output);
    },
  );

  it("answers each line exactly as the core renders it, and exits 0 at the end of input", async () => {
    const run = await gapbot(["start"], "/gap compute\n\n/chip 910B\nwho won the 1998 world cup?\n", {
      KNOWLEDGE_DIR: MINI,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `${[miniText("/gap compute"), miniText("/chip 910B"), miniText("who won the 1998 world cup?")].join("\n\n")}\n`,
    );
  });

  it("starts and answers the first question quickly, importing no platform SDK", async () => {
    const runs: Run[] = [];
    for (let i = 0; i < 3; i++) runs.push(await gapbot(["start"], "/gap compute\n", { KNOWLEDGE_DIR: MINI }));
    const fastest = Math.min(...runs.map((r) => r.firstOutputMs ?? Number.POSITIVE_INFINITY));
    // About 0.4 s over this fixture on an idle machine; the bound leaves room for a busy CI runner.
    expect(fastest).toBeLessThan(2_000);
    expect(runs.every((r) => r.code === 0)).toBe(true);
  });

  it("given bad settings, prints one line per problem on stderr, nothing on stdout, no stack, and exits 1", async () => {
    const run = await gapbot(["start"], "/gap compute\n", { SLACK_APP_TOKEN: "xapp-secret-42", PORT: "-3" });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines.map((l) => l.split(" ")[1])).toEqual(["SLACK_APP_TOKEN", "PORT", "fix"]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain("secret-42");
  });

  it("given --help, prints the usage and exits 0; given a stray argument, exits 2", async () => {
    const help = await gapbot(["start", "--help"], "");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: gapbot start");
    const stray = await gapbot(["start", "now"], "");
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('unexpected "now"');
  });
});

describe("gapbot start, signals", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "given %s while waiting for more input, exits 0 promptly",
    async (signal) => {
      const run = start(process.execPath, [bin, "start"], { env: { KNOWLEDGE_DIR: MINI } });
      run.child.stdin?.write("/gap compute\n");
      // Once the first answer is out, the console is running and waiting on the still-open stdin.
      await until(() => run.stdout().includes("1053"));
      const sent = performance.now();
      run.child.kill(signal);
      const result = await run.done;
      expect(result.signal).toBeNull();
      expect(result.code).toBe(0);
      expect(performance.now() - sent).toBeLessThan(1_500);
    },
  );
});

describe("npm start", () => {
  // npm runs the script in the package root, where a developer's .env would apply: skip rather than use it.
  it.skipIf(existsSync(join(root, ".env")))(
    "given '/gap compute' piped in, prints the answer and exits 0",
    async () => {
      const npm = process.platform === "win32" ? "npm.cmd" : "npm";
      const run = start(npm, ["start", "--silent"], { env: { KNOWLEDGE_DIR: MINI }, cwd: root });
      run.child.stdin?.end("/gap compute\n");
      const result = await run.done;
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${miniText("/gap compute")}\n`);
    },
  );
});

describe("platform SDKs", () => {
  it("are not imported by a start-up without tokens (the console); importing one is detected", () => {
    const script = `
      import { createRequire } from "node:module";
      import { Readable, PassThrough } from "node:stream";
      const { startBot } = await import(${JSON.stringify(join(root, "dist/src/start.js"))});
      const code = await startBot({ KNOWLEDGE_DIR: ${JSON.stringify(MINI)} }, {
        stdin: Readable.from(["/gap compute\\n"]), stdout: new PassThrough(), cwd: ${JSON.stringify(cwd)},
      });
      const require = createRequire(import.meta.url);
      const sdk = () => Object.keys(require.cache).filter((p) => /@slack[\\\\/]bolt|discord\\.js/.test(p)).length;
      const before = sdk();
      await import("discord.js");
      console.log(JSON.stringify({ code, before, after: sdk() }));
    `;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      env: envWith({}),
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    const { code, before, after } = JSON.parse(result.stdout);
    expect(code).toBe(0);
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(0);
  });
});
