// A channel's sources setting: the core it answers with cites those sources alone.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { coreForSources } from "../../src/runtime/scoped-core.js";

const TWO = new URL("../fixtures/two-sources", import.meta.url).pathname;
const core = createCore({ knowledge: readKnowledge(TWO).knowledge });
const question = { command: "chip", args: { name: "910B" } };
const sourcesOf = (c: typeof core) => new Set(c.answer(question).citations.map((x) => x.source));

describe("coreForSources", () => {
  it("answers from the named sources only", () => {
    expect(sourcesOf(core)).toEqual(new Set(["mini", "later"]));
    expect(sourcesOf(coreForSources(core, ["later"]))).toEqual(new Set(["later"]));
    expect(sourcesOf(coreForSources(core, ["mini"]))).toEqual(new Set(["mini"]));
  });

  it("is the core itself for every source or none, and builds each narrower core once", () => {
    expect(coreForSources(core, [])).toBe(core);
    expect(coreForSources(core, ["later", "mini"])).toBe(core);
    expect(coreForSources(core, ["later"])).toBe(coreForSources(core, ["later", "later"]));
  });
});
