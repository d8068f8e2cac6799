// The chart of a card as the image of its Discord embed: the message JSON names the PNG uploaded with it
// (multipart) as `attachment://chart.png`. Pure; the PNG itself comes from src/charts/png.ts.
// https://discord.com/developers/docs/reference#uploading-files · https://discord.com/developers/docs/resources/message#embed-object-embed-image-structure
import type { Card, Chart, ComparisonRow } from "../../core/card.js";
import { chartSummary } from "../../core/chart.js";
import { safeText } from "./escape.js";
import { ATTACHMENT_DESCRIPTION_MAX, truncate } from "./limits.js";
import { type DiscordMessage, type DiscordRenderOptions, renderDiscord } from "./render.js";

export const CHART_FILENAME = "chart.png";

/**
 * The message the adapter sends for a card: with a chart, its first embed shows the PNG uploaded with it.
 * `gapbot render --platform discord` prints this very JSON; the PNG bytes go alongside (chart-reply.ts).
 */
export function renderDiscordMessage(card: Card, options: DiscordRenderOptions = {}): DiscordMessage {
  if (!card.chart) return renderDiscord(card, options);
  // The picture draws the rows and figures it charts (its alt text says them): as fields too, they would
  // be stated again under a headline that already states them.
  const charted = new Set(card.chart.items.map((i) => i.factId));
  const drawn = (row: ComparisonRow) =>
    charted.has(row.left.factId ?? "") && charted.has(row.right.factId ?? "");
  const fields = card.fields.filter((f) => !charted.has(f.factId ?? ""));
  const shown = card.comparison
    ? {
        ...card,
        fields,
        comparison: { ...card.comparison, rows: card.comparison.rows.filter((r) => !drawn(r)) },
      }
    : { ...card, fields };
  return withChartImage(renderDiscord(shown, options), card.chart);
}

/** The message with its first embed showing the chart, and the upload it refers to (index 0). */
export function withChartImage(message: DiscordMessage, chart: Chart): DiscordMessage {
  const [first, ...rest] = message.embeds;
  if (!first) return message;
  return {
    ...message,
    embeds: [{ ...first, image: { url: `attachment://${CHART_FILENAME}` } }, ...rest],
    attachments: [{ id: "0", filename: CHART_FILENAME, description: chartAltText(chart) }],
  };
}

/** What a screen reader says for the picture: the figures as quoted, and the ratio marked as computed. */
export function chartAltText(chart: Chart): string {
  const ratio = chart.ratio ? `; ratio ${chart.ratio.display}, computed from ${chart.ratio.inputs}` : "";
  const kind = chart.type === "pie" ? "Pie chart" : "Bar chart";
  // Alt text shows no markdown; safeText only keeps mentions and markup out of it.
  return truncate(safeText(`${kind}, ${chartSummary(chart)}${ratio}`), ATTACHMENT_DESCRIPTION_MAX);
}
