// The "Show sources" reply: each citation's verbatim quote, with who says it and where (¶N).
// Quotes go in plain_text so that no mrkdwn can alter them: what the reader sees is the source's text.
import type { KnownBlock } from "@slack/types";
import type { Card } from "../../core/card.js";
import { sourceLabel } from "../../core/sources.js";
import { context, section } from "./blocks.js";
import { mrkdwn, mrkdwnText, plain, plainText } from "./escape.js";
import { CONTEXT_TEXT_MAX, SECTION_TEXT_MAX, TEXT_FALLBACK_MAX } from "./limits.js";
import type { SlackMessage } from "./render.js";

/** Two blocks per quote, inside the 50-block message limit with room for the title and "and N more". */
export const SOURCES_SHOWN_MAX = 20;

export function renderSlackSources(card: Card): SlackMessage {
  const blocks: KnownBlock[] = [
    section(mrkdwn(`*Sources* · ${mrkdwnText(card.title.trim() || "gapbot", 200)}`)),
  ];
  if (!card.citations.length) blocks.push(section(plain("This answer quotes no source.")));
  const shown = card.citations.slice(0, SOURCES_SHOWN_MAX);
  for (const c of shown) {
    blocks.push(section(plain(plainText(`“${c.quote}”`, SECTION_TEXT_MAX))));
    const where = [
      c.attribution?.trim(),
      `${c.sourceTitle?.trim() || c.source} ¶${c.paragraph}`,
      c.publisher || c.published ? sourceLabel({ ...c, sourceTitle: undefined }) : undefined,
      c.url,
      c.factId ? `fact ${c.factId}` : undefined,
    ]
      .filter(Boolean)
      .join(" · ");
    const elements = [mrkdwn(mrkdwnText(where, CONTEXT_TEXT_MAX))];
    if (c.note?.trim())
      elements.push(mrkdwn(`_${mrkdwnText(`Note: ${c.note.trim()}`, CONTEXT_TEXT_MAX - 2)}_`));
    blocks.push(context(elements));
  }
  const hidden = card.citations.length - shown.length;
  if (hidden > 0) {
    blocks.push(
      context([mrkdwn(mrkdwnText(`…and ${hidden} more: /source <paragraph> shows any of them.`, 200))]),
    );
  }
  const lines = [
    `Sources for ${card.title}`,
    ...card.citations.map((c) => `[${c.source} ¶${c.paragraph}] "${c.quote}"`),
  ];
  return { text: mrkdwnText(lines.join("\n"), TEXT_FALLBACK_MAX), blocks };
}
