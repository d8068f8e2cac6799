// The core's search indexes are saved with the knowledge snapshot at build time and loaded at start:
// used when they match the knowledge and the code, ignored otherwise, and answering exactly as a fresh build.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildContext, indexBuilds } from "../../src/core/context.js";
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
  return { dir, snapshot: join(root, `snapshot-${copies}.snap`) };
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

  it("is kept while only the files' times change, and ignored once their content changes", () => {
    const { dir, snapshot } = copy(fixture);
    const { knowledge } = readKnowledge(dir);
    writeSnapshot(dir, knowledge, snapshot, buildContext(factless(knowledge)).save());
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, "facts", "all.yaml"), later, later);
    expect(readSnapshot(dir, snapshot)).toBeDefined();
    appendFileSync(join(dir, "facts", "all.yaml"), "\n");
    expect(readSnapshot(dir, snapshot)).toBeUndefined();
    expect(createCore({ knowledgeDir: dir }).answer({ text: QUESTION }).kind).toBe("answer");
  });

  it("is ignored under another key (other code made it, or other knowledge), and the YAML is read", () => {
    const { dir, snapshot } = copy(fixture);
    const { knowledge } = readKnowledge(dir);
    writeSnapshot(dir, knowledge, snapshot, buildContext(factless(knowledge)).save(), "made-by-other-code");
    expect(readSnapshot(dir, snapshot)).toBeUndefined();
    expect(readSnapshot(dir, snapshot, "made-by-other-code")).toEqual(knowledge);
    expect(createCore({ knowledgeDir: dir }).answer({ text: QUESTION }).kind).toBe("answer");
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

  it("narrowed to each source, filters the whole's saved index and answers exactly as a core built for it", () => {
    const { dir, snapshot } = copy(defaultKnowledgeDir());
    const { knowledge } = readKnowledge(dir);
    writeSnapshot(dir, knowledge, snapshot, buildContext(knowledge).save());
    const loaded = readSnapshot(dir, snapshot) as Knowledge;
    const questions = [
      ...lines("eval-public.jsonl"),
      ...lines("eval-extra.jsonl"),
      "/chip 910C",
      "How many HBM stacks has China stockpiled?",
      "中国囤积了多少HBM库存?",
      "华为昇腾芯片的产量",
      "/gap chips",
    ];
    for (const source of knowledge.sources.map((s) => s.id)) {
      const builds = { ...indexBuilds };
      const narrowed = createCore({ knowledge: loaded, sources: [source] });
      // The whole's index loaded once, then filtered: nothing tokenized again but what narrowing changes.
      expect(indexBuilds.narrowed - builds.narrowed, source).toBe(1);
      expect(indexBuilds.built - builds.built, source).toBe(0);
      const alone = createCore({ knowledge, sources: [source] });
      expect(indexBuilds.built - builds.built, source).toBe(1);
      for (const q of questions)
        expect(narrowed.answer({ text: q }), `${source}: ${q}`).toEqual(alone.answer({ text: q }));
    }
  });
});
