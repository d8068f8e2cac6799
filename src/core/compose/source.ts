// /source: the verbatim text behind a fact id or a paragraph number, in its context.
import type { Fact } from "../../knowledge/schema.js";
import type { Card, Suggestion } from "../card.js";
import { HEADLINE_MAX } from "../card.js";
import type { Context } from "../context.js";
import { clip, shortName } from "../format.js";
import { materialAnswer } from "./ask.js";
import { notFoundCard } from "./not-found.js";
import { cite, MAX_CITATIONS, perContext } from "./shared.js";

export function sourceCard(ctx: Context, ref: string, searched = false): Card {
  const r = ref.trim().replace(/^[¶#§]|^(?:p|para|paragraph)\.?\s*/i, "");
  const fact = ctx.fact(r.toLowerCase());
  if (fact) {
    const paragraph = ctx.knowledge.paragraphs.get(fact.source)?.[fact.paragraph - 1] ?? "";
    return {
      kind: "source",
      title: `Source: ${fact.metric}, ¶${fact.paragraph}`,
      headline: quoted(ctx, fact),
      fields: [
        { label: "Claim", value: fact.claim },
        ...(fact.note ? [{ label: "Translation note", value: fact.note }] : []),
      ],
      ...(paragraph ? { passage: { source: fact.source, paragraph: fact.paragraph, text: paragraph } } : {}),
      citations: [cite(ctx, fact)],
      suggestions: neighbours(ctx, fact.source, fact.paragraph),
      footer: [`Fact ${fact.id}`, sourceNote(ctx, fact.source)].filter(Boolean).join(" · "),
    };
  }
  const m = /^(?:([a-z0-9-]+)\s*[#:¶ ]\s*)?(\d{1,4})$/i.exec(r);
  const sourceId = m?.[1]?.toLowerCase() ?? ctx.knowledge.sources[0]?.id;
  const n = m ? Number(m[2]) : Number.NaN;
  const lines = sourceId ? ctx.knowledge.paragraphs.get(sourceId) : undefined;
  const text = lines && Number.isInteger(n) && n >= 1 ? lines[n - 1] : undefined;
  if (sourceId && text?.trim()) {
    const onIt = ctx.factsOn(sourceId, n);
    return {
      kind: "source",
      title: `¶${n} of “${ctx.sourceTitle(sourceId) ?? sourceId}”`,
      // What the paragraph says, first: its facts' claims, or else its opening words, verbatim.
      headline: paragraphHeadline(onIt, text),
      // What each fact on it says, titled by what it measures: a fact id is no title (Show sources lists them).
      fields: onIt.slice(0, 10).map((f) => ({ label: f.metric, value: f.claim, factId: f.id })),
      passage: { source: sourceId, paragraph: n, text },
      citations: onIt.slice(0, MAX_CITATIONS).map((f) => cite(ctx, f)),
      suggestions: neighbours(ctx, sourceId, n),
      footer: `Paragraph ${n} of ${lines?.length ?? n}, whole and verbatim${onIt.length ? `; ${onIt.length === 1 ? "one fact is" : `${onIt.length} facts are`} quoted from it` : ""}. ${sourceNote(ctx, sourceId)}`,
    };
  }
  // A figure ("/source 4200", a number past the last paragraph; "/source 8%"): the fact that gives it.
  const figure = /^\$?(\d[\d,]*(?:\.\d+)?)\s*(%)?$/.exec(r);
  if (!searched && figure && (figure[2] || n > (lines?.length ?? 0))) {
    const value = Number((figure[1] ?? "").replaceAll(",", ""));
    const percent = Boolean(figure[2]);
    const giving = factsGiving(ctx, value).find((f) =>
      f.figures.some(
        (g) =>
          (!percent || g.unit === "%") &&
          (g.value === value || numbersWritten(g.text).includes(String(value))),
      ),
    );
    if (giving) return sourceCard(ctx, giving.id, true);
  }
  // Words, not a reference ("/source apple harvest"; a hyphenated word reads as a fact id): the source
  // of the fact that answers them best.
  if (!searched && /\p{L}/u.test(r) && !/^[\w-]*-[\w-]*$/.test(r)) {
    const best = materialAnswer(ctx, r)?.citations[0];
    if (best?.factId) return sourceCard(ctx, best.factId, true);
    if (best) return sourceCard(ctx, `${best.source}#${best.paragraph}`, true);
  }
  const near = ctx.knowledge.facts
    .filter((f) => r.length >= 3 && f.id.includes(r.toLowerCase().slice(0, 8)))
    .slice(0, 3);
  const count = lines?.length ?? 0;
  const card = notFoundCard(
    ctx,
    clip(
      `No fact id or paragraph “${clip(ref.trim(), 60)}”. Paragraphs run from 1 to ${count}; fact ids appear on every card.`,
      HEADLINE_MAX,
    ),
  );
  return {
    ...card,
    suggestions: [
      ...near.map((f) => ({ label: `${f.metric}, ¶${f.paragraph}`, command: `/source ${f.id}` })),
      ...card.suggestions,
    ].slice(0, 5),
  };
}

/**
 * A paragraph's headline: the claims of the facts quoted from it, as many whole as fit, so that the
 * figures it gives lead; a paragraph no fact quotes leads with its own opening, verbatim and marked so.
 */
export function paragraphHeadline(facts: readonly Fact[], text: string): string {
  let out = "";
  for (const f of facts) {
    const next = out ? `${out} ${f.claim}` : f.claim;
    if (next.length > HEADLINE_MAX) break;
    out = next;
  }
  return out || `“${clip(text.trim(), HEADLINE_MAX - 2)}”`;
}

/** The paragraphs before and after, to read on. */
function neighbours(ctx: Context, sourceId: string, n: number): Suggestion[] {
  const count = ctx.knowledge.paragraphs.get(sourceId)?.length ?? 0;
  const ref = (p: number) => (sourceId === ctx.knowledge.sources[0]?.id ? `${p}` : `${sourceId}#${p}`);
  return [
    ...(n > 1 ? [{ label: `¶${n - 1}`, command: `/source ${ref(n - 1)}` }] : []),
    ...(n < count ? [{ label: `¶${n + 1}`, command: `/source ${ref(n + 1)}` }] : []),
  ];
}

/** "Source: title · verbatim from a machine translation; paragraph N is line N". */
function sourceNote(ctx: Context, sourceId: string): string {
  const mt = ctx.knowledge.sources.some((s) => s.id === sourceId && s.machine_translation_of);
  return `Source: ${ctx.sourceTitle(sourceId) ?? sourceId} · verbatim${mt ? " from a machine translation" : ""}; paragraph N is line N`;
}

/** "“quote” — who says so, ¶N": the quote clipped, never who says it or where. */
function quoted(ctx: Context, fact: Fact): string {
  const source = fact.attribution ? ctx.entity(fact.attribution) : undefined;
  const by = source
    ? `${shortName(source)}${shortName(source) === source.name ? "" : ` (${source.name})`}`
    : "";
  const suffix = ` — ${by ? `${by}, ` : ""}¶${fact.paragraph}`;
  return `“${clip(fact.quote, Math.max(40, HEADLINE_MAX - suffix.length - 2))}”${clip(suffix, HEADLINE_MAX - 42)}`;
}

/** The numbers a figure is written with ("1,200 to 1,500" → 1200, 1500). */
const numbersWritten = (text: string) => text.replaceAll(",", "").split(/[^\d.]+/);

const figureIndex = perContext<Map<string, Fact[]>>();

/**
 * The facts with a figure of this value or written with this number, in the knowledge's order: from an
 * index made on first use, not a pass over every fact.
 */
function factsGiving(ctx: Context, value: number): readonly Fact[] {
  const index = figureIndex(ctx, "", () => {
    const byNumber = new Map<string, Fact[]>();
    for (const f of ctx.knowledge.facts)
      for (const g of f.figures)
        for (const key of [String(g.value), ...numbersWritten(g.text)]) {
          const list = byNumber.get(key);
          if (!list) byNumber.set(key, [f]);
          else if (list[list.length - 1] !== f) list.push(f);
        }
    return byNumber;
  });
  return index.get(String(value)) ?? [];
}
