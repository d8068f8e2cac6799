// `gapbot start` (or `npm start`) as a real child process of the built CLI, as the process tests run it: this
// environment's gapbot variables removed so that only the test's settings apply, the output kept, the JSON log
// read line by line, and every process a test started killed at its end (`killLaunched` in an afterEach).
import { type ChildProcess, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { variableNames } from "../../src/config/variables.js";
import { root } from "../start/ensure-built.js";
import { type SendOptions, type SlackBody, sendToApp } from "./slack-requests.js";

export const GAPBOT_BIN = join(root, "bin/gapbot.js");
/** The small knowledge pack the process tests answer from, unless a test says otherwise. */
export const MINI_KNOWLEDGE = join(root, "tests/fixtures/mini-knowledge");

export interface LaunchOptions {
  /** The program and its arguments: the built CLI's `start` by default. */
  command?: string;
  args?: string[];
  /** Outside the repository by default, so that a developer's own .env cannot add settings. */
  cwd?: string;
  /** KNOWLEDGE_DIR: the mini pack by default; null leaves it unset (the bot's own knowledge). */
  knowledge?: string | null;
  /** Whether stdout is kept (piped) or dropped. */
  stdout?: "pipe" | "ignore";
  /** A pipe the test writes to (the console reads it), or none. */
  stdin?: "pipe" | "ignore";
}

export interface Launched {
  proc: ChildProcess;
  /** The exit code, once the process has exited. */
  exited: Promise<number | null>;
  /** The exit code, once the process has exited and its output is all read. */
  closed: Promise<number | null>;
  stdout(): string;
  stderr(): string;
  /** The JSON log lines written to stderr so far. */
  logs<T = Record<string, unknown>>(): T[];
}

/** The environment a launched bot gets: this one's, less every gapbot variable, plus the test's settings. */
export function gapbotEnv(
  settings: Record<string, string>,
  knowledge: string | null = MINI_KNOWLEDGE,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of variableNames) delete env[name];
  return { ...env, ...(knowledge === null ? {} : { KNOWLEDGE_DIR: knowledge }), ...settings };
}

const launched = new Set<number>();

/** Also kills these processes (a launched process's own children) at the test's end. */
export function killAtEnd(...pids: number[]): void {
  for (const pid of pids) launched.add(pid);
}

/** SIGKILLs every process launched since the last call that is still there. */
export function killLaunched(): void {
  for (const pid of launched) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  launched.clear();
}

export function launch(settings: Record<string, string>, options: LaunchOptions = {}): Launched {
  const proc = spawn(options.command ?? process.execPath, options.args ?? [GAPBOT_BIN, "start"], {
    cwd: options.cwd ?? tmpdir(),
    env: gapbotEnv(settings, options.knowledge),
    stdio: [options.stdin ?? "ignore", options.stdout ?? "pipe", "pipe"],
  });
  if (proc.pid) launched.add(proc.pid);
  let stdout = "";
  let stderr = "";
  proc.stdout?.on("data", (c: Buffer) => {
    stdout += c.toString("utf8");
  });
  proc.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  return {
    proc,
    exited: new Promise((resolve) => proc.on("exit", (code) => resolve(code))),
    closed: new Promise((resolve) => proc.on("close", (code) => resolve(code))),
    stdout: () => stdout,
    stderr: () => stderr,
    logs: <T>() =>
      stderr
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as T),
  };
}

/** Waits for the "gapbot started" log line and returns it; throws with the bot's stderr if it exits first. */
export async function started(bot: Launched, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  const line = await eventually(
    () =>
      bot.logs().find((l) => l.msg === "gapbot started") ?? (bot.proc.exitCode !== null && { exited: true }),
    "start-up",
    timeoutMs,
  );
  if ("exited" in line) throw new Error(`gapbot exited during start-up:\n${bot.stderr()}`);
  return line;
}

/** Polls `check` (which may be async) until it gives something truthy; fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** GET /healthz's status on 127.0.0.1:`port`, or 0 when nothing answers there. */
export async function healthz(port: number): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Sends Slack requests to the bot on `port`, signed with its signing secret. */
export function slackSender(port: number, secret: string) {
  const events = `http://127.0.0.1:${port}/slack/events`;
  return (body: SlackBody, options?: Partial<SendOptions>) => sendToApp(events, body, { secret, ...options });
}
