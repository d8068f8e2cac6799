// A misspelt word whose stem is too short for the search's own correction ("tonns" read as "tonn") is the
// material's word one letter away, as a longer misspelt word is. Orchard pack only.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { fixTypos } from "../../src/core/frames/typos.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const ctx = buildContext(knowledge);
const core = createCore({ knowledge });

describe("a typo in a word with a short stem", () => {
  it("is read as the material's word one letter away", () => {
    expect(fixTypos(ctx, "how many tonns of apples did Northland grow last year")).toContain("tonnes");
  });

  it("answers as the word spelt right does", () => {
    const right = core.answer({ text: "how many tonnes of apples did Northland grow last year" });
    const typo = core.answer({ text: "how many tonns of apples did Northland grow last year" });
    expect(typo.kind).toBe("answer");
    expect(typo.citations[0]?.factId).toBe(right.citations[0]?.factId);
  });
});
