// "What is the money being spent on?" asks what the money goes to, not how much it is: the fact saying where it
// goes answers, not the one giving the sum. On the synthetic orchard pack with two made-up facts on a fund.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";

const { knowledge: pack } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const base = pack.facts.find((f) => f.id === "southland-apples") as Fact;
const raised: Fact = {
  ...base,
  id: "fund-raised",
  quote: "the Grower Fund has raised 50 million crowns in funding",
  claim: "The Grower Fund has raised 50 million crowns in funding.",
  metric: "Funding raised",
  figures: [{ value: 50_000_000, unit: "crowns", text: "50 million crowns" }],
  entities: ["grower-fund"],
  subject: "grower-fund",
  as_of: undefined,
  keywords: ["funding", "raised"],
  topics: [],
};
const goesTo: Fact = {
  ...raised,
  id: "fund-cold-stores",
  quote: "That money is going into new cold stores",
  claim: "The Grower Fund's funding is going into new cold stores.",
  metric: "Description",
  figures: [],
  keywords: ["funding", "money", "spent", "cold stores"],
};
const knowledge = { ...pack, facts: [...pack.facts, raised, goesTo] };
const core = createCore({ knowledge });
const ctx = buildContext(knowledge);
const read = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q));

describe("money asked by what it goes to", () => {
  it("asks no sum of money", () => {
    expect(read("What is the Grower Fund's funding being spent on?").money).toBe(false);
    expect(read("How much has the Grower Fund spent?").money).toBe(true);
  });

  it("is answered by the fact saying where it goes, not the sum", () => {
    const card = core.answer({ text: "What is the Grower Fund's funding being spent on?" });
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("cold stores");
  });

  it("asked as a sum, is still answered by the sum", () => {
    const card = core.answer({ text: "How much funding has the Grower Fund raised?" });
    expect(card.headline).toContain("50 million crowns");
  });
});
