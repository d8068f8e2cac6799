// Small pieces every composer uses: citations, figure fields, de-duplication, the footer.
import type { Fact } from "../../knowledge/schema.js";
import type { Citation, Field } from "../card.js";
import type { Context } from "../context.js";
import { citationOf, figureDisplay } from "../format.js";

export const MAX_CITATIONS = 5;
export const MAX_FIELDS = 8;

export function cite(ctx: Context, fact: Fact): Citation {
  return citationOf(fact, ctx.sourceTitle, ctx.entity);
}

/** Citations for facts in the order given, each fact once, at most MAX_CITATIONS. */
export function citeAll(ctx: Context, facts: readonly Fact[]): Citation[] {
  return unique(facts)
    .slice(0, MAX_CITATIONS)
    .map((f) => cite(ctx, f));
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** One field per figure of each fact, labelled by what it measures. */
export function figureFields(facts: readonly Fact[], limit = MAX_FIELDS): Field[] {
  const fields: Field[] = [];
  for (const f of unique(facts)) {
    for (const fig of f.figures) {
      if (fields.length >= limit) return fields;
      fields.push({
        label: fig.label ?? f.metric,
        value: figureDisplay(fig),
        factId: f.id,
        ...(f.as_of ? { note: f.as_of } : {}),
      });
    }
  }
  return fields;
}

export function footerFor(ctx: Context, facts: readonly Fact[]): string {
  const sources = unique(facts.map((f) => f.source)).map((id) => ctx.sourceTitle(id) ?? id);
  const mt = unique(facts.map((f) => f.source)).some((id) =>
    ctx.knowledge.sources.find((s) => s.id === id && s.machine_translation_of),
  );
  return [
    sources.length ? `Source: ${sources.join("; ")}` : "",
    mt ? "quotes are verbatim from a machine translation" : "",
  ]
    .filter(Boolean)
    .join(" · ");
}
