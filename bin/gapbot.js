#!/usr/bin/env node
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsStale } from "./stale.js";

// A checkout whose sources moved since the last build is built again before it runs (when the compiler is
// installed), so `npx gapbot` never runs old code; the build's output goes to stderr, stdout stays the answer's.
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (existsSync(join(root, "node_modules", "typescript")) && buildIsStale(root)) {
  process.stderr.write("gapbot: the sources changed since the last build; building first (npm run build)…\n");
  const built = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", 2, 2] });
  if (built.status !== 0) {
    process.stderr.write("gapbot: the build failed; fix it, or run `npm run build` to see why.\n");
    process.exit(1);
  }
}
await import("../dist/src/cli/main.js");
