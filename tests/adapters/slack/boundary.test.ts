import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Renderers, limits and the manifest are loaded by `gapbot render` and by tests without Slack configured:
// they may name SDK types, never load an SDK (importing @slack/bolt costs ~0.25 s).
const PURE = [
  "blocks.ts",
  "escape.ts",
  "limits.ts",
  "manifest.ts",
  "paths.ts",
  "preview.ts",
  "render.ts",
  "render-home.ts",
  "render-sources.ts",
  "requests.ts",
  "listeners.ts",
  "bolt-logger.ts",
];

const runtimeImports = (source: string): string[] =>
  [...source.matchAll(/^\s*(import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gms)].map(
    (m) => m[2] ?? "",
  );

describe("Slack adapter boundary", () => {
  it.each(PURE)("src/adapters/slack/%s loads no platform SDK at run time", (file) => {
    const source = readFileSync(`src/adapters/slack/${file}`, "utf8");
    const sdk = runtimeImports(source).filter((m) => /^(@slack\/|discord\.js|@discordjs\/)/.test(m));
    expect(sdk).toEqual([]);
  });

  it("the checker sees a runtime SDK import when there is one", () => {
    expect(
      runtimeImports('import { App } from "@slack/bolt";\nimport type { X } from "@slack/types";'),
    ).toEqual(["@slack/bolt"]);
  });
});
