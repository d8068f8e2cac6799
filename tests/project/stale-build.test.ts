// bin/gapbot.js builds again before running when the sources are newer than the build, so a checkout that
// moved since its last build never runs old code against new knowledge.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain-JavaScript module of the bin folder, with no type declarations
import { buildIsStale } from "../../bin/stale.js";

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A package root with one source file deep in src/ and a built entry point, each at the given time (s). */
function packageAt(source: number | undefined, built: number | undefined): string {
  const root = mkdtempSync(join(tmpdir(), "gapbot-stale-"));
  roots.push(root);
  if (source !== undefined) {
    mkdirSync(join(root, "src", "core", "frames"), { recursive: true });
    const file = join(root, "src", "core", "frames", "compare.ts");
    writeFileSync(file, "export {};\n");
    utimesSync(file, source, source);
  }
  if (built !== undefined) {
    mkdirSync(join(root, "dist", "src", "cli"), { recursive: true });
    const file = join(root, "dist", "src", "cli", "main.js");
    writeFileSync(file, "export {};\n");
    utimesSync(file, built, built);
  }
  return root;
}

describe("buildIsStale", () => {
  it("is true when a source file, however deep, is newer than the build", () => {
    expect(buildIsStale(packageAt(2_000_000, 1_000_000))).toBe(true);
  });

  it("is false when the build is newer than every source", () => {
    expect(buildIsStale(packageAt(1_000_000, 2_000_000))).toBe(false);
  });

  it("is true when there are sources and no build yet", () => {
    expect(buildIsStale(packageAt(1_000_000, undefined))).toBe(true);
  });

  it("is false for a package installed without its sources, as in the Docker image", () => {
    expect(buildIsStale(packageAt(undefined, 1_000_000))).toBe(false);
  });
});
