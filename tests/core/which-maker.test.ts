// "Which chip…" may be answered by a chip's maker ("500 Pearfield chips"), but not by the maker of a thing the
// question asks about: named only as that thing's maker, it says nothing of the chip. On the synthetic orchard
// pack, with a made-up app, its maker, and a fact on the chips it buys.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Entity, Fact } from "../../src/knowledge/schema.js";

const { knowledge: pack } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const base = pack.facts.find((f) => f.id === "southland-apples") as Fact;
const app: Entity = {
  id: "orchard-ai",
  kind: "model",
  name: "Orchard AI",
  aliases: [],
  vendor: "cidermill",
  related: [],
  members: [],
};
const buys: Fact = {
  ...base,
  id: "orchard-ai-chips",
  quote: "Cidermill's Orchard AI plans to buy 500 Pearfield chips for sorting fruit",
  claim: "Cidermill's Orchard AI plans to buy 500 Pearfield chips for sorting fruit.",
  metric: "Chips Orchard AI plans to buy",
  figures: [{ value: 500, unit: "chips", text: "500" }],
  entities: ["orchard-ai", "pearfield", "cidermill"],
  subject: "orchard-ai",
  as_of: undefined,
  keywords: ["chips", "sorting"],
  topics: [],
};
const core = createCore({
  knowledge: { ...pack, entities: [...pack.entities, app], facts: [...pack.facts, buys] },
});

describe("a chip asked for by name", () => {
  it("is answered by the maker of the chips bought", () => {
    const card = core.answer({ text: "Which chips will Orchard AI buy?" });
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("Pearfield chips");
  });

  it("is not answered by the maker of the thing asked about", () => {
    const card = core.answer({ text: "Which chip model will Pearfield supply to Orchard AI?" });
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("500");
  });

  it("leaves a company asked for by name to its maker", () => {
    const card = core.answer({ text: "Which company makes Orchard AI?" });
    expect(card.headline).toContain("Cidermill");
  });
});
