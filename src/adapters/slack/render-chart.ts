// A card's chart and comparison rows as Slack's native blocks: data_visualization (bar or pie) and table.
// Both are rolling out: the adapter resends without them on invalid_blocks (see chart-fallback.ts).
// https://docs.slack.dev/reference/block-kit/blocks/data-visualization-block · https://docs.slack.dev/reference/block-kit/blocks/table-block
import type { RawTextElement, TableBlock } from "@slack/types";
import type { Chart, ChartItem, Comparison, ComparisonCell } from "../../core/card.js";
import { drawnAs, itemMark, sourceLine } from "../../core/chart.js";
import { plainText } from "./escape.js";
import {
  BAR_CATEGORIES_MAX,
  CHART_AXIS_LABEL_MAX,
  CHART_LABEL_MAX,
  CHART_TITLE_MAX,
  PIE_SEGMENTS_MAX,
  TABLE_ROWS_MAX,
  truncate,
} from "./limits.js";

/** Not in @slack/types yet: the shape of Slack's data visualization block, bar and pie only. */
export interface DataVisualizationBlock {
  type: "data_visualization";
  title: string;
  chart: BarChart | PieChart;
}

export interface BarChart {
  type: "bar";
  series: { name: string; data: { label: string; value: number }[] }[];
  axis_config: { categories: string[]; y_label?: string };
}

export interface PieChart {
  type: "pie";
  segments: { label: string; value: number }[];
}

/** The block types this file adds; the fallback strips exactly these. */
export const CHART_BLOCK_TYPES: ReadonlySet<string> = new Set(["data_visualization", "table"]);

/** Budgets for a table cell, so a row stays short enough to read in a narrow client. */
const CELL_MAX = 120;
const RATIO_CELL_MAX = 200;

/** The sides in a fixed order: a pie's slices follow it, so that Slack, which colours slices in turn, gives US and China one colour each. */
const SIDES: ChartItem["side"][] = ["first", "second", "global", "other"];

/**
 * The chart as one data_visualization block. Each value is drawn as stated (a range at its lower end, a
 * bound at the bound), and its label carries the mark that says so ("China <4%", "AMD 5–6%"), so that
 * no bar reads as a figure the material does not give; the note beside the chart says what each is drawn at.
 */
export function chartBlock(chart: Chart): DataVisualizationBlock {
  const title = plainText(chart.title.trim() || "Chart", CHART_TITLE_MAX);
  const shown =
    chart.type === "pie" ? chart.items.slice(0, PIE_SEGMENTS_MAX) : chart.items.slice(0, BAR_CATEGORIES_MAX);
  const labels = uniqueLabels(shown.map((i) => [i.label, i.approximate ? itemMark(i, chart.unit) : ""]));
  if (chart.type === "pie") {
    // Slices in the sides' order, so that each side keeps its colour.
    const order = shown
      .map((item, i) => ({ item, label: labels[i] ?? "?" }))
      .sort((a, b) => sideRank(a.item) - sideRank(b.item));
    const segments = order.map(({ item, label }) => ({ label, value: item.value }));
    return { type: "data_visualization", title, chart: { type: "pie", segments } };
  }
  // One series: Slack colours series, not bars, and a series must give every category a value, so a
  // series per side would have to chart a zero the material never gives. The labels say whose bar it is.
  const series = [
    {
      name: plainText(chart.unit.trim() || "Value", CHART_LABEL_MAX),
      data: shown.map((item, i) => ({ label: labels[i] ?? "?", value: item.value })),
    },
  ];
  return {
    type: "data_visualization",
    title,
    chart: {
      type: "bar",
      series,
      axis_config: {
        categories: labels,
        y_label: plainText(chart.unit.trim() || "Value", CHART_AXIS_LABEL_MAX),
      },
    },
  };
}

/**
 * What a chart's figures are drawn at, where inexact, and who says so, when and where: the note under the
 * chart. The source's title is left to the card's footer, which names it once.
 */
export function chartNote(chart: Chart): string {
  const notes = chart.items.map(drawnAs).filter((n): n is string => !!n);
  return [...notes, sourceLine(chart.source, true)].join(" · ");
}

function sideRank(item: ChartItem): number {
  const i = SIDES.indexOf(item.side);
  return i < 0 ? SIDES.length : i;
}

/**
 * Each label with its mark ("China <4%"), escaped and cut to Slack's 20 characters (the name is cut, never
 * the mark), then made unique: Slack pairs data to categories by label.
 */
function uniqueLabels(raw: [string, string][]): string[] {
  const seen = new Set<string>();
  return raw.map(([name, mark], i) => {
    const tail = mark ? ` ${plainText(mark, CHART_LABEL_MAX - 2)}` : "";
    let out = `${plainText(name.trim() || `Item ${i + 1}`, CHART_LABEL_MAX - tail.length)}${tail}`;
    for (let n = 2; seen.has(out); n++) out = `${truncate(out, CHART_LABEL_MAX - ` ${n}`.length)} ${n}`;
    seen.add(out);
    return out;
  });
}

/** The comparison rows as a table: each side's figure as quoted, and the ratio marked as computed. */
export function comparisonTable(comparison: Comparison): TableBlock {
  const cell = (text: string, max = CELL_MAX): RawTextElement => ({
    type: "raw_text",
    text: plainText(text.trim() || "—", max),
  });
  const side = (c: ComparisonCell) =>
    cell(c.value === null && !c.display.trim() ? "not in the material" : c.display);
  const header = [
    cell("Figure"),
    cell(comparison.left.name),
    cell(comparison.right.name),
    cell("Ratio (computed)"),
  ];
  const rows = comparison.rows
    .slice(0, TABLE_ROWS_MAX - 1)
    .map((row) => [
      cell(row.label),
      side(row.left),
      side(row.right),
      cell(row.ratio ? `${row.ratio.display} from ${row.ratio.inputs}` : "—", RATIO_CELL_MAX),
    ]);
  return {
    type: "table",
    rows: [header, ...rows],
    column_settings: [{ is_wrapped: true }, { align: "right" }, { align: "right" }, { is_wrapped: true }],
  };
}
