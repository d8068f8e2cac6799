// The core, the knowledge code, the commands and the renderers import no platform SDK: a platform
// change can never reach the answers, and the CLI never pays for an SDK it does not use.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const PLATFORM =
  /from\s+["'](@slack\/[^"']+|discord\.js|@discordjs\/[^"']+|ws)["']|import\(\s*["'](@slack\/[^"']+|discord\.js|@discordjs\/[^"']+)["']\s*\)/;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (name.endsWith(".ts")) out.push(path);
  }
  return out;
}

/** Lines that import an SDK for real; `import type` is erased at build time and costs nothing. */
function platformImports(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(
      (line) => PLATFORM.test(line) && !/^\s*import\s+type\b/.test(line) && !/^\s*export\s+type\b/.test(line),
    );
}

describe("platform boundary", () => {
  const pure = [
    ...sources(join(root, "src", "core")),
    ...sources(join(root, "src", "knowledge")),
    ...sources(join(root, "commands")),
    ...sources(join(root, "src", "adapters")).filter((f) =>
      /render|limits|escape|manifest|commands-payload/.test(f),
    ),
  ];

  it("finds the files it guards", () => {
    expect(pure.length).toBeGreaterThan(10);
  });

  it.each(pure.map((f) => [relative(root, f), f]))("%s imports no platform SDK", (_name, file) => {
    expect(platformImports(file as string)).toEqual([]);
  });

  it("would catch a platform import if one appeared", () => {
    const line = 'import { App } from "@slack/bolt";';
    expect(PLATFORM.test(line)).toBe(true);
    expect(PLATFORM.test('import { Client } from "discord.js";')).toBe(true);
  });
});
