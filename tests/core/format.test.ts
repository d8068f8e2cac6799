import { describe, expect, it } from "vitest";
import { figureDisplay, ratio, ratioPhrase, trimNumber } from "../../src/core/format.js";
import type { Figure } from "../../src/knowledge/schema.js";

const fig = (f: Partial<Figure> & Pick<Figure, "value" | "unit" | "text">): Figure => f;

describe("figures as cards show them", () => {
  it("puts the qualifier and the unit around the source's own text", () => {
    expect(
      figureDisplay(fig({ value: 1_200_000, unit: "GPUs", text: "1.2 million", qualifier: "over" })),
    ).toBe("over 1.2 million GPUs");
    expect(figureDisplay(fig({ value: 4, unit: "%", text: "4%", qualifier: "less-than" }))).toBe(
      "less than 4%",
    );
    expect(figureDisplay(fig({ value: 2400, unit: "EFLOPS", text: "2400 EFLOPS" }))).toBe("2400 EFLOPS");
  });

  it("says 'one month', not 'one months', and names a multiple", () => {
    expect(figureDisplay(fig({ value: 1, unit: "months", text: "one", qualifier: "only" }))).toBe(
      "only one month",
    );
    expect(figureDisplay(fig({ value: 10, unit: "times", text: "10", qualifier: "over" }))).toBe(
      "over 10 times",
    );
    expect(figureDisplay(fig({ value: 10, unit: "times", text: "10 times", qualifier: "over" }))).toBe(
      "over 10 times",
    );
  });
});

describe("ratios", () => {
  it("are computed from two figures in one unit and show their inputs", () => {
    const r = ratio(
      fig({ value: 2400, unit: "EFLOPS", text: "2400" }),
      fig({ value: 1053, unit: "EFLOPS", text: "1053" }),
    );
    expect(r).toEqual({ value: 2400 / 1053, display: "2.3×", derived: true, inputs: "2,400 / 1,053" });
    expect(ratioPhrase(r as NonNullable<typeof r>)).toBe("about 2.3×");
  });

  it("are never computed across units, from ranges or from zero", () => {
    expect(
      ratio(
        fig({ value: 640, unit: "TOPS", text: "640" }),
        fig({ value: 1053, unit: "EFLOPS", text: "1053" }),
      ),
    ).toBeUndefined();
    expect(
      ratio(fig({ value: 5, max: 6, unit: "%", text: "5%-6%" }), fig({ value: 68, unit: "%", text: "68%" })),
    ).toBeUndefined();
    expect(
      ratio(fig({ value: 0, unit: "%", text: "zero" }), fig({ value: 68, unit: "%", text: "68%" })),
    ).toBeUndefined();
  });

  it("carry a bound on a figure into the ratio", () => {
    const r = ratio(
      fig({ value: 68, unit: "%", text: "68%" }),
      fig({ value: 4, unit: "%", text: "4%", qualifier: "less-than" }),
    );
    expect(r?.display).toBe("more than 17×");
    expect(ratioPhrase(r as NonNullable<typeof r>)).toBe("more than 17×");
  });

  it("read large inputs in words", () => {
    expect(trimNumber(10_000_000_000_000)).toBe("10 trillion");
    expect(trimNumber(1_600_000_000_000)).toBe("1.6 trillion");
    expect(trimNumber(725_000_000_000)).toBe("725 billion");
  });
});
