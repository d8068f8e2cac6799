// Reading a question for a count (knowledge/cues.yaml's asks_count): "how many", and in Chinese 有多少 or 多少
// with a counting word, but not 哪几家 ("which ones") nor 是多少 ("what is"). On the synthetic orchard pack.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const pack = new URL("../fixtures/synthetic-pack", import.meta.url).pathname;
const ctx = buildContext(readKnowledge(pack).knowledge);
const many = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q), q).many;

describe("reading a question for a count", () => {
  it("reads a count asked in English or in Chinese", () => {
    expect(many("How many crates did they pick?")).toBe(true);
    expect(many("他们有多少员工？")).toBe(true);
    expect(many("2025年出货了多少台？")).toBe(true);
    expect(many("有几家公司？")).toBe(true);
  });

  it("does not read 'which ones' or 'what is' as a count", () => {
    expect(many("哪几家公司？")).toBe(false);
    expect(many("收入是多少？")).toBe(false);
    expect(many("How much did they earn?")).toBe(false);
  });
});
