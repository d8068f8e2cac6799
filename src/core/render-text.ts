// Plain-text rendering of a Card: the terminal's output and every platform message's text fallback.
import type { Card } from "./card.js";

export function renderText(card: Card): string {
  const lines = [card.title, card.headline];
  for (const f of card.fields) lines.push(`  ${f.label}: ${f.value}${f.unit ? ` ${f.unit}` : ""}`);
  for (const c of card.citations) lines.push(`  [${c.source} ¶${c.paragraph}] "${c.quote}"`);
  return lines.join("\n");
}
