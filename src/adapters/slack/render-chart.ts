// A card's chart and comparison rows as Slack's native blocks: data_visualization (bar or pie) and table.
// Both are rolling out: the adapter resends without them on invalid_blocks (see chart-fallback.ts).
// https://docs.slack.dev/reference/block-kit/blocks/data-visualization-block · https://docs.slack.dev/reference/block-kit/blocks/table-block
import type { RawTextElement, TableBlock } from "@slack/types";
import type { Chart, Comparison, ComparisonCell } from "../../core/card.js";
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

/**
 * The chart as one data_visualization block. Values are the figures as stated: a range ("5% -6%") at its
 * lower end, "less than 4%" at 4 (the spec's `display`, with the qualifier, goes into the table beside it).
 */
export function chartBlock(chart: Chart): DataVisualizationBlock {
  const title = plainText(chart.title.trim() || "Chart", CHART_TITLE_MAX);
  const labels = uniqueLabels(chart.items.map((i) => i.label));
  if (chart.type === "pie") {
    const segments = chart.items
      .slice(0, PIE_SEGMENTS_MAX)
      .map((item, i) => ({ label: labels[i] ?? "?", value: item.value }));
    return { type: "data_visualization", title, chart: { type: "pie", segments } };
  }
  const items = chart.items.slice(0, BAR_CATEGORIES_MAX);
  const categories = labels.slice(0, items.length);
  return {
    type: "data_visualization",
    title,
    chart: {
      type: "bar",
      series: [
        {
          name: plainText(chart.unit.trim() || "Value", CHART_LABEL_MAX),
          data: items.map((item, i) => ({ label: categories[i] ?? "?", value: item.value })),
        },
      ],
      axis_config: { categories, y_label: plainText(chart.unit.trim() || "Value", CHART_AXIS_LABEL_MAX) },
    },
  };
}

/** Each label escaped and cut to Slack's 20 characters, then made unique: Slack pairs data to categories by label. */
function uniqueLabels(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((label, i) => {
    let out = plainText(label.trim() || `Item ${i + 1}`, CHART_LABEL_MAX);
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
