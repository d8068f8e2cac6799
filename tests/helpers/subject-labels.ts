// Finds every place a card puts a figure on a subject (a table cell under a column, a chart bar, a field's
// label, a title) and names the ones where that subject is not the one the fact gives the figure to.
import type { Card } from "../../src/core/card.js";
import type { Fact, Knowledge } from "../../src/knowledge/schema.js";
import { subjectOf } from "../../src/knowledge/subject.js";

/** Every name a label may use for the fact's subject: its name, its aliases, its side's label. */
function namesOf(k: Knowledge, f: Fact): string[] {
  const entity = (id: string) => k.entities.find((e) => e.id === id);
  const s = subjectOf(f, entity);
  if (s.kind === "article") return [s.entity?.name ?? "The article"];
  const side = k.sides.find((x) => x.entity === s.id);
  return [s.entity?.name, ...(s.entity?.aliases ?? []), side?.label].filter((n): n is string => !!n);
}

const starts = (text: string, names: readonly string[]) =>
  names.some((n) => text.toLowerCase().startsWith(n.toLowerCase()));

/** The misplaced labels of a card, one line each; empty when every figure sits on its own subject. */
export function misplacedLabels(k: Knowledge, card: Card): string[] {
  const fact = (id: string | undefined) => k.facts.find((f) => f.id === id);
  const out: string[] = [];
  const c = card.comparison;
  for (const row of c?.rows ?? []) {
    for (const [cell, column] of [
      [row.left, c?.left],
      [row.right, c?.right],
    ] as const) {
      const f = fact(cell.factId);
      if (!f || !column) continue;
      const s = subjectOf(f, (id) => k.entities.find((e) => e.id === id));
      // Under a column that is not its subject, the row must name whose figure it is.
      if (s.id !== column.entityId && !namesOf(k, f).some((n) => row.label.includes(n)))
        out.push(`row "${row.label}": ${f.id} under ${column.name}`);
    }
  }
  for (const item of card.chart?.items ?? []) {
    const f = fact(item.factId);
    if (f && !namesOf(k, f).includes(item.label)) out.push(`chart bar "${item.label}": ${f.id}`);
  }
  for (const field of card.fields) {
    const f = fact(field.factId);
    // Fields that state a figure; claims in words name their own subjects.
    if (!f || field.value === f.claim) continue;
    const names = namesOf(k, f);
    const prefix = field.label.includes(" · ") ? field.label.split(" · ")[0] : undefined;
    const ok =
      prefix !== undefined ? names.includes(prefix) : starts(field.label, names) || starts(card.title, names);
    if (!ok) out.push(`field "${field.label}" on "${card.title}": ${f.id}`);
  }
  return out;
}
