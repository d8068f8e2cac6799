// Card → Slack message: Block Kit blocks plus the text fallback. Pure (no SDK at run time), so the
// adapter, `gapbot render --platform slack` and the tests all get the very same payload.
// https://docs.slack.dev/block-kit · https://docs.slack.dev/reference/block-kit/blocks
import type { Button, ContextBlock, KnownBlock, SectionBlock } from "@slack/types";
import { pairBars } from "../../core/bars.js";
import type {
  Card,
  Citation,
  Comparison,
  ComparisonCell,
  ComparisonRow,
  Field,
  Passage,
} from "../../core/card.js";
import { splitText } from "../../core/format.js";
import { renderText } from "../../core/render-text.js";
import { sourceLabel } from "../../core/sources.js";
import { actions, button, chunk, context, divider, fieldsSection, header, section } from "./blocks.js";
import { mrkdwn, mrkdwnText, plain, plainText } from "./escape.js";
import {
  CONTEXT_ELEMENTS_MAX,
  CONTEXT_TEXT_MAX,
  capList,
  MESSAGE_BLOCKS_MAX,
  SECTION_FIELD_TEXT_MAX,
  SECTION_FIELDS_MAX,
  SECTION_TEXT_MAX,
  TEXT_FALLBACK_MAX,
  truncate,
} from "./limits.js";
import { chartBlock, chartNote, comparisonTable, type DataVisualizationBlock } from "./render-chart.js";
import { feedbackBlock } from "./render-feedback.js";
import { buttonValue } from "./requests.js";

export { renderSlackHome, type SlackHomeView } from "./render-home.js";
export { renderSlackSources } from "./render-sources.js";

/** What chat.postMessage, respond() and the preview CLI send: blocks, and text for notifications. */
export interface SlackMessage {
  text: string;
  blocks: object[];
}

export interface SlackRenderOptions {
  /** Only the asker sees it: adds "Share in channel". */
  ephemeral?: boolean;
  /**
   * The query line the card answers ("/chip 910B", or the question as typed). "Show sources" and
   * "Share in channel" carry it so that a click recomputes the card; without it they are left out.
   */
  query?: string;
  /**
   * Slack's native chart and table blocks for a card that carries a chart (true, the default). They are
   * rolling out: false draws the comparison as text bars instead, for a workspace that answered
   * invalid_blocks.
   */
  charts?: boolean;
  /**
   * 👍/👎 under the answer, carrying the id of its recorded question; left out without one (the record is
   * off). Slack's own feedback buttons (a context_actions block) unless `nativeFeedback` is false, for a
   * workspace that rejected them: then two plain buttons.
   */
  feedback?: { answerId: string };
  nativeFeedback?: boolean;
}

export const ACTION_SHOW_SOURCES = "gapbot_sources";
/** Cards that answer something, and so may be shared in the channel. */
const SHAREABLE: ReadonlySet<Card["kind"]> = new Set(["gap", "chip", "model", "compare", "answer", "source"]);
export const ACTION_SHARE = "gapbot_share";
/** Suggestion buttons are `gapbot_run_0`, `gapbot_run_1`…: action ids must differ within a message. */
export const ACTION_RUN_PREFIX = "gapbot_run_";
export { ACTION_FEEDBACK, ACTION_VOTE_DOWN, ACTION_VOTE_UP } from "./render-feedback.js";

/** Suggestion buttons under one answer: a reading choice (an actions block would take 25). */
export const SUGGESTION_BUTTONS_MAX = 5;
/** Fields shown before "…and N more": two sections' worth. */
export const FIELDS_SHOWN_MAX = 2 * SECTION_FIELDS_MAX;

/** Sections a passage may take: 30,000 characters, far past any paragraph, inside the 50-block limit. */
const PASSAGE_SECTIONS_MAX = 10;
/** Blocks that may follow the body: citations, footer, divider, actions (and feedback, counted apart). */
const TAIL_BLOCKS = 4;
// Budgets for each piece of a field or row, so the composed text stays far inside its limit.
const LABEL_MAX = 200;
const VALUE_MAX = 1000;
const NOTE_MAX = 600;
const NAME_MAX = 24;
const DISPLAY_MAX = 120;
const RATIO_MAX = 400;

export function renderSlack(card: Card, options: SlackRenderOptions = {}): SlackMessage {
  const blocks: (KnownBlock | DataVisualizationBlock)[] = [header(card.title)];
  if (card.headline.trim()) blocks.push(section(plain(plainText(card.headline.trim(), SECTION_TEXT_MAX))));
  blocks.push(...passageSections(card.passage));
  const fields = fieldSections(card.fields);
  const tail = TAIL_BLOCKS + (options.feedback ? 1 : 0);
  const rowBudget = MESSAGE_BLOCKS_MAX - blocks.length - fields.length - tail;
  if (card.chart && options.charts !== false) {
    blocks.push(...fields, chartBlock(card.chart));
    blocks.push(context([mrkdwn(mrkdwnText(chartNote(card.chart), CONTEXT_TEXT_MAX))]));
    if (card.comparison?.rows.length) blocks.push(comparisonTable(card.comparison));
  } else blocks.push(...fields, ...comparisonSections(card.comparison, rowBudget));
  const sources = citationContext(card.citations);
  if (sources) blocks.push(sources);
  if (card.footer?.trim()) blocks.push(context([mrkdwn(mrkdwnText(card.footer.trim(), CONTEXT_TEXT_MAX))]));
  const buttons = answerButtons(card, options);
  if (buttons.length) blocks.push(divider(), actions(buttons));
  if (options.feedback)
    blocks.push(feedbackBlock(options.feedback.answerId, options.nativeFeedback !== false));
  // The fallback is what notifications show; the suggestions are buttons here, not text to read.
  return { text: mrkdwnText(renderText(card, { suggestions: false }), TEXT_FALLBACK_MAX), blocks };
}

/** The passage whole, in as many plain_text sections as its escaped length needs: never cut. */
function passageSections(passage: Passage | undefined): SectionBlock[] {
  if (!passage?.text.trim()) return [];
  const pieces = splitText(passage.text.trim(), SECTION_TEXT_MAX, (t) => plainText(t, Infinity).length);
  return pieces.slice(0, PASSAGE_SECTIONS_MAX).map((t) => section(plain(plainText(t, SECTION_TEXT_MAX))));
}

function fieldSections(fields: Field[]): SectionBlock[] {
  const texts = capList(fields.map(fieldText), FIELDS_SHOWN_MAX, (hidden) => `…and ${hidden} more`);
  return chunk(texts.map(mrkdwn), SECTION_FIELDS_MAX).map(fieldsSection);
}

/** `*label*\nvalue unit`, marked when computed, with the note in italics. */
function fieldText(f: Field): string {
  const value =
    [f.value, f.unit]
      .map((s) => s?.trim())
      .filter(Boolean)
      .join(" ") || "—";
  const lines: string[] = [];
  if (f.label.trim()) lines.push(`*${mrkdwnText(f.label.trim(), LABEL_MAX)}*`);
  lines.push(`${mrkdwnText(value, VALUE_MAX)}${f.derived ? " _(computed)_" : ""}`);
  if (f.note?.trim()) lines.push(`_${mrkdwnText(f.note.trim(), NOTE_MAX)}_`);
  return truncate(lines.join("\n"), SECTION_FIELD_TEXT_MAX);
}

function comparisonSections(comparison: Comparison | undefined, budget: number): SectionBlock[] {
  if (!comparison || budget <= 0) return [];
  const texts = comparison.rows.map((row) => rowText(comparison, row));
  return capList(texts, budget, (hidden) => `…and ${hidden} more rows`).map((t) => section(mrkdwn(t)));
}

/**
 * One comparison row: the label, then a monospaced bar for each side scaled to the larger value,
 * then the ratio marked as computed, with its inputs.
 */
function rowText(comparison: Comparison, row: ComparisonRow): string {
  const [left, right] = [comparison.left.name, comparison.right.name].map((n) =>
    mrkdwnText(n.trim() || "?", NAME_MAX),
  ) as [string, string];
  const width = Math.max(left.length, right.length);
  // The terminal's bars, scaled to the larger side; padded so that both figures line up.
  // Bars only when both sides have a figure: one side against nothing is no comparison.
  const bars = pairBars(row.left.value, row.right.value);
  const barWidth = Math.max(...bars.map((b) => b.length));
  const line = (name: string, cell: ComparisonCell, drawnBar: string): string => {
    const drawn = barWidth > 0 ? `${drawnBar.padEnd(barWidth)} ` : "";
    return `${name.padEnd(width)}  ${drawn}${mrkdwnText(cellText(cell), DISPLAY_MAX)}`;
  };
  const lines = [
    `*${mrkdwnText(row.label.trim() || "Figure", LABEL_MAX)}*`,
    `\`\`\`${line(left, row.left, bars[0] ?? "")}\n${line(right, row.right, bars[1] ?? "")}\`\`\``,
  ];
  if (row.ratio) {
    const ratio = `Ratio ${row.ratio.display}, computed from ${row.ratio.inputs}`;
    lines.push(`_${mrkdwnText(ratio, RATIO_MAX)}_`);
  }
  return truncate(lines.join("\n"), SECTION_TEXT_MAX);
}

/** The core composes each side's display with its unit ("2400 EFLOPS"); a missing side says so. */
function cellText(cell: ComparisonCell): string {
  if (cell.value === null && !cell.display.trim()) return "not in the material";
  return cell.display.trim() || "—";
}

/**
 * Who says so and where: "CAICT ¶24", one element per source of the claim, at most 10. Where the material
 * names no one, the paragraph stands alone: the footer already names the source, and one title said twice
 * is noise. With several sources, each is named short (publisher and date, or its id), so that "¶9" says which;
 * the footer names them in full.
 */
function citationContext(citations: Citation[]): ContextBlock | undefined {
  if (!citations.length) return undefined;
  const many = new Set(citations.map((c) => c.source)).size > 1;
  const byWho = new Map<string, number[]>();
  for (const c of citations) {
    const who = c.attribution?.trim() || (many ? (c.publisher ? sourceLabel(c) : c.source) : "");
    const paragraphs = byWho.get(who) ?? [];
    if (!paragraphs.includes(c.paragraph)) paragraphs.push(c.paragraph);
    byWho.set(who, paragraphs);
  }
  const labels = [...byWho].map(([who, paragraphs]) =>
    `${who ? `${mrkdwnText(who, LABEL_MAX)} ` : ""}${paragraphs.map((p) => `¶${p}`).join(", ")}`.trim(),
  );
  const shown = capList(labels, CONTEXT_ELEMENTS_MAX, (hidden) => `…and ${hidden} more`);
  return context(shown.map((t) => mrkdwn(truncate(t, CONTEXT_TEXT_MAX))));
}

function answerButtons(card: Card, options: SlackRenderOptions): Button[] {
  const buttons: Button[] = [];
  const value = options.query === undefined ? undefined : buttonValue(options.query);
  if (value && card.citations.length > 0) buttons.push(button("Show sources", ACTION_SHOW_SOURCES, value));
  // Only an answer is worth sharing: not the manual, a miss or an apology.
  if (value && options.ephemeral && SHAREABLE.has(card.kind)) {
    buttons.push(button("Share in channel", ACTION_SHARE, value, "primary"));
  }
  card.suggestions.slice(0, SUGGESTION_BUTTONS_MAX).forEach((s, i) => {
    const run = buttonValue(s.command);
    if (run && s.label.trim()) buttons.push(button(s.label.trim(), `${ACTION_RUN_PREFIX}${i}`, run));
  });
  return buttons;
}
