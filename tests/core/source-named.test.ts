// A source named for a figure asked of something else ("how many X does B run, per A?") is who says so, not what
// the figure is of: on the synthetic orchard pack with the Fruit Board given as the source of Southland's pear
// orchards, set against Northland's, it is no answer for Northland's, and another source's figure is none for
// the Fruit Board's.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const sourced = {
  ...knowledge,
  facts: knowledge.facts.map((f) =>
    f.id === "southland-pear-orchards"
      ? { ...f, attribution: "fruit-board", entities: [...f.entities, "northland"] }
      : f,
  ),
};
const core = createCore({ knowledge: sourced });
const ask = (text: string) => core.answer({ text });
const ctx = buildContext(sourced);

describe("a source named beside what is asked", () => {
  it("is read as the source, not as a thing asked about", () => {
    const q = "How many pear orchards does Northland run, per the Fruit Board?";
    const r = readQuestion(ctx, q, ctx.finder.mentions(q));
    expect(r.sources).toEqual(["fruit-board"]);
    expect(r.things).toEqual([]);
    expect(r.countries).toEqual(["northland"]);
  });

  it("does not give one side's count as the other's because the source said it", () => {
    const card = ask("How many pear orchards does Northland run, per the Fruit Board?");
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toMatch(/^Southland runs 14/);
  });

  it("answers with the source's own figure, and only with it", () => {
    expect(ask("How many pear orchards does Southland run, per the Fruit Board?").citations[0]?.factId).toBe(
      "southland-pear-orchards",
    );
    expect(ask("How many orchards does Applewood run, per the Fruit Board?").kind).toBe("not_found");
  });
});
