// `gapbot` with no arguments: the console, whatever tokens the environment holds — the same turn as
// the platforms, at a prompt on a terminal, or line by line on piped input.
import process from "node:process";
import { runConsole } from "../adapters/console/index.js";
import { createLogger } from "../log.js";
import { parseArgs } from "./args.js";
import { coreOf, KNOWLEDGE_FLAGS } from "./knowledge-flags.js";

export default async function consoleCommand(argv: string[] = []): Promise<number> {
  await runConsole({
    core: coreOf(parseArgs(argv, KNOWLEDGE_FLAGS)),
    input: process.stdin,
    output: process.stdout,
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    logger: createLogger({ level: process.env.LOG_LEVEL ?? "warn" }),
  });
  return 0;
}
