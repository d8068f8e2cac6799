// The flags every answering command shares: --knowledge DIR (over KNOWLEDGE_DIR) and --source ID,
// repeatable, to answer from some sources only.
import { createCore } from "../core/index.js";
import { knowledgeDirFrom } from "../knowledge/load-checked.js";
import type { Parsed } from "./args.js";

export const KNOWLEDGE_FLAGS = ["knowledge", "source"] as const;

/** The knowledge folder the flags and the environment name. */
export function knowledgeDirOf(parsed: Parsed): string {
  const flag = parsed.flags.get("knowledge");
  return knowledgeDirFrom(typeof flag === "string" ? flag : undefined);
}

/** `--source a --source b` and `--source a,b` alike. */
export function sourcesOf(parsed: Parsed): string[] {
  return (parsed.all.get("source") ?? []).flatMap((s) =>
    s
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean),
  );
}

/** The core over the knowledge the flags choose; throws (KnowledgeError) on knowledge that fails the check. */
export function coreOf(parsed: Parsed) {
  return createCore({ knowledgeDir: knowledgeDirOf(parsed), sources: sourcesOf(parsed) });
}
