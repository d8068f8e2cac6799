// Whether the compiled program in dist/ is older than its TypeScript sources: a checkout that moved (a pull or a
// merge) after the last build would otherwise run yesterday's code against today's knowledge, and refuse it.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The newest modification time (ms) of any file under `dir`, or 0 when there is none. */
function newestUnder(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    const time = e.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/**
 * True when `root` has sources (src/) newer than its build's entry point (dist/src/cli/main.js). A package
 * installed without its sources, as in the Docker image, is never stale.
 */
export function buildIsStale(root) {
  let built;
  try {
    built = statSync(join(root, "dist", "src", "cli", "main.js")).mtimeMs;
  } catch {
    return newestUnder(join(root, "src")) > 0;
  }
  return newestUnder(join(root, "src")) > built;
}
