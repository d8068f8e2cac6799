// A name the material writes without an entry of its own (a brand the draft did not make an entity) is what a
// question naming it asks about: only words that write it answer, or words naming nothing else whose paragraph
// writes it. Synthetic orchard pack with made-up paragraphs and one fact; no article's words.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { materialNames } from "../../src/core/frames/unnamed.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact, Knowledge } from "../../src/knowledge/schema.js";
import { expectValidCard } from "../helpers/card-checks.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const lines = knowledge.paragraphs.get("orchard-report") ?? [];
const juice = lines.length + 1;

/** The pack with Cidermill's juice (a paragraph and its fact) and a paragraph on the newcomer Quince. */
function packWith(quince: string): Knowledge {
  const paragraphs = new Map(knowledge.paragraphs);
  paragraphs.set("orchard-report", [...lines, "Cidermill sold 4,000 crates of juice last season.", quince]);
  const fact: Fact = {
    ...(knowledge.facts.find((f) => f.id === "applewood-packing-line") as Fact),
    id: "cidermill-juice",
    paragraph: juice,
    quote: "Cidermill sold 4,000 crates of juice last season",
    claim: "Cidermill sold 4,000 crates of juice last season.",
    metric: "Juice sales",
    figures: [{ value: 4000, unit: "crates", text: "4,000" }],
    entities: ["cidermill"],
    subject: "cidermill",
    keywords: ["juice", "sold", "sales"],
    note: undefined,
  };
  return { ...knowledge, paragraphs, facts: [...knowledge.facts, fact] };
}

const question = "How much juice did Quince sell last season?";

describe("a name the material writes without an entry", () => {
  it("is a word written capitalised inside sentences and never in lower case", () => {
    const ctx = buildContext(packWith("The newcomer Quince presses its juice in the Eastvale hills."));
    const names = materialNames(ctx);
    expect(names.has("quince")).toBe(true);
    expect(names.has("eastvale")).toBe(true);
    // "The" opens a sentence, and "juice" is written in lower case.
    expect(names.has("the")).toBe(false);
    expect(names.has("juice")).toBe(false);
    expect(readQuestion(ctx, question, ctx.finder.mentions(question)).unnamed).toEqual(
      ctx.tokenize("Quince", { words: true }),
    );
    // Written in lower case by the asker, it may be a common word: it is not read as a name.
    const lower = "how much juice did quince sell";
    expect(readQuestion(ctx, lower, ctx.finder.mentions(lower)).unnamed).toEqual([]);
  });

  it("is not answered by another company's figure", () => {
    const pack = packWith("The newcomer Quince presses its juice in the Eastvale hills.");
    const card = createCore({ knowledge: pack }).answer({
      text: "How many crates of juice did Quince sell last season?",
    });
    expectValidCard(card, pack);
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("4,000");
  });

  it("is answered by a sentence of its paragraph that names nothing else", () => {
    const pack = packWith(
      "The newcomer Quince presses its juice in the Eastvale hills. It sold 900 crates of juice last season.",
    );
    const card = createCore({ knowledge: pack }).answer({ text: question });
    expectValidCard(card, pack);
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("900");
    expect(card.citations[0]).toMatchObject({ paragraph: juice + 1 });
  });
});
