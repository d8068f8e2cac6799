// The stemmer (src/core/text.ts): plural and light verb endings off, the same on a question's side and the
// material's, so that "raise" finds "raised" and "prices" finds "priced".
import { describe, expect, it } from "vitest";
import { stem } from "../../src/core/text.js";

describe("stemming a word", () => {
  it("makes a verb ending in a silent e one word with its -ed, -ing and -s forms", () => {
    const raise = stem("raise");
    expect([stem("raised"), stem("raising"), stem("raises")]).toEqual([raise, raise, raise]);
    expect(stem("priced")).toBe(stem("prices"));
  });

  it("leaves short words, names with digits and words kept whole alone", () => {
    expect(stem("free")).toBe("free");
    expect(stem("GB200")).toBe("GB200");
    expect(stem("storage", new Set(["storage"]))).toBe("storage");
  });
});
