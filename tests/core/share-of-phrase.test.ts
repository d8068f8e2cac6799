// What a share is asked of ends where the question's verb begins, a modal one too ("…load will gas cover"):
// the words after it say what covers the share, not what the share is of.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const ctx = buildContext(
  readKnowledge(new URL("../fixtures/knowledge-small", import.meta.url).pathname).knowledge,
);
const shareOf = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q)).shareOf;

describe("the phrase a share is asked of", () => {
  it("ends before a modal verb", () => {
    expect(shareOf("What share of new orchard load will pumps cover?")).toEqual(["new", "orchard", "load"]);
    expect(shareOf("What share of the market could Huawei take?")).toEqual(["market"]);
  });
});
