// Several sources at once: every citation carries its source's title, publisher, date and link, and when two
// sources give different figures for the same thing, the card shows both, each with its source and date,
// the newest first, never one blended into the other.
import type { Fact, Source } from "../knowledge/schema.js";
import type { Card, Citation, Field } from "./card.js";
import type { Context } from "./context.js";
import { citationOf } from "./format.js";

/** "Publisher, 2025-09-08": how a card names a source in a line; the title when there is no publisher. */
export function sourceLabel(c: Pick<Citation, "source" | "sourceTitle" | "publisher" | "published">): string {
  const who = c.publisher ?? c.sourceTitle ?? c.source;
  return c.published ? `${who}, ${c.published}` : who;
}

/** "“Title”, Publisher (Authors), 2025-09-08, https://…": a source in full, for a list of sources. */
export function sourceReference(c: Citation): string {
  const authors = c.authors?.length ? ` (${c.authors.join(", ")})` : "";
  return [
    `“${c.sourceTitle ?? c.source}”`,
    c.publisher ? `${c.publisher}${authors}` : undefined,
    c.published,
    c.url,
  ]
    .filter(Boolean)
    .join(", ");
}

function describe(source: Source | undefined): Partial<Citation> {
  if (!source) return {};
  return {
    sourceTitle: source.title,
    ...(source.publisher ? { publisher: source.publisher } : {}),
    ...(source.authors.length ? { authors: source.authors } : {}),
    ...(source.published ? { published: source.published } : {}),
    ...(source.url ? { url: source.url } : {}),
  };
}

/** The card with each citation's source described, and figures that differ between sources shown side by side. */
export function withSources(ctx: Context, card: Card): Card {
  const sources = new Map(ctx.knowledge.sources.map((s) => [s.id, s]));
  const described = (c: Citation): Citation => ({ ...c, ...describe(sources.get(c.source)) });
  const differing = ctx.knowledge.sources.length > 1 ? otherSourcesSay(ctx, card) : undefined;
  return {
    ...card,
    citations: [...card.citations, ...(differing?.citations ?? [])].map(described),
    fields: differing ? [...card.fields, differing.field] : card.fields,
  };
}

const words = (metric: string) =>
  new Set(
    metric
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );

/** Same subject, unit and measure: two facts that state the same thing. */
function sameMeasure(a: Fact, b: Fact): boolean {
  if (a.entities[0] !== b.entities[0] || a.figures[0]?.unit !== b.figures[0]?.unit) return false;
  const x = words(a.metric);
  const y = words(b.metric);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared > 0 && shared / Math.max(x.size, y.size) >= 0.5;
}

/**
 * When the card's leading fact has a figure and another source gives a different one for the same measure of
 * the same subject: a field listing every source's figure, newest first, and a citation for each other one.
 */
function otherSourcesSay(ctx: Context, card: Card): { field: Field; citations: Citation[] } | undefined {
  if (!["answer", "chip", "model"].includes(card.kind)) return undefined;
  const leadId = card.citations[0]?.factId;
  const lead = leadId ? ctx.fact(leadId) : undefined;
  const figure = lead?.figures[0];
  if (!lead || !figure) return undefined;
  const others = ctx
    .factsAbout(lead.entities[0] ?? "")
    .filter(
      (f) =>
        f.source !== lead.source &&
        f.figures[0] &&
        f.figures[0].value !== figure.value &&
        sameMeasure(lead, f),
    );
  if (others.length === 0) return undefined;
  const date = (f: Fact) => ctx.knowledge.sources.find((s) => s.id === f.source)?.published ?? "";
  const all = [lead, ...others].sort((a, b) => date(b).localeCompare(date(a)));
  const label = (f: Fact) => {
    const s = ctx.knowledge.sources.find((x) => x.id === f.source);
    return (
      `${f.figures[0]?.text} ${f.figures[0]?.unit === "%" ? "" : (f.figures[0]?.unit ?? "")}`.trim() +
      ` (${sourceLabel({ source: f.source, sourceTitle: s?.title, publisher: s?.publisher, published: s?.published })})`
    );
  };
  return {
    field: { label: "Sources differ", value: all.map(label).join(" · "), note: "newest first; not blended" },
    citations: others
      .filter((f) => !card.citations.some((c) => c.factId === f.id))
      .map((f) => citationOf(f, ctx.sourceTitle, ctx.entity)),
  };
}
