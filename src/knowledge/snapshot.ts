// A snapshot of the parsed knowledge, written at build time, so that start-up reads one JSON file
// instead of parsing YAML (the largest part of start-up). It carries a fingerprint of every file
// under knowledge/ (path, size, mtime): any edit, addition or removal makes it stale, and the loader
// then reads the YAML as before. A stale or missing snapshot is never wrong, only slower.
//
// Beside the knowledge it may carry the core's search indexes made from it (MiniSearch's toJSON), so that
// a start loads them rather than tokenizing every fact again. Those depend on the code that made them
// too, so they carry a fingerprint of the core's code as well and are ignored when it changed.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Knowledge } from "./schema.js";

const here = dirname(fileURLToPath(import.meta.url));

/** dist/knowledge.json, beside the built code. */
export function defaultSnapshotPath(): string {
  // This file is dist/src/knowledge/snapshot.js when built.
  return join(here, "..", "..", "knowledge.json");
}

/** The core's code (src/core, built: dist/src/core), which makes the indexes. */
const CODE_DIR = join(here, "..", "core");

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

const same = (a: Fingerprint, b: Fingerprint) => JSON.stringify(a) === JSON.stringify(b);

interface Snapshot {
  fingerprint: Fingerprint;
  knowledge: Omit<Knowledge, "paragraphs"> & { paragraphs: [string, string[]][] };
  index?: { code: Fingerprint; data: unknown };
}

/** `index`: the core's saved indexes for this knowledge, made by the code in CODE_DIR as it is now. */
export function writeSnapshot(
  dir: string,
  knowledge: Knowledge,
  path = defaultSnapshotPath(),
  index?: unknown,
): void {
  const snapshot: Snapshot = {
    fingerprint: fingerprint(dir),
    knowledge: { ...knowledge, paragraphs: [...knowledge.paragraphs] },
    ...(index === undefined ? {} : { index: { code: fingerprint(CODE_DIR), data: index } }),
  };
  writeFileSync(path, JSON.stringify(snapshot));
}

/**
 * Saved indexes by the knowledge object read with them: the knowledge passes through other hands
 * (narrowed to some sources, reloaded) before a core is built on it, and only the very object read
 * from the snapshot may use them. A narrowed or re-read knowledge is another object, and gets none.
 */
const savedIndexes = new WeakMap<Knowledge, unknown>();

/** The snapshot's knowledge when it matches `dir` file for file; undefined otherwise. */
export function readSnapshot(dir: string, path = defaultSnapshotPath()): Knowledge | undefined {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(path, "utf8")) as Snapshot;
  } catch {
    return undefined;
  }
  if (!same(fingerprint(dir), snapshot.fingerprint)) return undefined;
  const knowledge = { ...snapshot.knowledge, paragraphs: new Map(snapshot.knowledge.paragraphs) };
  if (snapshot.index && same(fingerprint(CODE_DIR), snapshot.index.code))
    savedIndexes.set(knowledge, snapshot.index.data);
  return knowledge;
}

/**
 * The indexes saved with this knowledge object by readSnapshot, handed out once: the core loads them
 * into its own structures, and the plain copy is then let go rather than held for the process's life.
 */
export function takeSavedIndex(knowledge: Knowledge): unknown {
  const data = savedIndexes.get(knowledge);
  savedIndexes.delete(knowledge);
  return data;
}
