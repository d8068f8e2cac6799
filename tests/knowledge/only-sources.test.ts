// --source and SOURCES: the core answers from the chosen sources only, and an unknown id is named.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { onlySources, UnknownSourceError } from "../../src/knowledge/only-sources.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";

const TWO = new URL("../fixtures/two-sources", import.meta.url).pathname;
const loaded = readKnowledge(TWO);
const knowledge = loaded.knowledge;
const question = "How many TOPS does the Ascend 910B deliver?";

describe("onlySources", () => {
  it("keeps the chosen source's paragraphs and facts, the entities they name, and topics cut to the kept facts", () => {
    const later = onlySources(knowledge, ["later"]);
    expect(later.sources.map((s) => s.id)).toEqual(["later"]);
    expect([...later.paragraphs.keys()]).toEqual(["later"]);
    expect(new Set(later.facts.map((f) => f.source))).toEqual(new Set(["later"]));
    // The "later" facts name the 910B and Huawei; Nvidia, which no fact of either source names, stays; the
    // A100, Mythos and CAICT, which only "mini" names, go.
    // The two sides' entities stay too: they stand for the sides.
    expect(later.entities.map((e) => e.id).sort()).toEqual([
      "ascend-910b",
      "china",
      "huawei",
      "nvidia",
      "united-states",
    ]);
    // The fixture's one topic lists only facts of "mini": it goes.
    expect(later.topics).toEqual([]);
    const mini = onlySources(knowledge, ["mini"]);
    expect(mini.topics.map((t) => t.id)).toEqual(["compute"]);
  });

  it("leaves knowledge that still passes the check", () => {
    for (const ids of [["mini"], ["later"], ["mini", "later"]]) {
      const narrowed = onlySources(knowledge, ids);
      expect(validateKnowledge({ ...loaded, knowledge: narrowed })).toEqual([]);
    }
  });

  it("given no ids, is every source", () => {
    expect(onlySources(knowledge, [])).toBe(knowledge);
  });

  it("given an id no source has, names it and the sources there are", () => {
    expect(() => onlySources(knowledge, ["later", "nope"])).toThrow(UnknownSourceError);
    expect(() => onlySources(knowledge, ["nope"])).toThrow(/no source "nope".*mini, later/);
  });
});

describe("createCore with sources", () => {
  it("answers the same question from each source alone, citing only that source", () => {
    for (const [source, figure] of [
      ["mini", "640"],
      ["later", "600"],
    ] as const) {
      const card = createCore({ knowledge, sources: [source] }).answer({ text: question });
      expect(card.headline).toContain(figure);
      expect(card.citations.length).toBeGreaterThan(0);
      expect(card.citations.every((c) => c.source === source)).toBe(true);
    }
  });
});
