import { describe, expect, it } from "vitest";
import { chartSvg } from "../../src/charts/svg.js";
import type { Chart } from "../../src/core/card.js";
import { createCore } from "../../src/core/index.js";

const core = createCore();
const chartOf = (text: string): Chart => {
  const chart = core.answer({ text }).chart;
  if (!chart) throw new Error(`no chart for ${text}`);
  return chart;
};

describe("chart SVG", () => {
  it("given the compute gap, draws the same bars as the snapshot", async () => {
    await expect(chartSvg(chartOf("/gap compute"))).toMatchFileSnapshot("__snapshots__/gap-compute.svg");
  });

  it("given the market share gap, marks the range and the bound and says how they are drawn", async () => {
    const svg = chartSvg(chartOf("/gap market share"));
    await expect(svg).toMatchFileSnapshot("__snapshots__/gap-market-share.svg");
    expect(svg).toContain("less than 4% *");
    expect(svg).toContain("5% -6% *");
    expect(svg).toContain("its upper bound");
    expect(svg).toContain("is drawn at 5, the lower end of its range");
    expect(svg).toContain('stroke-dasharray="5 3"');
    // The range's stretch to its upper end is drawn, paler.
    expect(svg).toContain('fill-opacity="0.25"');
  });

  it("names who says so, when and where under the picture", () => {
    const svg = chartSvg(chartOf("/gap compute"));
    expect(svg).toMatch(/Source: CAICT, early 2025 · The computing power challenge/);
  });

  it("gives US and China one colour each in every chart, wherever their bars stand", () => {
    const fill = (svg: string, label: string) => {
      const at = svg.indexOf(`>${label}</text>`);
      // The first bar after the label, past its grey track.
      return /<rect [^>]*fill="(?!#E3E6EA)(#[0-9A-F]{6})"/.exec(svg.slice(at))?.[1];
    };
    const charts = [
      "/gap compute",
      "/gap market share",
      "/compare US vs China",
      "/compare H100 vs Ascend 910B",
      '/compare Mythos "DeepSeek V4 Pro"',
    ].flatMap((q) => {
      const chart = core.answer({ text: q }).chart;
      return chart ? [chart] : [];
    });
    const bySide = new Map<string, Set<string>>();
    for (const chart of charts) {
      const svg = chartSvg(chart);
      for (const item of chart.items) {
        if (item.side !== "first" && item.side !== "second") continue;
        const colour = fill(svg, item.label);
        if (colour) bySide.set(item.side, (bySide.get(item.side) ?? new Set()).add(colour));
      }
    }
    expect(bySide.get("first")?.size).toBe(1);
    expect(bySide.get("second")?.size).toBe(1);
    expect([...(bySide.get("first") ?? [])]).not.toEqual([...(bySide.get("second") ?? [])]);
  });

  it("shows the ratio as text marked computed, with its inputs, and never as a bar", () => {
    const svg = chartSvg(chartOf("/gap compute"));
    expect(svg).toContain("US to China: 2.3×, computed from 2,400 / 1,053");
    // One track and one bar per item: nothing for the ratio.
    expect(svg.match(/<rect [^>]*rx="4"/g)).toHaveLength(4);
  });

  it("escapes markup and drops control characters from labels", () => {
    const svg = chartSvg({
      type: "bar",
      title: 'A <b>&</b> "title"',
      unit: "%",
      items: [
        { label: "x\u0000<y>", value: 1, display: "1%", factId: "a" },
        { label: "z", value: 2, display: "2%", factId: "b" },
      ],
      source: { who: "", title: "T", paragraphs: "¶1" },
    });
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("A &#60;b&#62;&#38;&#60;/b&#62; &#34;title&#34;");
    expect(svg).not.toContain("\u0000");
  });

  it("given shares of one whole, draws a pie with one slice per share and a legend", () => {
    const svg = chartSvg({
      type: "pie",
      title: "Shares",
      unit: "%",
      items: [
        { label: "A", value: 70, display: "70%", factId: "a" },
        { label: "B", value: 30, display: "30%", factId: "b" },
      ],
      source: { who: "", title: "T", paragraphs: "¶1" },
    });
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain(">70%<");
    expect(svg).toContain(">30%<");
  });
});
