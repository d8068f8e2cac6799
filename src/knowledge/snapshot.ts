// A snapshot of the parsed knowledge, written at build time, so that start-up reads one JSON file
// instead of parsing YAML (the largest part of start-up). It carries a fingerprint of every file
// under knowledge/ (path, size, mtime): any edit, addition or removal makes it stale, and the loader
// then reads the YAML as before. A stale or missing snapshot is never wrong, only slower.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Knowledge } from "./schema.js";

/** dist/knowledge.json, beside the built code. */
export function defaultSnapshotPath(): string {
  // This file is dist/src/knowledge/snapshot.js when built.
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "knowledge.json");
}

type Fingerprint = [path: string, size: number, mtimeMs: number][];

function fingerprint(dir: string): Fingerprint {
  const out: Fingerprint = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else out.push([relative(dir, path), st.size, Math.round(st.mtimeMs)]);
    }
  };
  walk(dir);
  return out;
}

interface Snapshot {
  fingerprint: Fingerprint;
  knowledge: Omit<Knowledge, "paragraphs"> & { paragraphs: [string, string[]][] };
}

export function writeSnapshot(dir: string, knowledge: Knowledge, path = defaultSnapshotPath()): void {
  const snapshot: Snapshot = {
    fingerprint: fingerprint(dir),
    knowledge: { ...knowledge, paragraphs: [...knowledge.paragraphs] },
  };
  writeFileSync(path, JSON.stringify(snapshot));
}

/** The snapshot's knowledge when it matches `dir` file for file; undefined otherwise. */
export function readSnapshot(dir: string, path = defaultSnapshotPath()): Knowledge | undefined {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(path, "utf8")) as Snapshot;
  } catch {
    return undefined;
  }
  const now = fingerprint(dir);
  if (JSON.stringify(now) !== JSON.stringify(snapshot.fingerprint)) return undefined;
  return { ...snapshot.knowledge, paragraphs: new Map(snapshot.knowledge.paragraphs) };
}
