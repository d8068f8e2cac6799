import { describe, expect, it } from "vitest";
import { textBar } from "../../src/core/bars.js";

describe("text bars", () => {
  it("draws the larger side full width and the smaller in proportion, to an eighth of a cell", () => {
    expect(textBar(2400, 2400, 12)).toBe("████████████");
    expect(textBar(1053, 2400, 12)).toBe("█████▎");
  });

  it("gives any positive value at least a sliver", () => {
    expect(textBar(1, 1_000_000, 12)).toBe("▏");
  });

  it("draws nothing for a missing, zero, negative or non-finite value", () => {
    for (const [v, m] of [
      [null, 10],
      [0, 10],
      [-1, 10],
      [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
      [Number.NaN, 5],
      [5, Number.NaN],
    ] as const) {
      expect(textBar(v, m)).toBe("");
    }
  });
});
