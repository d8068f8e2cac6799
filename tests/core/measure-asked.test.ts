// A measure asked for by its name ("what is the population of A", "what is A's capex") asks for a figure of
// that measure: a sentence that only uses the word answers nothing. And a figure asked of a country alone
// is not one of its companies' figures, even where the material states that figure in words. On the
// synthetic orchard pack, extended with two facts on Southland's pickers.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const base = knowledge.facts.find((f) => f.id === "southland-apples") as Fact;
const inWords: Fact = {
  ...base,
  id: "southland-pickers-moved",
  quote: "the population of pickers in Southland moved to the cities",
  claim: "The population of pickers in Southland moved to the cities.",
  metric: "Description",
  figures: [],
  keywords: ["population", "pickers"],
  topics: [],
};
const withFigure: Fact = {
  ...inWords,
  id: "southland-pickers-count",
  quote: "Southland's pickers number 40,000",
  claim: "Southland's pickers number 40,000.",
  metric: "Population of pickers",
  figures: [{ value: 40000, unit: "pickers", text: "40,000" }],
};
const ask = (facts: Fact[], text: string) =>
  createCore({ knowledge: { ...knowledge, facts: [...knowledge.facts, ...facts] } }).answer({ text });

describe("a measure asked for by name", () => {
  it("is not answered by a fact that only uses the word, with no figure", () => {
    for (const q of ["What is the population of Southland?", "What is Southland's population?"]) {
      const card = ask([inWords], q);
      expect(card.kind, q).toBe("not_found");
    }
  });

  it("is answered by a fact giving a figure of it", () => {
    const card = ask([inWords, withFigure], "What is the population of Southland?");
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("40,000");
  });
});

describe("a figure asked of a country alone", () => {
  it("is not a company's value, though the material states that value in words", () => {
    const card = ask([], "How much is Northland worth?");
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("Applewood");
  });
});

describe("a measure asked for by name, which only the fact's topic uses", () => {
  // The topic a fact is filed under speaks of its neighbours' measures too ("efficiency"): the fact's own words
  // must name the measure for its figure to be that measure.
  const topics = knowledge.topics.map((t) =>
    t.id === "harvest" ? { ...t, keywords: [...t.keywords, "efficiency"] } : t,
  );
  const filed: Fact = { ...withFigure, topics: ["harvest"] };
  const core = createCore({ knowledge: { ...knowledge, topics, facts: [...knowledge.facts, filed] } });

  it("is not answered by the fact's figure of something else", () => {
    const card = core.answer({ text: "What efficiency are Southland's pickers getting?" });
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("40,000");
  });

  it("is answered by the same fact once its own words name the measure", () => {
    const own: Fact = {
      ...filed,
      metric: "Efficiency of pickers",
      keywords: [...filed.keywords, "efficiency"],
    };
    const named = createCore({ knowledge: { ...knowledge, topics, facts: [...knowledge.facts, own] } });
    const card = named.answer({ text: "What efficiency are Southland's pickers getting?" });
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("40,000");
  });
});
