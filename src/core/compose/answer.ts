// The answer cards of a question in words: the fact's claim with its support, a verbatim paragraph when no
// fact covers it, and the honest misses, each citing what the material says nearby where it can.
import type { Entity, Fact } from "../../knowledge/schema.js";
import { groupHolds } from "../../knowledge/subject.js";
import type { Card } from "../card.js";
import { HEADLINE_MAX } from "../card.js";
import type { Context } from "../context.js";
import type { Mention } from "../entities.js";
import { clip, provenance, ratio, ratioPhrase } from "../format.js";
import { MODEL_NUMBER, type Reading } from "../frames/reading.js";
import { setOutsideIn } from "../rank/rank.js";
import {
  contentShare,
  family,
  namesAskedKind,
  oneNamed,
  otherSide,
  otherSideCountry,
  ownThings,
  qualifiedBy,
} from "../rank/relevance.js";
import { saidBySentence, saysWhatIsAsked } from "../rank/said.js";
import { labelWithSubject, subjectIdOf, subjectLabel } from "../subjects.js";
import { nameKey, normalize } from "../text.js";
import { notFoundCard } from "./not-found.js";
import { passages } from "./passage.js";
import { citeAll, figureFields, footerFor, paragraphSuggestion, unique } from "./shared.js";

/** "Not in the material as a count for Gleaner 2; it says: the Harvester X9 picks three times as many." */
export function relativeMiss(ctx: Context, r: Reading, f: Fact, mentions: readonly Mention[]): Card {
  const named = ctx.entity(oneNamed(r) ?? "");
  const card = nearbyMiss(ctx, [f], mentions);
  return {
    ...card,
    headline: clip(
      `Not in the material as a count${named ? ` for ${named.name}` : ""}; it says: ${f.claim}${provenance(f, ctx.entity)}`,
      HEADLINE_MAX,
    ),
  };
}

/**
 * The answer: the fact's claim first (after the material's assessment of it, if it gives one), then up to
 * two supporting facts, all cited. `paired`: the question
 * compares, and the first supporting fact is the other side, so the headline states both.
 */
export function answerCard(ctx: Context, top: Fact, given: readonly Fact[], givenPaired = false): Card {
  // An attributed claim keeps the material's framing: where the material gives its own assessment of the
  // claim, the assessment leads the headline and the claim it discusses follows.
  const framing = top.framed_by ? ctx.fact(top.framed_by) : undefined;
  const support = framing ? unique([framing, ...given]).slice(0, 3) : given;
  const paired = givenPaired || framing !== undefined;
  const subject = ctx.entity(subjectIdOf(ctx, top));
  const first = `${top.claim}${provenance(top, ctx.entity)}`;
  // A claim in words leaves room for the next thing the material says to the question, as a card's
  // headline does ("largest company by market value" and "above Germany's GDP").
  const next = support[0] && (paired || top.figures.length === 0) ? support[0] : undefined;
  // Two facts may make one claim in the same words (a figure restated): it is said once.
  const other = next && next.claim !== top.claim ? `${next.claim}${provenance(next, ctx.entity)}` : "";
  const assessed = framing ? `${other} The claim it discusses: ${first}` : "";
  // A claim in words answers in the material's own words too: a phrase the asker read in the source ("a
  // 'gradual adaptation'") may be what the claim says in other words.
  // What else the material says to the question comes first; the source's words where there is room.
  const said = other && first.length + 1 + other.length <= HEADLINE_MAX ? `${first} ${other}` : first;
  const words = paired || framing ? "" : ownWords(top, said);
  const both = assessed && assessed.length <= HEADLINE_MAX ? assessed : words ? `${said} ${words}` : said;
  // Two sides' figures in one unit: their ratio, marked as computed, with its inputs.
  const computed = paired && next && both !== first ? computedRatio(ctx, top, next) : "";
  return {
    kind: "answer",
    title: labelWithSubject(subjectLabel(ctx, top), top.metric).replace(" · ", ": "),
    headline: clip(
      computed && both.length + 1 + computed.length <= HEADLINE_MAX ? `${both} ${computed}` : both,
      HEADLINE_MAX,
    ),
    fields: [
      ...figureFields([top], 4),
      ...support.map((f) => ({ label: `Also: ${f.metric}`, value: f.claim, factId: f.id })),
    ],
    citations: citeAll(ctx, [top, ...support]),
    suggestions: [
      ...top.topics
        .slice(0, 1)
        .map((t) => ({ label: `Gap: ${ctx.topic(t)?.title ?? t}`, command: `/gap ${t.replace(/-/g, " ")}` })),
      ...(subject && (subject.kind === "chip" || subject.kind === "model")
        ? [{ label: subject.name, command: `/${subject.kind} ${subject.name}` }]
        : []),
      paragraphSuggestion(ctx, top),
    ],
    footer: footerFor(ctx, [top, ...support]),
  };
}

/**
 * The fact's quote, verbatim, for a headline whose claim states no figure: the whole quote where it fits
 * after the claim, else the phrases the quote sets in quotation marks that the claim does not repeat;
 * "" when the fact has figures (the figure is the answer), or the claim already holds the quote's words.
 */
function ownWords(f: Fact, first: string): string {
  if (f.figures.length > 0) return "";
  const claim = normalize(first);
  const quote = f.quote.replace(/[.;:,\s]+$/, "");
  if (claim.includes(normalize(quote))) return "";
  const whole = `In the source's words: “${quote}”.`;
  if (first.length + 1 + whole.length <= HEADLINE_MAX) return whole;
  const phrases = [...quote.matchAll(/[“‘"]([^”’"]{3,60})[”’"]/g)]
    .map((m) => (m[1] as string).trim())
    .filter((p) => !claim.includes(normalize(p)));
  const marked = phrases.length ? `In the source's words: ${phrases.map((p) => `“${p}”`).join(", ")}.` : "";
  return marked && first.length + 1 + marked.length <= HEADLINE_MAX ? marked : "";
}

/**
 * "Computed: Northland about 3× Southland (4.2 million / 1.4 million tonnes)." for two facts on different subjects that each
 * give one figure in the same unit; "" when they do not (a ratio of unlike figures means nothing).
 */
export function computedRatio(ctx: Context, a: Fact, b: Fact): string {
  const [fa, fb] = [a.figures, b.figures];
  if (fa.length !== 1 || fb.length !== 1 || !fa[0] || !fb[0]) return "";
  const [sa, sb] = [subjectLabel(ctx, a), subjectLabel(ctx, b)];
  if (sa === sb) return "";
  const r = ratio(fa[0], fb[0]);
  if (!r) return "";
  const [big, small] = fa[0].value >= fb[0].value ? [sa, sb] : [sb, sa];
  const inputs =
    fa[0].unit === "%"
      ? r.inputs
          .split(" / ")
          .map((n) => `${n}%`)
          .join(" / ")
      : `${r.inputs} ${fa[0].unit}`;
  return `Computed: ${big} ${ratioPhrase(r)} ${small} (${inputs}).`;
}

/**
 * No fact answers, but a sentence of the material may: quote it verbatim. A sentence answers when it covers
 * the question's content words and enough of its weight, or when its paragraph is the search's best and
 * covers the question as a whole (the sentence then is the paragraph's that covers the question best).
 */
export function paragraphAnswer(ctx: Context, r: Reading): Card | undefined {
  const w = ctx.weights;
  // A sentence alone answers only a question in words: a figure, a sum, a share or a named measure asked
  // for needs its paragraph to match the question as a whole.
  const inWords =
    !r.quantitative && !r.money && !r.share && r.measure === undefined && !r.counted && r.units.size === 0;
  const found = passages(ctx, r);
  // The best paragraph gets one chance: its sentence covering the question best among those that name a
  // thing asked about (a sentence naming none of them speaks of something else).
  const ofBest = found.find(
    (p) => p.rank === 0 && (r.asked.length === 0 || namesAsked(ctx, r, p.sentence, false, inWords)),
  );
  let tried = 0;
  for (const p of found) {
    const alone = inWords && p.coverage >= w.passageCoverage && p.content >= w.passageContent;
    const inBest =
      p === ofBest &&
      p.paragraphCoverage >= w.minCoverage + 0.15 &&
      p.paragraphContent >= w.minContentCoverage;
    // A sentence answering on its own names everything asked about ("A or B?": the one that fits).
    if (!inBest && !(alone && namesAsked(ctx, r, p.sentence, true, inWords))) continue;
    const card = sentenceAnswer(ctx, r, p.source, p.paragraph, p.sentence, inWords);
    if (card) return card;
    if (++tried >= w.passagesTried) return undefined;
  }
  return undefined;
}

/** One word, its ending aside: "announce" of "announced" (the stemmer keeps the e of one and not the other). */
function sameWord(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)));
}

/** The sentence with every name it writes cut out, each time it writes it: the digits left are figures. */
function withoutNames(sentence: string, mentions: readonly Mention[]): string {
  const key = nameKey(sentence);
  let out = key;
  for (const m of mentions) out = out.split(key.slice(m.start, m.end)).join(" ");
  return out;
}

/**
 * True when the sentence names a thing asked about (`all`: each one, or for "A or B?" one of them), itself or,
 * with `own`, one of its own (a maker through its products).
 */
function namesAsked(ctx: Context, r: Reading, sentence: string, all: boolean, own: boolean): boolean {
  const named = ctx.finder.mentions(sentence).map((m) => m.entity.id);
  const has = (m: Mention) =>
    named.some((id) => id === m.entity.id || (own && ownThings(ctx, m.entity.id).has(id)));
  return all && !ctx.cues.alternatives.any.test(normalize(r.question))
    ? r.asked.every(has)
    : r.asked.some(has);
}

/** The sentence as the answer, unless what the question asks of it (a company, a share, a year…) is not in it. */
function sentenceAnswer(
  ctx: Context,
  r: Reading,
  source: string,
  paragraph: number,
  sentence: string,
  inWords: boolean,
): Card | undefined {
  // The names the sentence writes, and the curated facts that quote it: found once, read by every check below.
  const mentions = ctx.finder.mentions(sentence);
  const curated = ctx.factsOn(source, paragraph).filter((f) => sentence.includes(f.quote));
  // "Which company…" is not answered by a sentence that names no company.
  // A group written out by its name ("A, B and C") names its members.
  const named = mentions.flatMap((m) => [
    m.entity,
    ...m.entity.members.flatMap((id) => ctx.entity(id) ?? []),
  ]);
  if (r.names.length && !named.some((e) => namesAskedKind(ctx, r, e))) return undefined;
  // "Which <Pearfield> machines…" is not answered by a sentence naming none of Pearfield's machines.
  if (
    !qualifiedBy(
      ctx,
      r,
      named.map((e) => e.id),
    )
  )
    return undefined;
  // A share of one thing is not answered by a sentence giving a share of another.
  if (r.shareOf.length) {
    const words = new Set(ctx.tokenize(sentence));
    if (!r.shareOf.every((t) => words.has(t))) return undefined;
  }
  // "A's share" is not answered by a sentence on those outside A, unless the question sets A outside too.
  if (
    !ctx.cues.excluding.any.test(normalize(r.question)) &&
    [...r.countries, ...r.things].some((id) => setOutsideIn(ctx, sentence, id))
  )
    return undefined;
  // One member asked about is not answered by a sentence whose figures a group of it holds together.
  const counted = curated.filter((f) => f.figures.length > 0);
  const thing = r.things.length === 1 ? r.things[0] : undefined;
  if (
    thing !== undefined &&
    (r.quantitative || r.money) &&
    counted.length > 0 &&
    counted.every((f) => groupHolds(f, thing, ctx.entity))
  )
    return undefined;
  // A sum of money asked is not answered by a sentence whose curated figures are none of them money, though
  // its words read so ("5 million yuan of H100" is a count of chips, mistranslated).
  if (
    r.money &&
    counted.length > 0 &&
    !counted.some((f) =>
      f.figures.some(
        (g) =>
          ctx.lexicon.units.money.has(g.unit) || ctx.lexicon.units.moneyText?.test(`${g.text} ${g.unit}`),
      ),
    )
  )
    return undefined;
  // A share asked of one side is not answered by a sentence holding the other side's curated share: the
  // curated facts say whose each share is, and quoted bare, the other side's would read as this one's.
  const side = r.countries.length === 1 ? r.countries[0] : undefined;
  if (
    side !== undefined &&
    (r.share || r.shareOf.length > 0) &&
    curated.some((f) => f.figures.some((g) => ctx.lexicon.units.share.has(g.unit)) && otherSide(ctx, side, f))
  )
    return undefined;
  // A question for a number is not answered by a sentence without one (the 9 of "X9" is a name),
  // nor a question about money by a sentence without a sum of money.
  // Nor are the digits of a name it mentions ("Model 384") a figure.
  // Nor is a year the figure asked for ("by 2025 it passed B's GDP" gives no GDP).
  const figures = withoutNames(sentence, mentions)
    .replace(MODEL_NUMBER, "")
    .replace(/\b(?:19|20)\d\d\b/g, "");
  // A measure asked by name ("what yield…") asks for its value, which a sentence without a figure does not give.
  if ((r.quantitative || r.money || r.measure !== undefined) && !/\d/.test(figures)) return undefined;
  if (r.money && !ctx.lexicon.units.moneyText?.test(sentence)) return undefined;
  // "How many…" is not answered by a sentence whose only figures are shares.
  const numbers = sentence.replace(MODEL_NUMBER, " ").match(/\d[\d,.]*\s*(?:%|percent\b)?/g) ?? [];
  if (r.many && !r.share && numbers.length > 0 && numbers.every((n) => /%|percent/.test(n))) return undefined;
  // The time, year and side asked about, held as a curated fact is (rank/said.ts): the share of the question's
  // content words a time must be stated of is read here with the endings aside.
  const said = saidBySentence(ctx, sentence, { source, paragraph });
  const covered = () =>
    contentShare(
      ctx,
      r,
      r.content.filter((t) => [...said.words()].some((x) => sameWord(t, x))),
    );
  if (!saysWhatIsAsked(ctx, r, said, covered)) return undefined;
  // "According to whom…" needs a sentence naming a body, a company or a person to whom it is due.
  if (
    r.asksSource &&
    !mentions.some(
      (m) =>
        ["organisation", "company", "person"].includes(m.entity.kind) && !r.entityIds.includes(m.entity.id),
    )
  )
    return undefined;
  if (r.measure !== undefined && !ctx.tokenize(sentence).includes(r.measure)) return undefined;
  // A question about one company is not answered by a sentence about another.
  if (r.asked.length) {
    const inSentence = mentions.map((m) => m.entity);
    // A maker is named through its own products ("A's R2" speaks of A) in a question in words; a figure
    // asked of a maker is not one of its product's. Not the other way: a sentence naming only a product's
    // maker or a sibling of it speaks of them ("the maker's next node" is not the product's node).
    const named = (m: Mention) =>
      inSentence.some((e) => e === m.entity || (inWords && ownThings(ctx, m.entity.id).has(e.id)));
    if (!r.asked.some(named)) return undefined;
    // What a speaker said about B: a sentence of theirs that does not name B says something else.
    if (
      r.speakers.length === 1 &&
      r.asked.some((m) => !r.speakers.includes(m.entity.id) && !inSentence.includes(m.entity))
    )
      return undefined;
    // "How much did A put into B?": a sentence naming A alone is about A's other dealings. Each company or
    // body named must be in it (a product may be written in other words: "high-bandwidth memory").
    if (
      r.things.length >= 2 &&
      !r.asked.every(
        (m) =>
          (m.entity.kind !== "company" && m.entity.kind !== "organisation") ||
          inSentence.some((e) => family(ctx, m.entity.id).has(e.id)),
      )
    )
      return undefined;
    // "What does A score on B?": a sentence naming B and another of A's kind, but not A, gives the other's figure.
    if (
      r.asked.some(
        (m) =>
          m.entity.kind !== "country" &&
          // A variant written with its name ("HX-3-480B" of "HX-3") is the thing asked.
          !inSentence.some(
            (e) => family(ctx, m.entity.id).has(e.id) || nameKey(e.name).startsWith(nameKey(m.entity.name)),
          ) &&
          inSentence.some(
            (e) =>
              e.kind === m.entity.kind &&
              !r.entityIds.includes(e.id) &&
              // "HBM2E" of "HBM" is a variant of the thing asked, not another thing.
              !nameKey(e.name).startsWith(nameKey(m.entity.name)),
          ),
      )
    )
      return undefined;
    // Asked of one side, a sentence on the other side's country alone speaks of the other side.
    const country = r.countries.length === 1 ? r.countries[0] : undefined;
    if (
      country !== undefined &&
      !inSentence.some((e) => e.id === country) &&
      inSentence.some((e) => e.kind === "country" && otherSideCountry(ctx, country, e.id))
    )
      return undefined;
    // "Pearfield alone" is not answered by a sentence about Pearfield among others of its kind.
    if (r.alone.some((m) => inSentence.some((e) => e !== m.entity && e.kind === m.entity.kind)))
      return undefined;
  }
  return {
    kind: "answer",
    title: `From ¶${paragraph}`,
    headline: clip(sentence, HEADLINE_MAX),
    fields: [],
    citations: [{ source, sourceTitle: ctx.sourceTitle(source), paragraph, quote: sentence }],
    suggestions: [{ label: `All of ¶${paragraph}`, command: `/source ${paragraph}` }],
    footer: "Quoted from the source paragraph that matches best; no curated fact covers this exactly.",
  };
}

/** Says the material does not name the code, in the asker's own case ("GPT-5"). */
export function unknownProduct(
  ctx: Context,
  question: string,
  written: string,
  mentions: readonly Mention[],
): Card {
  const shown =
    question.match(
      new RegExp(written.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[\\s-]*"), "i"),
    )?.[0] ?? written;
  const near = mentions.map((m) => m.entity).slice(0, 2);
  return notFoundCard(ctx, `Not in the material: it does not mention ${shown}${thoughMentions(near)}.`, near);
}

/**
 * The miss that says what the material does give nearby, cited, so the reader sees how far it goes; the
 * headline says what is missing, where the caller knows it better than "the source does not answer that".
 */
export function nearbyMiss(
  ctx: Context,
  near: readonly Fact[],
  mentions: readonly Mention[],
  headline?: string,
): Card {
  const card = { ...miss(ctx, mentions), ...(headline ? { headline } : {}) };
  const said = unique(near).slice(0, 2);
  return {
    ...card,
    fields: [
      ...said.map((f) => ({ label: `Nearby: ${f.metric}`, value: f.claim, factId: f.id })),
      ...card.fields,
    ],
    citations: citeAll(ctx, said),
    footer: "The material says this nearby, but not what was asked.",
  };
}

export function miss(ctx: Context, mentions: readonly Mention[]): Card {
  const near = mentions.map((m) => m.entity).slice(0, 2);
  return notFoundCard(
    ctx,
    `Not in the material: the source does not answer that${thoughMentions(near)}.`,
    near,
  );
}

/** ", though it mentions Applewood and Southland": what the material does name, beside the miss. */
export function thoughMentions(near: readonly Entity[]): string {
  return near.length ? `, though it mentions ${near.map((e) => e.name).join(" and ")}` : "";
}
