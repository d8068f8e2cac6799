// A thing written with another's name and a suffix glued on ("FrostguardX" of "Frostguard") is a variant of it:
// a fact on the variant concerns a question on the thing. A suffix after a model number ("Sorter 5B" of
// "Sorter 5") names a product of its own. On the synthetic orchard pack with made-up products and facts.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Entity, Fact } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const product = (id: string, name: string) =>
  ({ id, kind: "product", name, aliases: [], related: [], members: [] }) as unknown as Entity;
const entities = [
  ...knowledge.entities,
  product("frostguard", "Frostguard"),
  product("frostguard-x", "FrostguardX"),
  product("sorter-5", "Sorter 5"),
  product("sorter-5b", "Sorter 5B"),
];
const base = knowledge.facts.find((f) => f.id === "southland-apples") as Fact;
const banned = (id: string, thing: string, name: string): Fact => ({
  ...base,
  id,
  quote: `On 3 May the Fruit Board banned anything finer than ${name}`,
  claim: `On 3 May the Fruit Board banned anything finer than ${name}.`,
  metric: `${name} ban`,
  figures: [],
  as_of: "3 May",
  entities: ["fruit-board", thing],
  subject: "fruit-board",
  keywords: ["banned", "ban"],
  topics: [],
});
const core = createCore({
  knowledge: {
    ...knowledge,
    entities,
    facts: [
      ...knowledge.facts,
      banned("frostguard-x-ban", "frostguard-x", "FrostguardX"),
      banned("sorter-5b-ban", "sorter-5b", "the Sorter 5B"),
    ],
  },
});

describe("a variant written with a thing's name", () => {
  it("answers a question on the thing", () => {
    const card = core.answer({ text: "When did the Fruit Board ban Frostguard?" });
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("3 May");
  });

  it("is not a product with a letter after its model number", () => {
    const card = core.answer({ text: "When did the Fruit Board ban the Sorter 5?" });
    expect(card.headline).not.toContain("Sorter 5B");
  });
});
