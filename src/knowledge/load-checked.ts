// The one way the bot and the CLI load knowledge: the build's snapshot when it matches the files on disk
// (written only for knowledge that passed the check), else the YAML, fully checked. Knowledge that fails
// the check is never served: KnowledgeError names every problem, as `npm run knowledge:check` does.
import { resolve } from "node:path";
import { buildContext, rememberContext } from "../core/context.js";
import { defaultKnowledgeDir, KnowledgeError, readKnowledge } from "./load.js";
import type { Knowledge } from "./schema.js";
import {
  cacheDir,
  cachedSnapshotPath,
  defaultSnapshotPath,
  knowledgeKey,
  pruneCache,
  readSnapshot,
  writeSnapshot,
} from "./snapshot.js";
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

/** How each load went: from a snapshot (the build's, or the cache's), or from the YAML. */
export const knowledgeLoads = { snapshot: 0, yaml: 0, cached: 0 };

/**
 * The knowledge in `dir`: from a snapshot made of exactly this content (the build's, or one cached by an
 * earlier start), else from the YAML, checked. Knowledge read from the YAML has its indexes made at once,
 * saved in the cache for the next start (best effort: a cache that cannot be written is only slower), and
 * kept for the core built on it.
 */
export function loadCheckedKnowledge(
  dir: string = defaultKnowledgeDir(),
  env: Record<string, string | undefined> = process.env,
): Knowledge {
  const key = knowledgeKey(dir);
  const cached = cachedSnapshotPath(key, env);
  for (const path of [defaultSnapshotPath(), cached]) {
    const snapshot = readSnapshot(dir, path, key);
    if (snapshot) {
      knowledgeLoads.snapshot++;
      return snapshot;
    }
  }
  const loaded = readKnowledge(dir);
  const problems = validateKnowledge(loaded);
  if (problems.length > 0) throw new KnowledgeError(problems, dir);
  knowledgeLoads.yaml++;
  const { knowledge } = loaded;
  const ctx = buildContext(knowledge);
  rememberContext(knowledge, ctx);
  try {
    writeSnapshot(dir, knowledge, cached, ctx.save(), key);
    knowledgeLoads.cached++;
    pruneCache(cacheDir(env));
  } catch {
    // Read-only or full: the next start reads the YAML again.
  }
  return knowledge;
}
