// "How many X does A have compared with B?" is answered by A's as a fraction or a multiple of B's, on a fact
// naming both: a share is no count asked alone, but it is the count compared. And such a fact answers alone,
// not paired with another fact on one side. On the synthetic orchard pack, with made-up facts on pickers.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const base = knowledge.facts.find((f) => f.id === "southland-apples") as Fact;
const fraction: Fact = {
  ...base,
  id: "southland-pickers-fraction",
  quote: "Southland has only 30% as many pickers as Northland",
  claim: "Southland has only 30% as many pickers as Northland.",
  metric: "Southland's pickers, relative to Northland",
  figures: [{ value: 30, unit: "%", text: "30%" }],
  entities: ["southland", "northland"],
  subject: "southland",
  as_of: undefined,
  keywords: ["pickers"],
  topics: [],
};
const multiple: Fact = {
  ...fraction,
  id: "northland-pickers-multiple",
  quote: "Northland has four times as many pickers as Southland",
  claim: "Northland has four times as many pickers as Southland.",
  metric: "Northland's pickers, relative to Southland",
  figures: [{ value: 4, unit: "times", text: "four times" }],
  side: "north",
  subject: "northland",
};
const northOnly: Fact = {
  ...multiple,
  id: "northland-pickers-days",
  quote: "Northland's pickers work 300 days a year",
  claim: "Northland's pickers work 300 days a year.",
  metric: "Pickers' working days",
  figures: [{ value: 300, unit: "days", text: "300 days" }],
  entities: ["northland"],
};
const coreWith = (...facts: Fact[]) =>
  createCore({ knowledge: { ...knowledge, facts: [...knowledge.facts, ...facts] } });

describe("a count asked of one thing compared with another", () => {
  it("is answered by a share on a fact naming both", () => {
    const card = coreWith(fraction).answer({
      text: "How many pickers does Southland have compared with Northland?",
    });
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("30%");
  });

  it("asked alone, is still not answered by a share", () => {
    const card = coreWith(fraction).answer({ text: "How many pickers does Southland have?" });
    expect(card.kind).toBe("not_found");
  });

  it("is answered by a multiple naming both alone, not paired with a fact on one side", () => {
    const card = coreWith(multiple, northOnly).answer({
      text: "How many pickers does Northland have compared with Southland?",
    });
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("four times");
    expect(card.headline).not.toContain("300 days");
  });

  it("is of the thing it counts: a multiple of another count is no answer", () => {
    // Pickers' huts are not pickers, though the question and the facts share the word.
    const card = coreWith(fraction, multiple).answer({
      text: "How many picker huts does Southland have compared with Northland?",
    });
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toMatch(/30%|four times/);
  });
});
