// A measure asked by name ("what valuation…") is answered by a sum of money the material writes in words
// ("valued at millions of crowns") as by a figure; and such a sum, whose subject is another grower, still does
// not answer what is asked of a grower it names. Orchard pack with one made-up fact.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const valued: Fact = {
  ...(knowledge.facts.find((f) => f.id === "applewood-packing-line") as Fact),
  id: "cidermill-valuation",
  quote: "Founded by former Pearfield managers, Cidermill carries a valuation of millions of crowns",
  claim: "Cidermill, founded by former Pearfield managers, carries a valuation of millions of crowns.",
  metric: "Valuation",
  figures: [],
  entities: ["cidermill", "pearfield"],
  subject: "cidermill",
  keywords: ["valuation", "worth"],
  note: undefined,
};
const core = createCore({ knowledge: { ...knowledge, facts: [...knowledge.facts, valued] } });

describe("a value written in words", () => {
  it("answers the measure asked by name", () => {
    const card = core.answer({ text: "What valuation does the report give Cidermill?" });
    expect(card.kind).toBe("answer");
    expect(card.citations[0]?.factId).toBe("cidermill-valuation");
  });

  it("is still not another grower's, though it names that grower", () => {
    const card = core.answer({ text: "What is Pearfield's valuation?" });
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("millions of crowns");
  });
});
