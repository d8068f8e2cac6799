// Drafting figures given "respectively" (src/knowledge/ingest/respectively.ts): "A and B raised X and Y
// respectively" gives X to A and Y to B, so the clause is drafted as one fact per name, each with its own
// figure and a claim naming only it; no fact puts both figures on one name. A made-up text.
import { afterAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { ingest } from "../../src/knowledge/ingest/write.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";
import { copyFixture, removeCopies } from "./fixture.js";

afterAll(removeCopies);

const TEXT = [
  "Orchard Listings",
  "In January 2026 Zelpa AI (泽帕) and Minova (米诺) became the first orchard firms to list their shares in Eastmoor, raising HK$4.3 billion and HK$4.2 billion respectively.",
  "Harvests grew unevenly. Zelpa, Minova and Corvandel grew their harvests by 17%, 12% and 5%, respectively, in 2025, while the region as a whole grew by about 3%.",
  "Corvandel is the oldest of them.",
].join("\n");

describe("drafting figures given respectively", () => {
  const dir = copyFixture();
  ingest({ dir, text: TEXT, id: "orchard-listings", title: "Orchard Listings", publisher: "Grower Weekly" });
  const loaded = readKnowledge(dir);
  const { knowledge } = loaded;
  const facts = knowledge.facts.filter((f) => f.source === "orchard-listings");
  const id = (name: string) =>
    knowledge.entities.find((e) => e.name === name || e.aliases.includes(name))?.id ?? `no ${name}`;
  const withFigure = (text: string) => facts.filter((f) => f.figures.some((g) => g.text === text));

  it("passes the check as written", () => {
    expect(validateKnowledge(loaded)).toEqual([]);
  });

  it("gives each name of the list the figure in its place, in a fact of its own", () => {
    for (const [figure, name] of [
      ["HK$4.3 billion", "Zelpa"],
      ["HK$4.2 billion", "Minova"],
      ["17%", "Zelpa"],
      ["12%", "Minova"],
      ["5%", "Corvandel"],
    ] as const) {
      const [fact, ...more] = withFigure(figure);
      expect(more).toEqual([]);
      expect(fact?.subject).toBe(id(name));
      expect(fact?.figures).toHaveLength(1);
    }
  });

  it("names in each fact's claim only its own name and figure", () => {
    const [minova] = withFigure("HK$4.2 billion");
    expect(minova?.claim).toMatch(/^In January 2026 Minova \(米诺\) became .* raising HK\$4\.2 billion\.$/);
    expect(minova?.claim).not.toMatch(/Zelpa|4\.3|respectively/);
    expect(minova?.entities).not.toContain(id("Zelpa"));
    const [corvandel] = withFigure("5%");
    expect(corvandel?.claim).toMatch(/^Corvandel grew their harvests by 5% in 2025/);
  });

  it("answers what one of them raised with its own figure only", () => {
    const card = createCore({ knowledge }).answer({ text: "How much did Minova raise?" });
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("HK$4.2 billion");
    expect(card.headline).not.toContain("4.3");
  });
});
