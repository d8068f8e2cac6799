// A share asked within one country ("what share of the market in A…", "A's market", 在A市场) is not answered by a
// share of the world's market: the whole is another. On the synthetic orchard pack, whose pear-share fact is
// Northland's share of the world pear market.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const ctx = buildContext(knowledge);
const core = createCore({ knowledge });
const within = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q)).shareWithin;

describe("a share asked within one country", () => {
  it("reads the country it is asked within", () => {
    expect(within("What share of the pear market in Southland does Northland hold?")).toBe("southland");
    expect(within("What share of Southland's pear market does Northland hold?")).toBe("southland");
    expect(within("北国在南国市场的份额是多少？")).toBe("southland");
    expect(within("What share of the world pear market does Northland hold?")).toBeUndefined();
    expect(within("How many pears does Northland sell in Southland?")).toBeUndefined();
  });

  it("is not answered by a share of the world's market", () => {
    for (const text of [
      "What share of the pear market in Southland does Northland hold?",
      "What share of Southland's pear market does Northland hold?",
    ]) {
      const card = core.answer({ text });
      expect(card.kind, text).toBe("not_found");
      expect(card.headline, text).not.toContain("40%");
    }
  });

  it("leaves the world's share to a question for it", () => {
    expect(
      core.answer({ text: "What share of the world pear market does Northland hold?" }).headline,
    ).toContain("40%");
  });
});
