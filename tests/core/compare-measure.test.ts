// "/compare A vs B <measure>": the words beside the names say what to compare. Two countries get the gap topic
// that holds most of those words by weight, else the material's answer to the comparison in words, and a side
// naming two things compares the one of the other side's kind. Orchard pack only.
import { describe, expect, it } from "vitest";
import { topicShare } from "../../src/core/compose/gap.js";
import { buildContext } from "../../src/core/context.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Topic } from "../../src/knowledge/schema.js";
import { expectValidCard } from "../helpers/card-checks.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const core = createCore({ knowledge });
const ctx = buildContext(knowledge);
const compare = (text: string) => {
  const card = core.answer({ text });
  expectValidCard(card, knowledge);
  return card;
};
const harvest = knowledge.topics.find((t) => t.id === "harvest") as Topic;

describe("/compare with a measure beside the names", () => {
  it("weighs how much of the measure a topic holds", () => {
    expect(topicShare(ctx, harvest, "harvest")).toBe(1);
    expect(topicShare(ctx, harvest, "world apple market share")).toBeLessThan(0.5);
  });

  it("gives two countries the topic that holds the measure", () => {
    expect(compare("/compare Northland vs Southland harvest").kind).toBe("gap");
  });

  it("answers two countries' measure no topic holds from the facts that give it, not a topic's other figures", () => {
    const card = compare("/compare Northland vs Southland world apple market share");
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("8%");
    expect(card.headline).toContain("30%");
    expect(card.headline).not.toContain("tonnes");
  });

  it("reads a side naming two things as the one of the other side's kind, the other as what to compare", () => {
    const card = compare("/compare Harvester X9 vs Gleaner 2 Fruit Board");
    expect(card.headline).not.toContain("nothing to compare");
    expect(card.headline).toContain("Gleaner 2");
  });
});
