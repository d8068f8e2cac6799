// A count asked ("how many…", or in Chinese "多少" with a measure word: "多少个", "多少片") is not answered by a
// sum of money spent on the things counted, nor by a share beside it: no number of things stands in them. On the
// synthetic orchard pack with a sentence on money spent added as a fact.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";
import { expectValidCard } from "../helpers/card-checks.js";

const dir = new URL("../fixtures/synthetic-pack", import.meta.url).pathname;
const { knowledge } = readKnowledge(dir);
const lines = knowledge.paragraphs.get("orchard-report") ?? [];
const sentence = "Pearfield spent 3 million crowns on new plots, 20% more than Cidermill.";
const spent: Fact = {
  id: "pearfield-plots-spend",
  source: "orchard-report",
  paragraph: lines.length + 1,
  quote: sentence,
  claim: sentence,
  metric: "Spending on new plots",
  figures: [
    { value: 3_000_000, unit: "crowns", text: "3 million crowns" },
    { value: 20, unit: "%", text: "20%" },
  ],
  side: "north",
  entities: ["pearfield"],
  subject: "pearfield",
  topics: [],
  keywords: [],
};
const paragraphs = new Map(knowledge.paragraphs);
paragraphs.set("orchard-report", [...lines, sentence]);
const pack = { ...knowledge, paragraphs, facts: [...knowledge.facts, spent] };
const core = createCore({ knowledge: pack });
const ask = (text: string) => {
  const card = core.answer({ text });
  expectValidCard(card, pack);
  return card;
};

describe("a count asked", () => {
  it("is not answered by a sum of money spent on the things", () => {
    const card = ask("How many new plots did Pearfield buy?");
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("3 million crowns");
  });

  it("while the sum asked for is still the answer", () => {
    const card = ask("How much did Pearfield spend on new plots?");
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("3 million crowns");
  });
});
