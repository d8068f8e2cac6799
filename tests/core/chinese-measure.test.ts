// A Chinese question for a value ("…的X是多少") names what is measured just before it: a word there the material
// does not know asks for a measure it never gives, however much else of the question it knows; and a measure
// it does know ("价格", price) is read as the measure asked, which the answer must give. On the synthetic
// orchard pack, with a sentence on pear prices so that the pack uses the word "price".
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";

const { knowledge: pack } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const lines = pack.paragraphs.get("orchard-report") ?? [];
const paragraphs = new Map(pack.paragraphs);
paragraphs.set("orchard-report", [...lines, "The price of Northland pears rose."]);
const price: Fact = {
  ...(pack.facts[0] as Fact),
  id: "pear-price",
  paragraph: lines.length + 1,
  quote: "The price of Northland pears rose",
  claim: "The price of Northland pears rose.",
  metric: "Pear price",
  figures: [],
  keywords: ["pear price"],
  topics: [],
};
// The everyday glossary is made at load from the words the pack uses: "price" is one of them now.
const knowledge = {
  ...pack,
  paragraphs,
  facts: [...pack.facts, price],
  everydayGlossary: { ...pack.everydayGlossary, 价格: "price" },
};
const core = createCore({ knowledge });
const ctx = buildContext(knowledge);
const read = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q));

describe("a Chinese question for a value", () => {
  it("with a measure the material does not know, is not answered by what it knows of the rest", () => {
    const card = core.answer({ text: "南国苹果的含糖率是多少" });
    expect(read("南国苹果的含糖率是多少").chinese).toBe(0);
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("1.4 million");
  });

  it("with a measure the material knows, reads it as the measure asked", () => {
    // As the index holds the word "price" (its stem).
    expect(read("北国梨的价格是多少").measure).toBe(ctx.tokenize("price", { words: true })[0]);
    expect(read("南国苹果的收成是多少").measure).toBeUndefined();
    const card = core.answer({ text: "南国苹果的收成是多少" });
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("1.4 million");
  });
});
