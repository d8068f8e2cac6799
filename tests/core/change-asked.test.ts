// "How much did prices fall?" asks for a change, as "how much did they grow?" does: it is answered by a rate
// of change, not by a sum of money, though it names prices. Orchard pack with one made-up fact.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const fall: Fact = {
  ...(knowledge.facts.find((f) => f.id === "applewood-packing-line") as Fact),
  id: "applewood-price-fall",
  quote: "Applewood's apple prices fell 12% last year",
  claim: "Applewood's apple prices fell 12% last year.",
  metric: "Apple price change",
  figures: [{ value: 12, unit: "%", text: "12%" }],
  keywords: ["prices", "fell"],
  note: undefined,
};
const pack = { ...knowledge, facts: [...knowledge.facts, fall] };
const ctx = buildContext(pack);
const core = createCore({ knowledge: pack });
const read = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q));

describe("a fall asked for", () => {
  it("asks for a change, not a sum of money", () => {
    for (const q of [
      "How much did Applewood's apple prices fall last year?",
      "By how much have apple prices declined?",
      "How far did apple prices drop?",
    ])
      expect(read(q).money, q).toBe(false);
    expect(read("How much do Applewood's apples cost?").money).toBe(true);
  });

  it("is answered by the rate of the fall", () => {
    const card = core.answer({ text: "How much did Applewood's apple prices fall last year?" });
    expect(card.kind).toBe("answer");
    expect(card.citations[0]?.factId).toBe("applewood-price-fall");
  });
});
