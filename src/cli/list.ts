// gapbot facts|entities|topics [--json] [--knowledge DIR]: the knowledge as the core sees it.
import process from "node:process";
import { readKnowledge } from "../knowledge/load.js";
import { parseArgs } from "./args.js";
import { KNOWLEDGE_FLAGS, knowledgeDirOf } from "./knowledge-flags.js";

export function list(what: "facts" | "entities" | "topics") {
  return async (argv: string[]): Promise<number> => {
    const parsed = parseArgs(argv, KNOWLEDGE_FLAGS);
    const { flags } = parsed;
    const { knowledge } = readKnowledge(knowledgeDirOf(parsed));
    const items: { id: string }[] = knowledge[what];
    if (flags.has("json")) {
      process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
      return 0;
    }
    for (const item of knowledge[what]) {
      const line =
        "claim" in item
          ? `${item.id}  ¶${item.paragraph}  ${item.claim}`
          : "kind" in item
            ? `${item.id}  ${item.kind}  ${item.name}${item.aliases.length ? `  (${item.aliases.join(", ")})` : ""}`
            : `${item.id}  ${item.title}: ${item.summary}`;
      process.stdout.write(`${line}\n`);
    }
    return 0;
  };
}
