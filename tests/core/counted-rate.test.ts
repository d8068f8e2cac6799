// "How many <things> per <time>": what is counted stops where its rate begins, on the synthetic orchard pack
// (a count of tonnes a hectare is a count of tonnes, not of hectares).
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const ctx = buildContext(knowledge);
const read = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q));

describe("a count asked per unit of something else", () => {
  it("counts the thing before the rate, whatever the rate's word", () => {
    for (const q of [
      "How many tonnes per hectare did Northland grow?",
      "How many tonnes a hectare did Northland grow?",
      "How many tonnes each hectare did Northland grow?",
    ])
      expect(read(q).counted, q).toEqual(["tonnes"]);
  });

  it("still counts in both units' words when no rate word parts them", () => {
    expect(read("How many tonnes of apples did Northland grow?").counted).toEqual(["tonnes"]);
    expect(read("How many hectares did they plant?").counted).toEqual(["hectares"]);
  });
});
