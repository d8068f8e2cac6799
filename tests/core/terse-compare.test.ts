// A terse comparison ("A market value vs B") asks how two things compare, which the material may say in words:
// on the synthetic orchard pack it is not read as a demand for a figure, as the terse "A market value" is.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const ctx = buildContext(
  readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname).knowledge,
);
const read = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q));

describe("a terse comparison", () => {
  it("asks how the two compare, not for a figure", () => {
    expect(read("Pearfield market value").quantitative).toBe(true);
    expect(read("Pearfield market value vs Cidermill").quantitative).toBe(false);
    expect(read("Pearfield market value vs Cidermill").compares).toBe(true);
  });
});
