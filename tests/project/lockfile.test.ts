// The lockfile must install on a new machine: every package entry carries what npm ci needs to fetch and verify it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { incompleteLockEntries } from "../helpers/lockfile.js";

const root = join(import.meta.dirname, "..", "..");

describe("package-lock.json", () => {
  it("has a version and an integrity hash on every package entry but the root and links", () => {
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
    expect(incompleteLockEntries(lock)).toEqual([]);
  });

  it("carries no registry address: resolved stays out of the lock, as this machine's npm writes it", () => {
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
    const withResolved = Object.entries(lock.packages ?? {})
      .filter(([, entry]) => (entry as { resolved?: string }).resolved)
      .map(([path]) => path);
    expect(withResolved).toEqual([]);
  });
});

describe("incompleteLockEntries", () => {
  it("given an optional entry with no version or integrity, names it and what it lacks", () => {
    const lock = {
      packages: {
        "": { name: "app", version: "1.0.0" },
        "node_modules/a": { version: "1.0.0", integrity: "sha512-x" },
        "node_modules/vite/node_modules/napi-thing": { dev: true, optional: true },
        "node_modules/b": { version: "2.0.0" },
        "node_modules/local": { link: true, resolved: "packages/local" },
      },
    };
    expect(incompleteLockEntries(lock)).toEqual([
      "node_modules/vite/node_modules/napi-thing: no version, no integrity",
      "node_modules/b: no integrity",
    ]);
  });

  it("given a lock with no packages map, says so", () => {
    expect(incompleteLockEntries({})).toEqual([
      "package-lock.json has no packages map (lockfileVersion 3 expected)",
    ]);
  });
});
