// Small pieces every composer uses: citations, figure fields, de-duplication, the footer.
import type { Entity, Fact } from "../../knowledge/schema.js";
import type { Citation, Field, Suggestion } from "../card.js";
import type { Context } from "../context.js";
import { citationOf, figureDisplay } from "../format.js";
import { figureOf, labelWithSubject, subjectLabel } from "../subjects.js";
import { HAN, nameKey } from "../text.js";

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

/**
 * "¶24 in full": the whole paragraph a fact is quoted from. "Show sources" gives the quotes themselves, so
 * a suggestion offers what they do not: the rest of the paragraph.
 */
export function paragraphSuggestion(ctx: Context, f: Fact): Suggestion {
  const first = ctx.knowledge.sources[0]?.id === f.source;
  return {
    label: `¶${f.paragraph} in full`,
    command: `/source ${first ? "" : `${f.source}#`}${f.paragraph}`,
  };
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * One field per figure of each fact, labelled by what it measures; `owner`: the card's subject, so that a
 * figure whose subject is another (a group it belongs to, a product, a rival) is labelled with that subject.
 */
export function figureFields(
  facts: readonly Fact[],
  limit = MAX_FIELDS,
  owner?: { ctx: Context; id: string },
): Field[] {
  const fields: Field[] = [];
  for (const f of unique(facts)) {
    for (const fig of f.figures) {
      if (fields.length >= limit) return fields;
      const label = fig.label ?? f.metric;
      fields.push({
        label:
          owner && !figureOf(owner.ctx, f, owner.id)
            ? labelWithSubject(subjectLabel(owner.ctx, f), label)
            : label,
        value: figureDisplay(fig),
        factId: f.id,
        ...(f.as_of ? { note: f.as_of } : {}),
      });
    }
  }
  return fields;
}

/**
 * "Source: … · quotes are verbatim from a machine translation", and, for the lead fact (the first), the
 * names its quote writes otherwise than the card does (the article's translation garbles many), so that
 * the reader can match the card to the quote. A note of its own, never inside a headline.
 * `first`: the card's subject, noted even where the lead's line does not name it.
 */
export function footerFor(ctx: Context, facts: readonly Fact[], first?: Entity): string {
  const sources = unique(facts.map((f) => f.source)).map((id) => ctx.sourceTitle(id) ?? id);
  const mt = unique(facts.map((f) => f.source)).some((id) => ctx.source(id)?.machine_translation_of);
  const lead = facts[0];
  return [
    lead ? spellingNote(ctx, lead, first) : "",
    sources.length ? `Source: ${sources.join("; ")}` : "",
    mt ? "quotes are verbatim from a machine translation" : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

/** "The source writes “M. Quill” for Mara Quill", or "" when it writes every name as the card does. */
export function spellingNote(ctx: Context, f: Fact, first?: Entity): string {
  const pairs = sourceSpellings(ctx, f, first);
  if (pairs.length === 0) return "";
  return `The source writes ${pairs.map(([written, name]) => `“${written}” for ${name}`).join(", ")}`;
}

const spellings = new WeakMap<Fact, Map<string, [string, string][]>>();

/** The source's own names for the things the line names otherwise, with the names the line uses; per fact. */
function sourceSpellings(ctx: Context, f: Fact, first?: Entity): [string, string][] {
  let byFirst = spellings.get(f);
  if (!byFirst) {
    byFirst = new Map();
    spellings.set(f, byFirst);
  }
  const cached = byFirst.get(first?.id ?? "");
  if (cached) return cached;
  const quote = nameKey(f.quote);
  const claim = nameKey(f.claim);
  // Who says it is often named just outside the quote ("According to data from Jibang Consulting, …").
  const paragraph = nameKey(ctx.knowledge.paragraphs.get(f.source)?.[f.paragraph - 1] ?? f.quote);
  const named = unique([
    ...(first ? [first] : []),
    ...[f.attribution, ...f.entities].map((id) => (id ? ctx.entity(id) : undefined)),
  ]).filter((e): e is Entity => !!e && e.kind !== "country");
  const out: [string, string][] = [];
  for (const e of named) {
    const source = e.id === f.attribution ? paragraph : quote;
    const own = [e.name, ...e.aliases].map(nameKey).filter((k) => k && !HAN.test(k));
    const inLine = own.filter((k) => claim.includes(k));
    // The line names it, and the source does not write it the same way.
    if ((e !== first && inLine.length === 0) || inLine.some((k) => source.includes(k))) continue;
    const written = e.aliases
      .filter((a) => !HAN.test(a) && source.includes(nameKey(a)))
      // A name written in the singular or plural, or followed by words that describe it ("<product> cluster"),
      // is the same name written out, no other name.
      .filter((a) => !sameName(nameKey(a), [nameKey(e.name), ...inLine]))
      .sort((a, b) => b.length - a.length)[0];
    if (written) out.push([written, e.name]);
  }
  byFirst.set(first?.id ?? "", out);
  return out;
}

/** True when one name contains the other, or both carry the same model number. */
function sameName(a: string, others: readonly string[]): boolean {
  const codes = (k: string) => k.split(" ").filter((w) => /\d/.test(w));
  return others.some((o) => o.includes(a) || a.includes(o) || codes(a).some((c) => codes(o).includes(c)));
}

/**
 * A memo kept with each context: `make` runs once per key, on first use, and its result lives as long as
 * the context. For lookups that need a pass over the material but never change for a given knowledge.
 */
export function perContext<T>(): (ctx: Context, key: string, make: () => T) => T {
  const caches = new WeakMap<Context, Map<string, T>>();
  return (ctx, key, make) => {
    let cache = caches.get(ctx);
    if (!cache) {
      cache = new Map();
      caches.set(ctx, cache);
    }
    let value = cache.get(key);
    if (value === undefined) {
      value = make();
      cache.set(key, value);
    }
    return value;
  };
}
