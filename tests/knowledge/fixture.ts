// Copies of the small valid knowledge fixture, each broken in one way by a test, in a temp dir.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import type { Problem } from "../../src/knowledge/load.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";

export const FIXTURE = fileURLToPath(new URL("../fixtures/knowledge-small", import.meta.url));

export type Doc = Record<string, unknown>;

const copies: string[] = [];

/** A fresh copy of the fixture; removeCopies() deletes every one made. */
export function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "gapbot-knowledge-"));
  cpSync(FIXTURE, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

export function removeCopies(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Parses `file` in `dir`, lets `edit` change it, and writes it back. */
export function editYaml(dir: string, file: string, edit: (doc: Doc) => void): void {
  const path = join(dir, file);
  const doc = parse(readFileSync(path, "utf8")) as Doc;
  edit(doc);
  writeFileSync(path, stringify(doc));
}

/** The entry with `id` in the list `key` of a parsed file. */
export function entry<T = Doc>(doc: Doc, key: string, id: string): T {
  const found = (doc[key] as { id: string }[]).find((x) => x.id === id);
  if (!found) throw new Error(`test setup: no ${key} entry "${id}"`);
  return found as T;
}

/** A copy of the fixture with one edit applied, and the problems the validator finds in it. */
export function problemsAfter(file: string, edit: (doc: Doc) => void): Problem[] {
  const dir = copyFixture();
  editYaml(dir, file, edit);
  return validateKnowledge(readKnowledge(dir));
}
