// The one way the bot and the CLI load knowledge: the build's snapshot when it matches the files on disk
// (written only for knowledge that passed the check), else the YAML, fully checked. Knowledge that fails
// the check is never served: KnowledgeError names every problem, as `npm run knowledge:check` does.
import { resolve } from "node:path";
import { defaultKnowledgeDir, KnowledgeError, readKnowledge } from "./load.js";
import type { Knowledge } from "./schema.js";
import { readSnapshot } from "./snapshot.js";
import { validateKnowledge } from "./validate.js";

/** KNOWLEDGE_DIR, or `--knowledge DIR` over it, relative to `cwd`; the package's knowledge/ by default. */
export function knowledgeDirFrom(
  flag: string | undefined,
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): string {
  const chosen = (flag ?? "").trim() || (env.KNOWLEDGE_DIR ?? "").trim();
  return chosen ? resolve(cwd, chosen) : defaultKnowledgeDir();
}

export function loadCheckedKnowledge(dir: string = defaultKnowledgeDir()): Knowledge {
  const snapshot = readSnapshot(dir);
  if (snapshot) return snapshot;
  const loaded = readKnowledge(dir);
  const problems = validateKnowledge(loaded);
  if (problems.length > 0) throw new KnowledgeError(problems, dir);
  return loaded.knowledge;
}
