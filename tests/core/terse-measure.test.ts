// A terse keyword form naming a measure ("pearfield market value") asks for the figure, as its full sentence
// does; and "what % of <a whole>" names the whole a share is of, as "what share of" does. Orchard pack only.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const ctx = buildContext(knowledge);
const core = createCore({ knowledge });
const read = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q));

describe("a terse form naming a measure", () => {
  it("asks for a figure as its full sentence does; a question or a request does not by that alone", () => {
    expect(read("pearfield market value").quantitative).toBe(true);
    expect(read("What is Pearfield's market value?").quantitative).toBe(true);
    expect(read("pearfield market value?").quantitative).toBe(false);
    expect(read("tell me about pearfield market value").quantitative).toBe(false);
  });

  it("is not answered by a comparison with another grower's value, as the full sentence is not", () => {
    const terse = core.answer({ text: "pearfield market value" });
    expect(terse.kind).toBe("not_found");
    expect(core.answer({ text: "What is Pearfield's market value?" }).kind).toBe("not_found");
  });

  it("is still answered by the grower's own value stated in words", () => {
    expect(core.answer({ text: "applewood market value" }).citations[0]?.factId).toBe(
      "applewood-market-value",
    );
  });
});

describe("what % of a whole", () => {
  it("names the whole, as 'what share of' does", () => {
    expect(read("what % of the world pear market does Northland hold").shareOf).toEqual(
      read("what share of the world pear market does Northland hold").shareOf,
    );
    expect(read("what % of the world pear market does Northland hold").shareOf.length).toBeGreaterThan(0);
  });
});
