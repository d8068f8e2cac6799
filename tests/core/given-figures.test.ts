// Figures given before the question ("A: 4.2M tonnes — what share?", "A grew 4.2M tonnes; B?") are what the asker
// knows: on the synthetic orchard pack, the fact stating them, matched by value with its magnitude, yields to the
// fact answering what is asked, and a clause set off by a dash reads as given as one set off by a semicolon.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion, valuesIn } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const core = createCore({ knowledge });
const first = (text: string) => core.answer({ text }).citations[0]?.factId;
const ctx = buildContext(knowledge);

describe("figures given before the question", () => {
  it("are read with their magnitude", () => {
    expect(valuesIn("4.2M tonnes, 10k crates, 2,400 units, 3 trillion")).toEqual([4.2e6, 1e4, 2400, 3e12]);
    expect(valuesIn("the X9 in Q1 2026")).toEqual([]);
    const r = readQuestion(ctx, "Northland: 4.2M tonnes of apples — and Southland?", []);
    expect(r.givenValues).toEqual([4.2e6]);
  });

  it("leave the fact stating them for the one answering what is asked of the same thing", () => {
    expect(
      first("Northland: 4.2M tonnes of apples last year — what about its world apple market share?"),
    ).toBe("northland-market-share");
  });

  it("set their thing aside when a terse question names another of its kind", () => {
    expect(first("Northland grew 4.2M tonnes of apples; Southland?")).toBe("southland-apples");
    expect(first("Northland: 4.2M tonnes of apples — and Southland?")).toBe("southland-apples");
  });

  it("written right after a name with their magnitude ('A: 12k hectares') are figures, not a model number", () => {
    expect(first("Applewood: 12k hectares with the others — how many orchards does Applewood run?")).toBe(
      "applewood-orchards",
    );
  });

  it("narrow nothing asked: what the given share is of is not what the asked share is of", () => {
    const q = "Northland holds 40% of the world pear market. What is its share of the world apple market?";
    expect(readQuestion(ctx, q, ctx.finder.mentions(q)).shareOf).toEqual(["world", "apple", "market"]);
    expect(first(q)).toBe("northland-market-share");
  });
});
