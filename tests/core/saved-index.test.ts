// The core's search indexes are saved with the knowledge snapshot at build time and loaded at start:
// used when they match the knowledge and the code, ignored otherwise, and answering exactly as a fresh build.
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { createCore } from "../../src/core/index.js";
import { defaultKnowledgeDir, readKnowledge } from "../../src/knowledge/load.js";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { readSnapshot, takeSavedIndex, writeSnapshot } from "../../src/knowledge/snapshot.js";

const fixture = new URL("../fixtures/mini-knowledge", import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), "gapbot-saved-index-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let copies = 0;
function copy(from: string): { dir: string; snapshot: string } {
  const dir = join(root, `knowledge-${++copies}`);
  cpSync(from, dir, { recursive: true, preserveTimestamps: true });
  return { dir, snapshot: join(root, `snapshot-${copies}.json`) };
}

const QUESTION = "How many TOPS does the Ascend 910B deliver?";
const lines = (file: string) =>
  readFileSync(new URL(`../fixtures/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);

/** The same knowledge with no facts: an index made from it finds none. */
const factless = (k: Knowledge): Knowledge => ({ ...k, facts: [] });

describe("the saved search index", () => {
  it("is what a core built on the snapshot searches: an index saved without the facts finds none", () => {
    const { dir, snapshot } = copy(fixture);
    const { knowledge } = readKnowledge(dir);
    const built = createCore({ knowledge }).answer({ text: QUESTION });
    expect(built.kind).toBe("answer");

    // A snapshot whose saved index was (wrongly) made without the facts: were the index rebuilt from the
    // knowledge, the answer would not change.
    writeSnapshot(dir, knowledge, snapshot, buildContext(factless(knowledge)).save());
    const loaded = readSnapshot(dir, snapshot);
    expect(loaded?.facts.length).toBe(knowledge.facts.length);
    expect(createCore({ knowledge: loaded }).answer({ text: QUESTION }).kind).not.toBe("answer");
  });

  it("is ignored once the knowledge changes, and the core builds its own", () => {
    const { dir, snapshot } = copy(fixture);
    const { knowledge } = readKnowledge(dir);
    writeSnapshot(dir, knowledge, snapshot, buildContext(factless(knowledge)).save());
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, "facts", "all.yaml"), later, later);
    expect(readSnapshot(dir, snapshot)).toBeUndefined();
    expect(createCore({ knowledgeDir: dir }).answer({ text: QUESTION }).kind).toBe("answer");
  });

  it("is ignored when the code that made it has changed, while the knowledge is still used", () => {
    const { dir, snapshot } = copy(fixture);
    const { knowledge } = readKnowledge(dir);
    writeSnapshot(dir, knowledge, snapshot, buildContext(factless(knowledge)).save());
    const json = JSON.parse(readFileSync(snapshot, "utf8")) as { index: { code: unknown[] } };
    json.index.code = [["search.js", 1, 1]];
    writeFileSync(snapshot, JSON.stringify(json));
    const loaded = readSnapshot(dir, snapshot);
    expect(loaded).toEqual(knowledge);
    expect(createCore({ knowledge: loaded }).answer({ text: QUESTION }).kind).toBe("answer");
  });

  it("is handed to one core only: knowledge narrowed or copied from the snapshot's gets a fresh index", () => {
    const { dir, snapshot } = copy(fixture);
    const { knowledge } = readKnowledge(dir);
    writeSnapshot(dir, knowledge, snapshot, buildContext(knowledge).save());
    const loaded = readSnapshot(dir, snapshot) as Knowledge;
    expect(takeSavedIndex({ ...loaded })).toBeUndefined();
    expect(takeSavedIndex(loaded)).toBeDefined();
    expect(takeSavedIndex(loaded)).toBeUndefined();
  });

  it("answers every evaluation question exactly as an index built from the YAML", () => {
    const { dir, snapshot } = copy(defaultKnowledgeDir());
    const { knowledge, problems } = readKnowledge(dir);
    expect(problems).toEqual([]);
    writeSnapshot(dir, knowledge, snapshot, buildContext(knowledge).save());
    const built = createCore({ knowledge });
    const loaded = createCore({ knowledge: readSnapshot(dir, snapshot) });
    const questions = [
      ...lines("eval-public.jsonl"),
      ...lines("eval-extra.jsonl"),
      "/chip 910B",
      "/compare Mythos DeepSeek V4 Pro",
      "/source 24",
      "what is the weather in paris?",
      "paramters of mythos",
    ];
    expect(questions.length).toBeGreaterThan(150);
    for (const q of questions) expect(loaded.answer({ text: q }), q).toEqual(built.answer({ text: q }));
    expect(loaded.complete("chip", "asc")).toEqual(built.complete("chip", "asc"));
  });
});
