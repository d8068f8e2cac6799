import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderSlack } from "../../../src/adapters/slack/render.js";
import { chartBlock, comparisonTable } from "../../../src/adapters/slack/render-chart.js";
import type { Chart } from "../../../src/core/card.js";
import { createCore } from "../../../src/core/index.js";
import { blockKitProblems } from "../../helpers/slack-block-kit.js";
import { HOSTILE } from "../../helpers/slack-cards.js";

const core = createCore();
const types = (blocks: object[]) => blocks.map((b) => (b as { type: string }).type);

describe("Slack chart and table blocks", () => {
  it("given the compute gap, draws a native bar chart of the two cited figures and a table of the row", () => {
    const card = core.answer({ text: "/gap compute" });
    const { blocks } = renderSlack(card, { query: "/gap compute" });
    expect(blocks).toContainEqual({
      type: "data_visualization",
      title: "Computing power",
      chart: {
        type: "bar",
        series: [
          {
            name: "EFLOPS",
            data: [
              { label: "US", value: 2400 },
              { label: "China", value: 1053 },
            ],
          },
        ],
        axis_config: { categories: ["US", "China"], y_label: "EFLOPS" },
      },
    });
    expect(blocks).toContainEqual({
      type: "table",
      rows: [
        ["Figure", "US", "China", "Ratio (computed)"].map((text) => ({ type: "raw_text", text })),
        ["Computing power", "2400 EFLOPS", "1053 EFLOPS", "2.3× from 2,400 / 1,053"].map((text) => ({
          type: "raw_text",
          text,
        })),
      ],
      column_settings: [{ is_wrapped: true }, { align: "right" }, { align: "right" }, { is_wrapped: true }],
    });
    // The table replaces the text bars; the text fallback keeps them for notifications.
    expect(JSON.stringify(blocks)).not.toContain("█");
    expect(blockKitProblems(renderSlack(card, { query: "/gap compute" }))).toEqual([]);
  });

  it("given charts turned off (a workspace without them), draws the text bars and no chart or table", () => {
    const card = core.answer({ text: "/gap compute" });
    const { blocks } = renderSlack(card, { query: "/gap compute", charts: false });
    expect(types(blocks)).not.toContain("data_visualization");
    expect(types(blocks)).not.toContain("table");
    expect(JSON.stringify(blocks)).toContain("████████████");
  });

  it("given the market share gap, keeps the qualified figures readable in the table beside the bars", () => {
    const card = core.answer({ text: "/gap market share" });
    const { blocks } = renderSlack(card);
    const table = blocks.find((b) => (b as { type: string }).type === "table");
    expect(JSON.stringify(table)).toContain("less than 4%");
    expect(blockKitProblems(renderSlack(card))).toEqual([]);
  });

  it("labels a bound with its bound and a range as a range, and says under the chart what each is drawn at", () => {
    const chart: Chart = {
      type: "bar",
      title: "Share",
      unit: "%",
      items: [
        { label: "A", value: 68, display: "68%", factId: "a", side: "first" },
        { label: "B", value: 5, max: 6, display: "5% -6%", factId: "b", approximate: true, side: "first" },
        {
          label: "C",
          value: 4,
          bound: "below",
          display: "less than 4%",
          factId: "c",
          approximate: true,
          side: "second",
        },
      ],
      source: { who: "Analyst, Q1", title: "Report", paragraphs: "¶3" },
    };
    const block = chartBlock(chart);
    expect(block.chart.type === "bar" && block.chart.axis_config.categories).toEqual([
      "A",
      "B 5–6%",
      "C &lt;4%",
    ]);
    const card = { ...core.answer({ text: "/gap market share" }), chart };
    const note = JSON.stringify(renderSlack(card).blocks);
    expect(note).toContain("B 5% -6% is drawn at 5, the lower end of its range");
    expect(note).toContain("C less than 4% is drawn at 4, its upper bound");
    expect(note).toContain("Source: Analyst, Q1 · ¶3");
  });

  it("puts a pie's US slices first and China's next, so that each side keeps its colour", () => {
    const item = (label: string, side: "first" | "second", value: number) => ({
      label,
      value,
      display: `${value}%`,
      factId: label,
      side,
    });
    const source = { who: "", title: "T", paragraphs: "¶1" };
    for (const items of [
      [item("A", "first", 60), item("B", "second", 40)],
      [item("B", "second", 70), item("A", "first", 30)],
    ]) {
      const block = chartBlock({ type: "pie", title: "t", unit: "%", items, source });
      expect(block.chart.type === "pie" && block.chart.segments.map((s) => s.label)).toEqual(["A", "B"]);
    }
  });

  it("given a card with no chart, sends no chart or table block", () => {
    const card = core.answer({ text: "/chip 910B" });
    expect(card.chart).toBeUndefined();
    expect(types(renderSlack(card).blocks)).not.toContain("table");
  });

  it("given any chart spec, hostile or oversized, stays within Slack's chart limits", () => {
    const label = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom(...HOSTILE, "", "💥".repeat(30)));
    const chart: fc.Arbitrary<Chart> = fc.record({
      type: fc.constantFrom("bar" as const, "pie" as const),
      title: label,
      unit: label,
      items: fc.array(
        fc.record({
          label,
          value: fc.double({ min: 0, max: 1e15, noNaN: true }),
          display: label,
          factId: fc.constant("f"),
          approximate: fc.boolean(),
          bound: fc.constantFrom("below" as const, "above" as const, undefined),
          side: fc.constantFrom("first" as const, "second" as const, "global" as const, undefined),
        }),
        { minLength: 2, maxLength: 30 },
      ),
      source: fc.record({ who: label, title: label, paragraphs: label }),
    });
    fc.assert(
      fc.property(chart, (c) => {
        expect(blockKitProblems({ text: "x", blocks: [chartBlock(c)] })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("given a comparison of many rows and hostile names, builds a table within the table limits", () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({
      label: `${HOSTILE[i % HOSTILE.length]} ${i}`,
      left: { value: i, display: "<!channel>" },
      right: { value: null, display: "" },
    }));
    const table = comparisonTable({ left: { name: "<@U1>" }, right: { name: "" }, rows });
    expect(blockKitProblems({ text: "x", blocks: [table] })).toEqual([]);
    expect(table.rows).toHaveLength(100);
    expect(JSON.stringify(table.rows[1])).toContain("not in the material");
  });
});
