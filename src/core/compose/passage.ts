// The sentence of the material that answers a question no curated fact answers: every sentence of a source is
// a passage, scored by how much of the question's weight and of its content words (the words besides the
// names, years included) it covers. The best few paragraphs by search are read; their sentences are compared.
import type { Context } from "../context.js";
import type { Reading } from "../frames/reading.js";
import { contentShare } from "../rank/relevance.js";
import { perContext } from "./shared.js";

export interface Passage {
  source: string;
  paragraph: number;
  sentence: string;
  /** The share of the question's weight (its terms, names included) the sentence matches. */
  coverage: number;
  /** The share of the question's content words, by weight, the sentence matches. */
  content: number;
  /** The weight-share its paragraph matched in the search. */
  paragraphCoverage: number;
  /** The share of the content words, by weight, its paragraph matched in the search. */
  paragraphContent: number;
  /** Its paragraph's place in the search, 0 for the best. */
  rank: number;
}

/** How many of the search's best paragraphs are read sentence by sentence. */
const PARAGRAPHS_READ = 4;

const sentencesOf = perContext<{ text: string; tokens: ReadonlySet<string> }[]>();

/** A paragraph's sentences with their tokens, made once per context. */
function sentences(ctx: Context, source: string, paragraph: number) {
  return sentencesOf(ctx, `${source}#${paragraph}`, () => {
    const text = ctx.knowledge.paragraphs.get(source)?.[paragraph - 1] ?? "";
    return splitSentences(text).map((s) => ({ text: s, tokens: new Set(ctx.tokenize(s)) }));
  });
}

/**
 * A paragraph's sentences: split after a full stop, a semicolon, a question or exclamation mark, but not
 * after an abbreviation of one or two capitals ("the U.S. routinely exempts…" is one sentence).
 */
export function splitSentences(text: string): string[] {
  const parts = text.split(/(?<=[.;!?])\s+/);
  const out: string[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /(?:^|[\s(])(?:\p{Lu}\.){1,2}$/u.test(prev))
      out[out.length - 1] = `${prev} ${p}`;
    else if (p.trim()) out.push(p);
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

/** True when the sentence's tokens hold the term: whole, or as a prefix of a longer word it does not know. */
function holds(ctx: Context, tokens: ReadonlySet<string>, term: string): boolean {
  if (tokens.has(term)) return true;
  if (term.length < 5 || /\d/.test(term) || ctx.retriever.known(term)) return false;
  for (const t of tokens) if (t.startsWith(term)) return true;
  return false;
}

/**
 * The passages of the search's best paragraphs, best first: the sentence covering most of the question's
 * content words, then most of its weight, then the paragraph ranked higher.
 */
export function passages(ctx: Context, r: Reading): Passage[] {
  const hits = ctx.retriever.searchParagraphs(r.terms).slice(0, PARAGRAPHS_READ);
  const total = r.terms.reduce((sum, t) => sum + ctx.retriever.weight(t), 0);
  const out: Passage[] = [];
  hits.forEach((hit, rank) => {
    const { source, paragraph } = hit.item;
    const paragraphContent = contentShare(ctx, r, hit.matched);
    for (const s of sentences(ctx, source, paragraph)) {
      let got = 0;
      for (const t of r.terms) if (holds(ctx, s.tokens, t)) got += ctx.retriever.weight(t);
      let content = 0;
      for (const t of r.content) if (holds(ctx, s.tokens, t)) content += ctx.retriever.weight(t);
      out.push({
        source,
        paragraph,
        sentence: s.text,
        coverage: total > 0 ? got / total : 0,
        content: r.contentWeight > 0 ? content / r.contentWeight : 1,
        paragraphCoverage: hit.coverage,
        paragraphContent,
        rank,
      });
    }
  });
  return out.sort((a, b) => b.content - a.content || b.coverage - a.coverage || a.rank - b.rank);
}
