// The what-is frame: "what is X?", "define X". A term the material measures in but never defines (a unit)
// is not in the material: it says so, and cites where the material uses the term, rather than a neighbour.
import type { Fact } from "../../knowledge/schema.js";
import type { Card } from "../card.js";
import { notFoundCard } from "../compose/not-found.js";
import { citeAll } from "../compose/shared.js";
import type { Context } from "../context.js";
import type { Mention } from "../entities.js";
import { normalize } from "../text.js";

/** The term a "what is X?" question asks about, when it names no thing of the material. */
export function termAsked(ctx: Context, question: string, mentions: readonly Mention[]): string | undefined {
  if (mentions.length) return undefined;
  const text = normalize(question);
  for (const re of ctx.cues.what_is.each) {
    const term = re.exec(text)?.groups?.term;
    if (term) return term;
  }
  return undefined;
}

/** The unit the term names, when it is one of the material's units ("tonnes" → tonnes). */
function unitNamed(ctx: Context, term: string): string | undefined {
  return ctx.knowledge.vocabulary.units.known.find((u) => u.toLowerCase() === term.toLowerCase());
}

/** A sentence of the material that defines the term ("<term> is…"), if any. */
function defined(ctx: Context, term: string): boolean {
  const defines = new RegExp(
    `\\b${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")},? (?:${ctx.cues.defines.any.source})`,
    "iu",
  );
  for (const lines of ctx.knowledge.paragraphs.values())
    for (const line of lines) if (defines.test(line)) return true;
  return false;
}

/**
 * True when `text` is the sentence defining `term`: it opens with the term ("A landing station is…", "PUE, or
 * power usage effectiveness, is…") and a defining verb follows.
 */
export function definesTerm(ctx: Context, term: string, text: string): boolean {
  const t = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/s$/, "");
  return new RegExp(
    `^(?:an? |the )?${t}(?:e?s)?(?:,? or [^,]{2,60},| \\([^)]{1,40}\\))? (?:${ctx.cues.defines.any.source})`,
    "iu",
  ).test(normalize(text));
}

/**
 * The miss for a unit asked to be defined that the material never defines; undefined for any other
 * term, which the general reading answers (a topic, a thing, a word the material explains).
 */
export function undefinedTermCard(ctx: Context, term: string): Card | undefined {
  const unit = unitNamed(ctx, term);
  if (!unit || defined(ctx, term)) return undefined;
  const using: Fact[] = ctx.knowledge.facts.filter((f) => f.figures.some((g) => g.unit === unit)).slice(0, 2);
  const card = notFoundCard(
    ctx,
    `Not in the material: it gives figures in ${unit} but does not say what ${unit} is.`,
    [],
  );
  return {
    ...card,
    fields: using.map((f) => ({ label: `Nearby: ${f.metric}`, value: f.claim, factId: f.id })),
    citations: citeAll(ctx, using),
    footer: "The material says this nearby, but not what was asked.",
  };
}
