// What the material supposes is not what it states, and a question asks for one kind of figure:
// - a figure in a supposition's premise ("If 100% of the land were planted, …") answers only a question that
//   supposes too, in a quoted sentence or a curated fact alike;
// - "what share of…" is answered by a share, not by a count beside the same words;
// - "how much money…" is answered by a sum of money, not by the share it is collected as.
// On the synthetic orchard pack, with made-up paragraphs and facts.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { premises } from "../../src/core/rank/said.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact, Knowledge } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const lines = knowledge.paragraphs.get("orchard-report") ?? [];
const base = knowledge.facts.find((f) => f.id === "southland-apples") as Fact;
const ctx = buildContext(knowledge);
const read = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q));

/** The pack with one more paragraph, and the curated facts made of it. */
function withParagraph(text: string, facts: (paragraph: number) => Fact[] = () => []): Knowledge {
  const paragraphs = new Map(knowledge.paragraphs);
  paragraphs.set("orchard-report", [...lines, text]);
  return { ...knowledge, paragraphs, facts: [...knowledge.facts, ...facts(lines.length + 1)] };
}

const SUPPOSED =
  "If 100% of Pearfield's orchards were irrigated, its harvest would reach 40,000 tonnes a year.";
const supposedFact = (paragraph: number): Fact => ({
  ...base,
  id: "pearfield-all-land",
  source: "orchard-report",
  paragraph,
  quote: SUPPOSED,
  claim: SUPPOSED,
  metric: "Harvest if all Pearfield's orchards were irrigated",
  figures: [
    { value: 100, unit: "%", text: "100%" },
    { value: 40_000, unit: "tonnes", text: "40,000 tonnes" },
  ],
  entities: ["pearfield"],
  subject: "pearfield",
  as_of: undefined,
  keywords: ["orchards", "irrigated"],
  topics: [],
});
const AS_IS = "What percentage of Pearfield's orchards are irrigated?";
const SUPPOSING = "What harvest would Pearfield reach if all its orchards were irrigated?";

describe("a supposition's premise", () => {
  it("is the clause a supposing word opens", () => {
    expect(premises(ctx, SUPPOSED)).toEqual(["If 100% of Pearfield's orchards were irrigated"]);
    expect(premises(ctx, "Pearfield irrigated 40% of its orchards.")).toEqual([]);
  });

  it("reads whether a question supposes", () => {
    expect(read(SUPPOSING).supposes).toBe(true);
    expect(read(AS_IS).supposes).toBe(false);
  });

  for (const [how, pack] of [
    ["in a quoted sentence", withParagraph(SUPPOSED)],
    ["in a curated fact", withParagraph(SUPPOSED, (p) => [supposedFact(p)])],
  ] as const) {
    it(`does not answer what is, ${how}`, () => {
      const card = createCore({ knowledge: pack }).answer({ text: AS_IS });
      expect(card.kind).toBe("not_found");
      expect(card.headline).not.toContain("100%");
    });

    it(`answers a question that supposes, ${how}`, () => {
      const card = createCore({ knowledge: pack }).answer({ text: SUPPOSING });
      expect(card.kind).toBe("answer");
      expect(card.headline).toContain("40,000 tonnes");
    });
  }

  it("in the question, gives no figure the asker knows: what follows from it is asked", () => {
    const premise = "If Pearfield irrigated 100% of its orchards, what harvest could it reach?";
    expect(read(premise).givenValues).toEqual([]);
    for (const pack of [withParagraph(SUPPOSED), withParagraph(SUPPOSED, (p) => [supposedFact(p)])])
      expect(createCore({ knowledge: pack }).answer({ text: premise }).headline).toContain("40,000 tonnes");
  });

  it("leaves a figure stated outside it asked for", () => {
    const pack = withParagraph(
      "Pearfield has irrigated 35% of its orchards; if it irrigated the rest, its harvest would double.",
    );
    expect(createCore({ knowledge: pack }).answer({ text: AS_IS }).headline).toContain("35%");
  });
});

describe("a share asked for", () => {
  const pack = withParagraph("Cidermill pressed 3,000 tonnes of Pearfield's pears last year.");

  it("is not answered by a count beside the same words", () => {
    const card = createCore({ knowledge: pack }).answer({
      text: "What share of Pearfield's pears did Cidermill press last year?",
    });
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("3,000");
  });

  it("is answered by a share", () => {
    const card = createCore({
      knowledge: withParagraph("Cidermill pressed 30% of Pearfield's pears last year."),
    }).answer({ text: "What share of Pearfield's pears did Cidermill press last year?" });
    expect(card.headline).toContain("30%");
  });
});

describe("money asked in so many words", () => {
  const pack = withParagraph("Growers hand the Fruit Board 5% of their pear revenue as a levy.");

  it("asks a sum of money, whatever share it names", () => {
    const q = "How much money has the Fruit Board collected so far from its share of pear revenue?";
    expect(read(q).money).toBe(true);
    expect(read("What share of pear revenue goes to the Fruit Board?").money).toBe(false);
  });

  it("is not answered by the share the money is collected as", () => {
    const card = createCore({ knowledge: pack }).answer({
      text: "How much money has the Fruit Board collected so far from its share of pear revenue?",
    });
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("5%");
  });

  it("leaves the share to a question for the share", () => {
    const card = createCore({ knowledge: pack }).answer({
      text: "What share of their pear revenue do growers hand the Fruit Board?",
    });
    expect(card.headline).toContain("5%");
  });
});
