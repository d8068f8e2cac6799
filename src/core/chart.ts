// Builds a card's platform-neutral chart from its cited figures: Slack draws it natively, Discord as a PNG.
// Every value is a figure quoted from a fact the card cites; where units differ or a side is missing, none.

import type { Fact, Figure } from "../knowledge/schema.js";
import type { Card, Chart, ChartItem, ChartSource, ComparisonCell, ComparisonRow } from "./card.js";
import type { Context } from "./context.js";
import { sourceAndDate, trimNumber } from "./format.js";
import { subjectLabel } from "./subjects.js";

/** Slack's pie and bar charts take at most six segments or series; more would not read at a glance anyway. */
export const CHART_ITEMS_MAX = 6;

/** "Computing power (EFLOPS): US 2400 EFLOPS, China 1053 EFLOPS": the chart in words, as quoted. */
export function chartSummary(chart: Chart): string {
  return `${chart.title} (${chart.unit}): ${chart.items.map((i) => `${i.label} ${i.display}`).join(", ")}`;
}

/** The card with its chart attached when its figures make one; the same card otherwise. */
export function withChart(ctx: Context, card: Card): Card {
  const chart = buildChart(ctx, card);
  return chart ? { ...card, chart } : card;
}

export function buildChart(ctx: Context, card: Card): Chart | undefined {
  const comparison = card.comparison;
  if (!comparison) return undefined;
  const cited = new Set(card.citations.map((c) => c.factId).filter((id): id is string => Boolean(id)));
  for (const row of comparison.rows) {
    const unit = row.unit;
    if (!unit) continue;
    const left = quoted(ctx, cited, row.left, unit);
    const right = quoted(ctx, cited, row.right, unit);
    if (!left || !right || left.fact.id === right.fact.id) continue;
    // Each bar is named by whose figure it is, which is the column's name wherever the figure is the side's own.
    const sides: Quoted[] = [
      { ...left, label: subjectLabel(ctx, left.fact) },
      { ...right, label: subjectLabel(ctx, right.fact) },
    ];
    const extras = sameMeasure(ctx, card, cited, row, sides);
    const all = [...sides, ...extras].slice(0, CHART_ITEMS_MAX);
    const items = all.map((q): ChartItem => {
      const label = q.label;
      return { label, value: q.figure.value, display: q.display, factId: q.fact.id, ...shape(ctx, q) };
    });
    // The two sides keep the card's order; a wider field of shares reads largest first.
    if (extras.length) items.sort((a, b) => b.value - a.value);
    // The ratio divides the two sides, larger first, wherever sorting put them.
    const l = items.find((i) => i.factId === left.fact.id);
    const r = items.find((i) => i.factId === right.fact.id);
    const ratioOf: [string, string] | undefined =
      row.ratio && l && r ? (l.value >= r.value ? [l.label, r.label] : [r.label, l.label]) : undefined;
    return {
      type: isWhole(unit, items) ? "pie" : "bar",
      title: row.metric ?? row.label,
      unit,
      items,
      ...(row.ratio ? { ratio: row.ratio, ...(ratioOf ? { ratioOf } : {}) } : {}),
      source: chartSource(
        ctx,
        all.map((q) => q.fact),
      ),
    };
  }
  return undefined;
}

/** How exact the figure is: a range's upper end, a bound's direction, the fact's side. */
function shape(ctx: Context, q: Quoted): Partial<ChartItem> {
  const { figure, fact } = q;
  const bound = BELOW.has(figure.qualifier ?? "")
    ? "below"
    : ABOVE.has(figure.qualifier ?? "")
      ? "above"
      : undefined;
  const approximate = figure.max !== undefined || !EXACT.has(figure.qualifier ?? "exactly");
  return {
    ...(approximate ? { approximate } : {}),
    ...(figure.max !== undefined ? { max: figure.max } : {}),
    ...(bound ? { bound } : {}),
    side: chartSide(ctx, fact.side),
  };
}

/** Where a fact's side stands in a chart: the first or second of sides.yaml, or a side all packs share. */
function chartSide(ctx: Context, side: string): ChartItem["side"] {
  const i = ctx.knowledge.sides.findIndex((s) => s.id === side);
  return i === 0 ? "first" : i === 1 ? "second" : side === "global" ? "global" : "other";
}

const BELOW = new Set(["less-than", "up-to"]);
const ABOVE = new Set(["over", "at-least"]);

/** "CAICT, early 2025", the source's title and "¶24": who says so and when, then where, each said once. */
function chartSource(ctx: Context, facts: readonly Fact[]): ChartSource {
  const who = [...new Set(facts.map((f) => sourceAndDate(f, ctx.entity)).filter(Boolean))];
  const titles = [...new Set(facts.map((f) => ctx.sourceTitle(f.source) ?? f.source))];
  const paragraphs = [...new Set(facts.map((f) => f.paragraph))].sort((a, b) => a - b);
  return {
    who: who.join("; "),
    title: titles.join("; "),
    paragraphs: paragraphs.map((p) => `¶${p}`).join(", "),
  };
}

/** "Source: TrendForce, Q1 2026 · The … article ¶49"; `short` leaves the title out (a footer names it). */
export function sourceLine(source: ChartSource, short = false): string {
  const where = short ? source.paragraphs : `${source.title} ${source.paragraphs}`;
  return `Source: ${[source.who, where].filter(Boolean).join(" · ")}`;
}

/**
 * The figure as a short mark that keeps its bound or range: "<4%", "5–6%", ">70%", "≈8", "2400".
 * What a chart writes beside a bar, where "less than 4%" drawn at 4 must not read as 4.
 */
export function itemMark(item: ChartItem, unit: string): string {
  const n = (v: number) => (unit === "%" ? `${trimNumber(v)}%` : trimNumber(v));
  if (item.max !== undefined) return `${trimNumber(item.value)}–${n(item.max)}`;
  if (item.bound === "below") return `<${n(item.value)}`;
  if (item.bound === "above") return `>${n(item.value)}`;
  return item.approximate ? `≈${n(item.value)}` : n(item.value);
}

/** What the drawn value of an inexact figure stands for: "less than 4% is drawn at 4, its upper bound". */
export function drawnAs(item: ChartItem): string | undefined {
  if (!item.approximate) return undefined;
  const at = trimNumber(item.value);
  if (item.max !== undefined)
    return `${item.label} ${item.display} is drawn at ${at}, the lower end of its range`;
  if (item.bound === "below") return `${item.label} ${item.display} is drawn at ${at}, its upper bound`;
  if (item.bound === "above") return `${item.label} ${item.display} is drawn at ${at}, its lower bound`;
  return `${item.label} ${item.display} is drawn at ${at}, as stated`;
}

interface Quoted {
  fact: Fact;
  /** The stated value; for a range its lower end (`max` holds the upper), for "less than 4%" the 4. */
  figure: Figure;
  display: string;
  label: string;
}

const EXACT = new Set(["exactly", "only"]);

/** The figure a comparison cell quotes, when its fact is cited and states that very value in `unit`. */
function quoted(
  ctx: Context,
  cited: Set<string>,
  cell: ComparisonCell,
  unit: string,
): Omit<Quoted, "label"> | undefined {
  if (cell.value === null || !Number.isFinite(cell.value) || cell.value < 0 || !cell.factId) return undefined;
  if (!cited.has(cell.factId)) return undefined;
  const fact = ctx.fact(cell.factId);
  const figure = fact?.figures.find((f) => f.unit === unit && f.value === cell.value);
  if (!fact || !figure) return undefined;
  return { fact, figure, display: cell.display.trim() || figure.text };
}

/**
 * Other cited figures of the very same measure and unit among the card's fields (AMD's 5% -6% of the
 * GPU server market next to Nvidia's 68% and China's less than 4%). A fact with several figures in the
 * unit is left out: which one the field shows would be a guess.
 */
function sameMeasure(
  ctx: Context,
  card: Card,
  cited: Set<string>,
  row: ComparisonRow,
  sides: Quoted[],
): Quoted[] {
  const metric = sides[0]?.fact.metric;
  if (!metric || sides.some((s) => s.fact.metric !== metric)) return [];
  const used = new Set(sides.map((s) => s.fact.id));
  const out: Quoted[] = [];
  for (const field of card.fields) {
    if (field.derived || !field.factId || used.has(field.factId) || !cited.has(field.factId)) continue;
    const fact = ctx.fact(field.factId);
    if (!fact || fact.metric !== metric) continue;
    const figures = fact.figures.filter((f) => f.unit === row.unit);
    const figure = figures.length === 1 ? figures[0] : undefined;
    if (!figure || !(figure.value >= 0) || !Number.isFinite(figure.value)) continue;
    used.add(fact.id);
    const display = [field.value, field.unit].filter(Boolean).join(" ").trim() || figure.text;
    out.push({ fact, figure, display, label: subjectLabel(ctx, fact) });
  }
  return out;
}

/**
 * Shares of one whole only when they make it up exactly: a pie rescales its slices to their sum, so a pie
 * of 68%, 5% and 4% would show Nvidia at 88%. Filling the rest in ("others 23%") would invent a figure.
 */
function isWhole(unit: string, items: ChartItem[]): boolean {
  if (unit !== "%" || items.some((i) => i.approximate)) return false;
  const sum = items.reduce((s, i) => s + i.value, 0);
  return Math.abs(sum - 100) < 1e-9;
}
