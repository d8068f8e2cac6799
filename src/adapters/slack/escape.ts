// Card text → Slack text that can ping no one and format nothing it did not mean to.
// https://docs.slack.dev/messaging/formatting-message-text#escaping

import type { MrkdwnElement, PlainTextElement } from "@slack/types";
import { unlink } from "../../core/unlink.js";
import { truncate } from "./limits.js";

/** Slack reads `<…>` as mentions and links (`<!channel>`, `<@U1>`, `<http://x|y>`), so these three go. */
export function escapeEntities(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The inverse, for text Slack sends us (message and command text arrive with these three escaped). */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * mrkdwn has no escape character, so formatting characters in echoed text become look-alikes
 * (the approach of jsx-slack's <Escape>): `*x*` cannot turn bold, `` `x` `` cannot open code.
 * Run on already entity-escaped text: a leading `&gt;` would start a block quote.
 */
export function neutraliseFormatting(escaped: string): string {
  return escaped
    .replace(/\*/g, "\u2217") // ∗
    .replace(/_/g, "\u02cd") // ˍ
    .replace(/~/g, "\u223c") // ∼
    .replace(/`/g, "\u02cb") // ˋ
    .replace(/^(\s*)&gt;/gm, "$1\u00ad&gt;"); // soft hyphen: no longer at the start of the line
}

/** Card text for a mrkdwn field: no link, escaped, neutralised, and cut to `max` after escaping. */
export function mrkdwnText(text: string, max: number): string {
  return truncate(neutraliseFormatting(escapeEntities(unlink(text))), max);
}

/** Card text for a plain_text field: no link, escaped (Slack decodes the entities there too), cut to `max`. */
export function plainText(text: string, max: number): string {
  return truncate(escapeEntities(unlink(text)), max);
}

/** A mrkdwn object whose text we composed (already safe); verbatim stops Slack auto-linking URLs and #names. */
export function mrkdwn(safeText: string): MrkdwnElement {
  return { type: "mrkdwn", text: safeText, verbatim: true };
}

export function plain(safeText: string): PlainTextElement {
  return { type: "plain_text", text: safeText, emoji: true };
}
