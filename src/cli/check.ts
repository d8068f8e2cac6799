// gapbot check [--knowledge DIR]: the knowledge check of `npm run knowledge:check`, on the folder the flag or
// KNOWLEDGE_DIR names.
import process from "node:process";
import { runCheck } from "../knowledge/check.js";
import { parseArgs } from "./args.js";
import { KNOWLEDGE_FLAGS, knowledgeDirOf } from "./knowledge-flags.js";

export default async function check(argv: string[]): Promise<number> {
  return runCheck(knowledgeDirOf(parseArgs(argv, KNOWLEDGE_FLAGS)), (line) =>
    process.stdout.write(`${line}\n`),
  );
}
