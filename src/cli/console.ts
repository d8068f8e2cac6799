// `gapbot` with no arguments: the console, whatever tokens the environment holds — the same turn as
// the platforms, at a prompt on a terminal, or line by line on piped input.
import process from "node:process";
import { runConsole } from "../adapters/console/index.js";
import { createCore } from "../core/index.js";
import { createLogger } from "../log.js";

export default async function consoleCommand(): Promise<number> {
  await runConsole({
    core: createCore(),
    input: process.stdin,
    output: process.stdout,
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    logger: createLogger({ level: process.env.LOG_LEVEL ?? "warn" }),
  });
  return 0;
}
