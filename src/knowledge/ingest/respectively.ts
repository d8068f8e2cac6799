// Figures given "respectively" in a new source, for `gapbot ingest`: "A and B grew by 17% and 12%,
// respectively" gives each name the figure in its place in the list, so the clause is drafted as one fact per
// name, each with its own figure and a claim naming only it ("A grew by 17%"), never one fact that puts both
// figures on A.
import type { Fact } from "../schema.js";

interface At {
  start: number;
  end: number;
}
interface Name extends At {
  id: string;
}
interface Placed extends At {
  /** The figure's text as the fact gives it. */
  text: string;
}

/** A list's joint: a comma, "and", or both ("A, B and C", "A, B, and C"). */
const JOINT = /^\s*(?:,\s*(?:and\s+)?|and\s+)$/;
/** What may stand between two figures of a list besides its joint: a unit, a currency's letters. */
const FIGURE_JOINT = /^[^\d;:.]{1,16}$/;
const RESPECTIVELY = /\brespectively\b/i;
/**
 * What a name may run on with in the text beyond the entity's own name: capitalised words ("Zhipu AI"), a
 * gloss in brackets ("MiniMax (稀宇科技)").
 */
const NAME_TAIL = /^(?:\s+\p{Lu}[\p{L}\p{N}.-]*)*(?:\s*\([^)]{1,40}\))?/u;
/** A capitalised word just before the list, which may be the first name's own first word ("Tongmar Pumps"). */
const CAPITAL_BEFORE = /(?:^|\s)(\p{Lu}[\p{L}\p{N}.-]*)\s+$/u;
const OPENERS = new Set("In On At By For The Both While After Since And But Last This That Then".split(" "));

export interface Respective {
  id: string;
  figure: number;
  claim: string;
}

/**
 * Each name of the list with the index of its figure, and the claim naming only it and its figure; undefined
 * when the quote gives no figures respectively, or its lists of names and figures do not pair one to one.
 * `names` and `figures` are offsets in `quote`; `claim` is the fact's claim, rewritten per name where it
 * writes both lists as the quote does.
 */
export function respectiveFigures(
  quote: string,
  claim: string,
  names: readonly Name[],
  figures: readonly Placed[],
): Respective[] | undefined {
  const word = RESPECTIVELY.exec(quote);
  if (!word) return undefined;
  // The figures: the run joined by commas and "and" that ends just before "respectively".
  const before = figures.filter((f) => f.end <= word.index).sort((a, b) => a.start - b.start);
  const last = before.at(-1);
  if (!last || !/^[^\d]{0,25}$/.test(quote.slice(last.end, word.index))) return undefined;
  const run = [last];
  for (let k = before.length - 2; k >= 0; k--) {
    const f = before[k] as Placed;
    const gap = quote.slice(f.end, (run[0] as Placed).start);
    if (!FIGURE_JOINT.test(gap) || !/,|\band\b/.test(gap)) break;
    run.unshift(f);
  }
  if (run.length < 2) return undefined;
  // The names: a run of as many, joined the same way, the last before the figures.
  const first = run[0] as Placed;
  const candidates = [...names].filter((n) => n.end <= first.start).sort((a, b) => a.start - b.start);
  let list: Name[] | undefined;
  for (let end = candidates.length; end >= run.length && !list; end--) {
    const slice = candidates.slice(end - run.length, end);
    const joined = slice.every(
      (n, k) =>
        k === 0 || JOINT.test(quote.slice((slice[k - 1] as Name).end, n.start).replace(NAME_TAIL, "")),
    );
    if (joined && new Set(slice.map((n) => n.id)).size === slice.length) list = slice;
  }
  if (!list) return undefined;
  // Where the first name may begin before the entity's own name, which names it is not sure: no split.
  const capital = CAPITAL_BEFORE.exec(quote.slice(0, (list[0] as Name).start))?.[1];
  if (capital && !OPENERS.has(capital)) return undefined;
  const written = (at: At) => quote.slice(at.start, at.end);
  // Each name as written, with the words and gloss it runs on with.
  const nameText = list.map((n, k) => {
    const next = list[k + 1];
    const rest = quote.slice(n.end, next ? next.start : first.start);
    const gloss = NAME_TAIL.exec(rest)?.[0] ?? "";
    return written(n) + gloss;
  });
  const namesSpan = quote.slice(
    (list[0] as Name).start,
    (list.at(-1) as Name).end + (nameText.at(-1)?.length ?? 0) - written(list.at(-1) as Name).length,
  );
  const figuresSpan = quote.slice(first.start, last.end);
  const at = claim.indexOf(namesSpan);
  const figAt = claim.indexOf(figuresSpan, at + namesSpan.length);
  if (at < 0 || figAt < 0) return undefined;
  return list.map((n, k) => {
    const own = run[k] as Placed;
    const rewritten =
      claim.slice(0, at) +
      (nameText[k] as string) +
      claim.slice(at + namesSpan.length, figAt) +
      written(own) +
      claim.slice(figAt + figuresSpan.length);
    return {
      id: n.id,
      figure: figures.indexOf(own),
      claim: rewritten
        .replace(/,\s*respectively,\s*/i, " ")
        .replace(/,?\s*\brespectively\b/i, "")
        .replace(/\s{2,}/g, " "),
    };
  });
}

/** The clause's fact split per name of a "respectively" list (see respectiveFigures), or [fact] as it is. */
export function splitRespectively(
  fact: Fact,
  names: readonly Name[],
  placed: readonly Placed[],
  idFor: (base: string) => string,
): Fact[] {
  const pairs = respectiveFigures(fact.quote, fact.claim, names, placed);
  if (!pairs) return [fact];
  const listed = new Set(pairs.map((p) => p.id));
  return pairs.flatMap((p) => {
    const figure = fact.figures.find((g) => g.text === placed[p.figure]?.text);
    if (!figure) return [];
    return [
      {
        ...fact,
        id: idFor(`${fact.id}-${p.id}`),
        claim: p.claim,
        figures: [figure],
        subject: p.id,
        entities: [p.id, ...fact.entities.filter((id) => !listed.has(id))],
      },
    ];
  });
}
