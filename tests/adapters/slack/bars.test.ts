import { describe, expect, it } from "vitest";
import { BAR_CELLS, bar, barScale } from "../../../src/adapters/slack/bars.js";

describe("bar", () => {
  it("given the larger value, fills every cell", () => {
    expect(bar(2400, 2400)).toBe("█".repeat(BAR_CELLS));
  });

  it("given a smaller value, draws it in eighths of a cell, scaled to the larger", () => {
    // 1053 / 2400 × 80 eighths = 35.1 → 4 full cells and 3 eighths.
    expect(bar(1053, 2400)).toBe("████▍");
  });

  it("given a value too small to see, still draws one eighth so that the side is not mistaken for missing", () => {
    expect(bar(1, 1_000_000)).toBe("▏");
  });

  it("given a missing, zero, negative or infinite value, draws nothing rather than a misleading bar", () => {
    for (const v of [null, 0, -5, Number.POSITIVE_INFINITY, Number.NaN]) expect(bar(v, 100)).toBe("");
  });
});

describe("barScale", () => {
  it("given two sides, scales to the larger drawable one", () => {
    expect(barScale(1053, 2400)).toBe(2400);
    expect(barScale(null, 7)).toBe(7);
    expect(barScale(null, -1)).toBe(0);
  });
});
