// Two things set side by side in Chinese ("A和B比怎么样", "A跟B比起来如何") are compared as "A vs B" is, on the
// synthetic orchard pack: the card sets the two against each other, not a fact about one of them alone.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { createCore } from "../../src/core/index.js";
import { readIntent } from "../../src/core/intent.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const ctx = buildContext(knowledge);
const core = createCore({ knowledge });

describe("a comparison asked in Chinese", () => {
  it("reads as the two things compared", () => {
    for (const text of ["X9和Gleaner 2比怎么样？", "X9跟Gleaner 2比起来如何", "X9与Gleaner 2相比呢"]) {
      const intent = readIntent(ctx, text);
      expect(intent.type, text).toBe("compare-mentions");
      if (intent.type === "compare-mentions") {
        expect([intent.a.entity.id, intent.b.entity.id].sort()).toEqual(["gleaner-2", "harvester-x9"]);
      }
    }
  });

  it("answers with the figure that sets them against each other", () => {
    const card = core.answer({ text: "X9和Gleaner 2比怎么样？" });
    expect(card.kind).toBe("compare");
    expect(card.headline).toContain("three times");
  });

  it("is not read into a question that only mentions a comparison word", () => {
    expect(readIntent(ctx, "X9比去年快了多少？").type).not.toBe("compare-mentions");
  });
});
