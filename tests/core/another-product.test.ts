// A product asked about, with its maker and a buyer named beside it, is not answered by a fact giving the
// figure to another product of its kind instead: on the synthetic orchard pack, with a fact on the Harvester
// X7's revenue that the X9 (same maker, same kind, related to the X7 as a variant is) has no counterpart of.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const base = knowledge.facts.find((f) => f.id === "southland-apples") as Fact;
const x7Cut: Fact = {
  ...base,
  id: "pearfield-x7-cut",
  quote: "Pearfield is being asked to share 12% of its Harvester X7 revenue with the Fruit Board",
  claim: "Pearfield is being asked to share 12% of its Harvester X7 revenue with the Fruit Board.",
  metric: "Share of X7 revenue paid",
  figures: [{ value: 12, unit: "%", text: "12%" }],
  entities: ["pearfield", "harvester-x7", "fruit-board"],
  subject: "pearfield",
  keywords: ["X7 revenue", "share", "cut"],
  topics: [],
};
// The X9 is related to the X7, as a variant is to the product it derives from: its family, not its own.
const entities = knowledge.entities.map((e) =>
  e.id === "harvester-x9" ? { ...e, related: [...e.related, "harvester-x7"] } : e,
);
const core = createCore({ knowledge: { ...knowledge, entities, facts: [...knowledge.facts, x7Cut] } });

describe("a product asked about beside its maker", () => {
  it("is answered by the fact on that very product", () => {
    const card = core.answer({
      text: "What cut of Harvester X7 revenue does Pearfield share with the Fruit Board?",
    });
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("12%");
  });

  it("is not answered by the fact on a sibling product the question does not name", () => {
    const card = core.answer({
      text: "What cut of Harvester X9 revenue does Pearfield share with the Fruit Board?",
    });
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("12%");
  });

  it("through a line, is answered by the fact on one of its members", () => {
    const card = core.answer({
      text: "What cut of X-line revenue does Pearfield share with the Fruit Board?",
    });
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("12%");
  });
});
