import { describe, expect, it } from "vitest";
import { chartPng, PNG_BYTES_MAX } from "../../src/charts/png.js";
import { CHART_WIDTH } from "../../src/charts/svg.js";
import type { Chart } from "../../src/core/card.js";
import { createCore } from "../../src/core/index.js";

const core = createCore();
const chartOf = (text: string): Chart => {
  const chart = core.answer({ text }).chart;
  if (!chart) throw new Error(`no chart for ${text}`);
  return chart;
};

/** Width and height from the IHDR chunk, which a PNG must start with right after its signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString("latin1")).toBe("\x89PNG\r\n\x1a\n");
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("chart PNG", () => {
  for (const query of ["/gap compute", "/gap market share", '/compare Mythos "DeepSeek V4 Pro"']) {
    it(`given ${query}, decodes as a PNG of the chart's size within 200 KB`, () => {
      const png = chartPng(chartOf(query));
      const { width, height } = pngSize(png);
      expect(width).toBe(CHART_WIDTH);
      expect(height).toBeGreaterThan(200);
      expect(height).toBeLessThan(CHART_WIDTH);
      expect(png.length).toBeLessThanOrEqual(PNG_BYTES_MAX);
    });
  }

  it("draws text with the shipped font: a chart with labels differs from one without", () => {
    const chart = chartOf("/gap compute");
    const blank = { ...chart, title: "", items: chart.items.map((i) => ({ ...i, label: "", display: "" })) };
    // Without a font resvg drops text silently; the labelled picture then would compress to the same size.
    expect(chartPng(chart).length).toBeGreaterThan(chartPng(blank).length + 2000);
  });
});
