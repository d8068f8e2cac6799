// Plain-text rendering of a Card: the terminal's output and the text fallback of every platform message.
import { pairBars } from "./bars.js";
import type { Card } from "./card.js";
import { sourceReference } from "./sources.js";

export function renderText(card: Card, options: { suggestions?: boolean } = {}): string {
  const out: string[] = [card.title, card.headline];
  if (card.passage) out.push("", card.passage.text);
  if (card.comparison?.rows.length) {
    const { left, right, rows } = card.comparison;
    const width = Math.max(left.name.length, right.name.length);
    for (const row of rows) {
      const [leftBar, rightBar] = pairBars(row.left.value, row.right.value);
      out.push(
        "",
        `${row.label}${row.unit && !["%", "USD", "fraction", "times"].includes(row.unit) ? ` (${row.unit})` : ""}`,
      );
      out.push(`  ${left.name.padEnd(width)}  ${leftBar} ${row.left.display}`.trimEnd());
      out.push(`  ${right.name.padEnd(width)}  ${rightBar} ${row.right.display}`.trimEnd());
      if (row.ratio) out.push(`  ratio ${row.ratio.display} (computed: ${row.ratio.inputs})`);
    }
  }
  if (card.fields.length) {
    out.push("");
    for (const f of card.fields)
      out.push(`• ${f.label}: ${f.value}${f.unit ? ` ${f.unit}` : ""}${f.note ? ` (${f.note})` : ""}`);
  }
  if (card.citations.length) {
    out.push("", "Sources:");
    for (const c of card.citations) {
      out.push(`  [${c.source} ¶${c.paragraph}${c.attribution ? `, ${c.attribution}` : ""}] “${c.quote}”`);
      if (c.note) out.push(`    note: ${c.note}`);
    }
    // Each source once, in full, when a card cites one that says who published it.
    const described = card.citations.filter(
      (c, i) => (c.publisher || c.url) && card.citations.findIndex((d) => d.source === c.source) === i,
    );
    for (const c of described) out.push(`  [${c.source}] ${sourceReference(c)}`);
  }
  if (options.suggestions !== false && card.suggestions.length) {
    out.push("", `Try: ${card.suggestions.map((s) => s.command).join("  ·  ")}`);
  }
  if (card.footer) out.push("", card.footer);
  return out.join("\n");
}
