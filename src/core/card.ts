// The platform-neutral answer: every renderer (text, Slack Block Kit, Discord embeds) draws one of these.
// Nothing here knows a platform; limits of each platform live with its renderer.

export type CardKind =
  | "gap"
  | "chip"
  | "model"
  | "compare"
  | "answer"
  | "help"
  | "source"
  | "not_found"
  /** Input the bot will not answer as asked: too long, rate limited, or our own failure. */
  | "error";

export interface Field {
  label: string;
  /** As displayed, e.g. "2,400" or "over 1.2 million". */
  value: string;
  unit?: string;
  note?: string;
  /** The fact the value is quoted from; absent only for derived or descriptive fields. */
  factId?: string;
  /** True when the value is computed (a ratio), not quoted. */
  derived?: boolean;
}

export interface Citation {
  /** The source's id (knowledge/sources.yaml); the JSON contract's `citations[].source`. */
  source: string;
  sourceTitle?: string;
  /** Who published the source, its authors, its date (YYYY-MM-DD) and its link, where known. */
  publisher?: string;
  authors?: string[];
  published?: string;
  url?: string;
  paragraph: number;
  /** Verbatim from the paragraph. */
  quote: string;
  /** Who says so (CAICT, TrendForce…), as a display name. */
  attribution?: string;
  factId?: string;
  /** What the machine-translated quote really means, when it is misleading. */
  note?: string;
}

export interface ComparisonCell {
  /** Null when this side has no figure for the row. */
  value: number | null;
  display: string;
  factId?: string;
}

export interface Ratio {
  value: number;
  /** e.g. "2.3×" */
  display: string;
  derived: true;
  /** e.g. "2400 / 1053" */
  inputs: string;
}

export interface ComparisonRow {
  /** What the row measures, naming whose figures they are where they are not the columns' own. */
  label: string;
  /** What is measured alone ("Parameters"), when the label also names the subjects. */
  metric?: string;
  unit?: string;
  left: ComparisonCell;
  right: ComparisonCell;
  ratio?: Ratio;
}

export interface Comparison {
  left: { name: string; entityId?: string };
  right: { name: string; entityId?: string };
  rows: ComparisonRow[];
}

export interface Suggestion {
  /** Button or list text, e.g. "Ascend 910B". */
  label: string;
  /** The command that runs it, e.g. "/chip Ascend 910B". */
  command: string;
}

/** A paragraph quoted whole: renderers show every character, split over blocks where a platform limits length. */
export interface Passage {
  source: string;
  paragraph: number;
  /** Verbatim, the whole paragraph. */
  text: string;
}

export interface Card {
  kind: CardKind;
  title: string;
  /** One line, at most 240 characters, key figure first. */
  headline: string;
  fields: Field[];
  comparison?: Comparison;
  /** The paragraph itself, in full (/source). */
  passage?: Passage;
  /** Most relevant first. */
  citations: Citation[];
  suggestions: Suggestion[];
  footer?: string;
  /** A chart of the card's cited figures in one unit, when it has two or more (see core/chart.ts). */
  chart?: Chart;
  /**
   * The ranker's score for the fact that leads a free-text answer; the question record keeps it so that
   * an operator can read the answers given on weak evidence. Absent on cards no ranking chose.
   */
  score?: number;
}

/** One bar or pie slice: a figure quoted from one fact, never a derived one. */
export interface ChartItem {
  /** Who or what the figure is about: "US", "Nvidia", "DeepSeek V4 Pro". */
  label: string;
  /**
   * The value drawn: the stated figure, a range ("5% -6%") at its lower end (`max` holds the upper) and a
   * bound ("less than 4%") at the bound (`bound` says which way); `mark` says so wherever it is drawn.
   */
  value: number;
  /** As the quote writes it, with the unit: "2400 EFLOPS", "less than 4%", "5% -6%". */
  display: string;
  /** The cited fact the value is quoted from. */
  factId: string;
  /** True when the bar stands for a range or a bound ("less than", "over"), not an exact value. */
  approximate?: boolean;
  /** A range's upper end: the figure is `value`–`max`. */
  max?: number;
  /** A bound: the figure is below (at most) or above (at least) `value`. */
  bound?: "below" | "above";
  /**
   * The side the figure's fact belongs to, by its place in sides.yaml (the first side, the second) or a
   * side every pack shares: each of the two sides keeps one colour in every chart.
   */
  side?: "first" | "second" | "global" | "other";
}

export interface ChartSource {
  /** "CAICT, early 2025"; "" where the material names no one and no date. */
  who: string;
  /** "The computing power challenge…"; several sources' titles joined with "; ". */
  title: string;
  /** "¶24" or "¶48, ¶49". */
  paragraphs: string;
}

export interface Chart {
  /** A pie only when the shares given make up one whole (they sum to 100%); bars otherwise. */
  type: "bar" | "pie";
  /** What is measured: "Computing power". */
  title: string;
  /** The one unit every item is in. */
  unit: string;
  /** Two or more: the two sides in the card's order, or, past two, largest first. */
  items: ChartItem[];
  /** The card's computed ratio of two items, shown as text (marked computed), never as a bar. */
  ratio?: Ratio;
  /** The labels of the two items the ratio divides, larger first as the ratio is. */
  ratioOf?: [string, string];
  /** Who says so and when ("CAICT, early 2025"), and where: the source's title and its paragraphs. */
  source: ChartSource;
}

export const HEADLINE_MAX = 240;
