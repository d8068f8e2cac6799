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

describe("pairBars", () => {
  it("draws both sides' bars only when both have a figure", async () => {
    const { pairBars } = await import("../../src/core/bars.js");
    expect(pairBars(2400, 1053).every((b) => b.length > 0)).toBe(true);
    expect(pairBars(725e9, null)).toEqual(["", ""]);
    expect(pairBars(null, 5)).toEqual(["", ""]);
  });

  it("leaves every one-sided row of every comparison in text without a bar", async () => {
    const { createCore } = await import("../../src/core/index.js");
    const { renderText } = await import("../../src/core/render-text.js");
    const core = createCore();
    const names = core.catalog().companies.map((c) => c.name);
    let oneSided = 0;
    for (const [i, a] of names.entries()) {
      const card = core.answer({ text: `/compare ${a} vs ${names[(i + 1) % names.length]}` });
      const text = renderText(card);
      for (const row of card.comparison?.rows ?? []) {
        if (row.left.value !== null && row.right.value !== null) continue;
        oneSided += 1;
        const at = text.indexOf(`\n${row.label}`);
        const lines = text
          .slice(at + 1)
          .split("\n")
          .slice(1, 3);
        for (const line of lines) expect(line, `${a}: ${row.label}`).not.toMatch(/[█▏▎▍▌▋▊▉]/);
      }
    }
    expect(oneSided).toBeGreaterThan(0);
  });
});
