// "Which of A's chips are <said to be something>?": the maker's card names its chips, and cites first the fact
// that says what the question says of them, not the one that merely leads on a figure. On the synthetic orchard
// pack with a made-up maker of sorting chips, two paragraphs of which say different things of them.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Entity, Fact } from "../../src/knowledge/schema.js";
import { expectValidCard } from "../helpers/card-checks.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const lines = knowledge.paragraphs.get("orchard-report") ?? [];
const added = [
  "The Sorter S1 grades 500 apples a minute, twice as fast as any rival.",
  "Under the frost rules, growers turned to frost-proof kit such as Seedcore's Sorter S1 and Sorter S2.",
];
const paragraphs = new Map(knowledge.paragraphs);
paragraphs.set("orchard-report", [...lines, ...added]);
const first = lines.length + 1;
const base = knowledge.facts[0] as Fact;
const entities: Entity[] = [
  ...knowledge.entities,
  { id: "seedcore", kind: "company", name: "Seedcore", aliases: [], related: [], members: [] } as Entity,
  ...["S1", "S2"].map(
    (n) =>
      ({
        id: `sorter-${n.toLowerCase()}`,
        kind: "chip",
        name: `Sorter ${n}`,
        aliases: [],
        vendor: "seedcore",
        related: [],
        members: [],
      }) as Entity,
  ),
];
const facts: Fact[] = [
  ...knowledge.facts,
  {
    ...base,
    id: "sorter-s1-speed",
    paragraph: first,
    quote: "The Sorter S1 grades 500 apples a minute",
    claim: "The Sorter S1 grades 500 apples a minute.",
    metric: "Grading speed",
    figures: [{ value: 500, unit: "apples a minute", text: "500 apples a minute" }],
    entities: ["sorter-s1"],
    subject: "sorter-s1",
    as_of: undefined,
    topics: [],
    keywords: ["grading speed"],
  },
  {
    ...base,
    id: "frost-proof-kit",
    paragraph: first + 1,
    quote: "growers turned to frost-proof kit such as Seedcore's Sorter S1 and Sorter S2",
    claim:
      "Under the frost rules, growers turned to frost-proof kit such as Seedcore's Sorter S1 and Sorter S2.",
    metric: "Description",
    figures: [],
    entities: ["seedcore", "sorter-s1", "sorter-s2"],
    subject: "seedcore",
    as_of: undefined,
    topics: [],
    keywords: ["frost-proof kit", "frost rules"],
  },
];
const pack = { ...knowledge, entities, facts, paragraphs };
const core = createCore({ knowledge: pack });

describe("a maker's chips asked with what is said of them", () => {
  it("names the chips and cites first the fact saying it", () => {
    const card = core.answer({ text: "Which Seedcore chips are listed as frost-proof kit?" });
    expectValidCard(card, pack);
    expect(card.headline).toContain("Sorter S1, Sorter S2");
    expect(card.citations[0]).toMatchObject({ paragraph: first + 1 });
  });

  it("asked with nothing else, leads with the fact on one chip with a figure, as before", () => {
    const card = core.answer({ text: "Which chips does Seedcore make?" });
    expectValidCard(card, pack);
    expect(card.headline).toContain("Sorter S1, Sorter S2");
    expect(card.citations[0]).toMatchObject({ paragraph: first });
  });
});
