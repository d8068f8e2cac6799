// A relative time asked for ("this year") prefers the fact that speaks of that very time over one dated only
// by a year, on the synthetic orchard pack with two made-up harvest facts added.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const base = knowledge.facts.find((f) => f.id === "applewood-orchards") as Fact;
const dated: Fact = {
  ...base,
  id: "applewood-crates-2019",
  quote: "Applewood packed 80,000 crates of apples in 2019, its record harvest of apples",
  claim: "Applewood packed 80,000 crates of apples in 2019, its record harvest of apples.",
  metric: "Crates packed",
  figures: [{ value: 80000, unit: "crates", text: "80,000" }],
  as_of: "in 2019",
  keywords: ["packed", "pack", "harvest"],
};
const current: Fact = {
  ...dated,
  id: "applewood-crates-now",
  quote: "Applewood expects 90,000 crates this year",
  claim: "Applewood expects 90,000 crates this year.",
  figures: [{ value: 90000, unit: "crates", text: "90,000" }],
  as_of: "this year",
  keywords: [],
};
const core = createCore({ knowledge: { ...knowledge, facts: [...knowledge.facts, dated, current] } });

describe("a relative time asked for", () => {
  it("answers with the fact speaking of that time before one dated by a year", () => {
    const card = core.answer({ text: "How many crates of apples will Applewood pack this year?" });
    expect(card.citations[0]?.factId).toBe("applewood-crates-now");
  });

  it("still answers a year asked for with the fact of that year", () => {
    const card = core.answer({ text: "How many crates of apples did Applewood pack in 2019?" });
    expect(card.citations[0]?.factId).toBe("applewood-crates-2019");
  });
});
