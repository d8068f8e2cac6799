// What every card must satisfy, whatever the question: used by the core's tests and the property tests.
import { expect } from "vitest";
import type { Card } from "../../src/core/card.js";
import type { Knowledge } from "../../src/knowledge/schema.js";

export const KINDS = ["gap", "chip", "model", "compare", "answer", "help", "source", "not_found", "error"];

const norm = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim();

/** A valid card: known kind, a headline within 240 characters, every quote verbatim in its paragraph. */
export function expectValidCard(card: Card, knowledge: Knowledge): void {
  expect(KINDS).toContain(card.kind);
  expect(card.title.length).toBeGreaterThan(0);
  expect(card.headline.length).toBeGreaterThan(0);
  expect(card.headline.length).toBeLessThanOrEqual(240);
  for (const c of card.citations) {
    const paragraph = knowledge.paragraphs.get(c.source)?.[c.paragraph - 1];
    expect(paragraph, `${c.source} ¶${c.paragraph}`).toBeDefined();
    expect(norm(paragraph ?? "")).toContain(norm(c.quote));
  }
  // A miss may cite what the material says nearby, but only as that: it answers nothing.
  if (card.kind === "not_found")
    for (const f of card.fields.filter((x) => x.factId)) expect(f.label).toMatch(/^Nearby\b/);
  for (const row of card.comparison?.rows ?? []) {
    if (row.ratio) {
      expect(row.ratio.derived).toBe(true);
      expect(row.ratio.inputs).toMatch(/\//);
    }
  }
}
