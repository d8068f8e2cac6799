// /gap: one gap topic between the two sides — the headline pair with its computed ratio, then both sides' figures.
import type { Fact, Topic } from "../../knowledge/schema.js";
import type { Card, ComparisonRow } from "../card.js";
import { HEADLINE_MAX } from "../card.js";
import type { Context } from "../context.js";
import { clip, figureDisplay, provenance, ratio, ratioPhrase, sourceAndDate } from "../format.js";
import { knownWord } from "../frames/reading.js";
import { factTerms } from "../rank/relevance.js";
import { labelWithSubject, sideOfEntity, subjectIdOf, subjectLabel } from "../subjects.js";
import { editDistance, normalize, STOPWORDS } from "../text.js";
import { materialAnswer } from "./ask.js";
import { notFoundCard } from "./not-found.js";
import { citeAll, figureFields, footerFor, paragraphSuggestion, unique } from "./shared.js";

/**
 * Words that ask for a gap without being a topic or a name (cues.yaml's gap_filler), and the words every
 * topic shares (every_topic), each with the sides' own names: "the gap between A and B in chips" is about
 * chips, and "the gap between A and B" names no topic at all.
 */
interface GapWords {
  filler: ReadonlySet<string>;
  everyTopic: ReadonlySet<string>;
}

const gapWordsCache = new WeakMap<Context, GapWords>();

function gapWords(ctx: Context): GapWords {
  let words = gapWordsCache.get(ctx);
  if (!words) {
    const tokens = (list: readonly string[]) => list.flatMap((w) => [w, ...ctx.tokenize(w, { words: true })]);
    const sides = tokens(
      ctx.knowledge.sides.flatMap((s) => [
        s.label,
        ...(ctx.entity(s.entity) ? [ctx.entity(s.entity)?.name ?? ""] : []),
      ]),
    );
    words = {
      filler: new Set([...tokens(ctx.knowledge.cueWords.gap_filler), ...sides]),
      everyTopic: new Set([...tokens(ctx.knowledge.cueWords.every_topic), ...sides]),
    };
    gapWordsCache.set(ctx, words);
  }
  return words;
}

/** Words beyond a topic's own that ask nothing of it: the filler above, and words asking for a ratio. */
export function isGapFiller(ctx: Context, t: string): boolean {
  // "What multiple…", "how many times larger…": a ratio is the gap in one number.
  return gapWords(ctx).filler.has(t) || ctx.lexicon.ratioWords.has(t);
}

/** The topic a phrase names: by id, title or keyword, best overlap of tokens wins. */
export function findTopic(ctx: Context, phrase: string): Topic | undefined {
  const terms = topicWordsOf(ctx, phrase);
  if (terms.length === 0) return undefined;
  const asId = phrase.trim().toLowerCase().replace(/\s+/g, "-");
  let best: { topic: Topic; score: number } | undefined;
  for (const topic of ctx.knowledge.topics) {
    const words = ctx.topicTerms.get(topic.id);
    if (!words) continue;
    let score = 0;
    for (const t of terms) if (words.has(t)) score += ctx.retriever.weight(t);
    // The id itself ("harvest", "market-share") is the strongest signal.
    if (asId === topic.id) score += 100;
    if (score > 0 && (!best || score > best.score)) best = { topic, score };
  }
  return best?.topic ?? nearTopic(ctx, terms);
}

/** The words of a phrase that can pick a topic. */
function topicWordsOf(ctx: Context, phrase: string): string[] {
  // The sides' names and every_topic's words belong to every topic (gapWords above).
  // Nor do the words asking for a ratio ("how many times…").
  // "/gap inferance": a misspelt topic word reads as the word the material uses.
  return ctx
    .tokenize(phrase)
    .filter((t) => !gapWords(ctx).everyTopic.has(t) && !ctx.lexicon.ratioWords.has(t))
    .map((t) => ctx.retriever.correct(t) ?? t);
}

/** The share, by weight, of the phrase's words that can pick a topic that the topic's own words hold. */
export function topicShare(ctx: Context, topic: Topic, phrase: string): number {
  const words = ctx.topicTerms.get(topic.id);
  const terms = topicWordsOf(ctx, phrase);
  let held = 0;
  let all = 0;
  for (const t of terms) {
    const w = ctx.retriever.weight(t);
    all += w;
    if (words?.has(t)) held += w;
  }
  return all > 0 ? held / all : 0;
}

/**
 * The one topic with a word one edit from a word of the phrase ("capx"), for words too short for the
 * material-wide typo correction; none when no topic or several topics are that near.
 */
function nearTopic(ctx: Context, terms: readonly string[]): Topic | undefined {
  const near = ctx.knowledge.topics.filter((topic) => {
    const words = ctx.topicTerms.get(topic.id);
    if (!words) return false;
    for (const t of terms)
      if (t.length >= 4 && !/\d/.test(t))
        for (const w of words) if (w.length >= 4 && editDistance(t, w, 1) <= 1) return true;
    return false;
  });
  return near.length === 1 ? near[0] : undefined;
}

export function topicListCard(ctx: Context): Card {
  return {
    kind: "gap",
    title: `${gapName(ctx)} topics`,
    headline:
      `${ctx.knowledge.topics.length} topics: ${ctx.knowledge.topics.map((t) => t.title).join(", ")}. Try /gap compute.`.slice(
        0,
        HEADLINE_MAX,
      ),
    fields: ctx.knowledge.topics.map((t) => ({ label: `/gap ${t.id.replace(/-/g, " ")}`, value: t.summary })),
    citations: [],
    suggestions: ctx.knowledge.topics
      .slice(0, 5)
      .map((t) => ({ label: t.title, command: `/gap ${t.id.replace(/-/g, " ")}` })),
  };
}

export function gapCard(ctx: Context, phrase: string): Card {
  // No topic, or only words every topic shares (the sides' names): the list of topics.
  const every = gapWords(ctx).everyTopic;
  if (ctx.tokenize(phrase).every((t) => every.has(t))) return topicListCard(ctx);
  // A word the material never uses ("/gap quantum computing") names no gap of it, whatever topic the
  // phrase's other words name: the material says nothing on the phrase.
  const unknown = unknownWord(ctx, phrase);
  if (unknown)
    return notFoundCard(
      ctx,
      clip(
        `Not in the material: it says nothing of “${unknown}”, so no gap topic matches “${phrase}”.`,
        HEADLINE_MAX,
      ),
    );
  const topic = findTopic(ctx, phrase);
  // Words of which a topic names only the lesser part ("/gap <rare words> <topic word>") ask about those
  // words: what the material answers to them, where it is no fact of the topic, before the topic's card.
  // So do words of which the topic misses some, where a fact outside the topic answers them and holds them all.
  const off = topic ? offTopicWeight(ctx, topic, phrase) : 0;
  if (topic && off > 0) {
    const answer = materialAnswer(ctx, phrase);
    const fact = ctx.fact(answer?.citations[0]?.factId ?? "");
    if (answer && fact && !inTopic(topic, fact) && (off > 0.5 || holdsAll(ctx, fact, phrase))) return answer;
  }
  if (!topic) {
    // Not a gap topic, but maybe something the material answers ("/gap tokens"), in every word of the phrase.
    const answer = materialAnswer(ctx, phrase);
    if (answer && answerHoldsAll(ctx, answer, phrase)) return answer;
    return notFoundCard(
      ctx,
      `No gap topic matches “${clip(phrase, 60)}”. Topics: ${ctx.knowledge.topics.map((t) => t.id).join(", ")}.`.slice(
        0,
        HEADLINE_MAX,
      ),
    );
  }
  return topicCard(ctx, topic, focusFact(ctx, topic, phrase));
}

/** The share of the phrase's weight, filler aside, in words that are not the topic's own. */
function offTopicWeight(ctx: Context, topic: Topic, phrase: string): number {
  const own = ctx.topicTerms.get(topic.id);
  let total = 0;
  let off = 0;
  for (const raw of ctx.tokenize(phrase, { words: true })) {
    const t = ctx.retriever.correct(raw) ?? raw;
    if (isGapFiller(ctx, t)) continue;
    const w = ctx.retriever.weight(t);
    total += w;
    if (!own?.has(t)) off += w;
  }
  return total > 0 ? off / total : 0;
}

/**
 * A word of the phrase, in Latin letters, that the material uses in no form (as written, by synonym or name)
 * and that is no misspelt topic word ("capx").
 */
function unknownWord(ctx: Context, phrase: string): string | undefined {
  return (normalize(phrase).match(/[a-z][a-z-]{2,}/g) ?? []).find(
    (w) =>
      !STOPWORDS.has(w) &&
      !isGapFiller(ctx, w) &&
      !knownWord(ctx, w) &&
      nearTopic(ctx, ctx.tokenize(w)) === undefined,
  );
}

/** True when a card's headline and quotes, or its fact's own words, hold every word of the phrase but filler. */
function answerHoldsAll(ctx: Context, card: Card, phrase: string): boolean {
  const fact = ctx.fact(card.citations[0]?.factId ?? "");
  if (fact) return holdsAll(ctx, fact, phrase);
  return textHoldsAll(ctx, `${card.headline} ${card.citations.map((c) => c.quote).join(" ")}`, phrase);
}

/** True when the fact's own words (claim, quote, metric, keywords) hold every word of the phrase but filler. */
function holdsAll(ctx: Context, f: Fact, phrase: string): boolean {
  return wordsHoldAll(ctx, factTerms(ctx, f), phrase);
}

/** True when the text's words hold every word of the phrase (misspellings read as meant) but filler. */
function textHoldsAll(ctx: Context, text: string, phrase: string): boolean {
  return wordsHoldAll(ctx, new Set(ctx.tokenize(text, { words: true })), phrase);
}

function wordsHoldAll(ctx: Context, own: ReadonlySet<string>, phrase: string): boolean {
  return ctx
    .tokenize(phrase, { words: true })
    .map((t) => ctx.retriever.correct(t) ?? t)
    .every((t) => isGapFiller(ctx, t) || own.has(t));
}

/**
 * "/gap harvest last year": the topic's fact that answers the words beyond the topic's own, when the material
 * has one; undefined when the phrase only names the topic or the extra words answer nothing in it.
 */
function focusFact(ctx: Context, topic: Topic, phrase: string): Fact | undefined {
  const own = ctx.topicTerms.get(topic.id);
  const extra = ctx
    .tokenize(phrase, { words: true })
    .map((t) => ctx.retriever.correct(t) ?? t)
    .filter((t) => !isGapFiller(ctx, t) && !own?.has(t));
  if (extra.length === 0) return undefined;
  const answer = materialAnswer(ctx, phrase);
  const fact = ctx.fact(answer?.citations[0]?.factId ?? "");
  return fact && inTopic(topic, fact) ? fact : undefined;
}

function inTopic(topic: Topic, fact: Fact): boolean {
  return (
    fact.topics.includes(topic.id) ||
    topic.first.includes(fact.id) ||
    topic.second.includes(fact.id) ||
    topic.related.includes(fact.id)
  );
}

export function topicCard(ctx: Context, topic: Topic, focus?: Fact): Card {
  const facts = (ids: readonly string[]) => ids.map((id) => ctx.fact(id)).filter((f): f is Fact => !!f);
  const us = facts(topic.first);
  const china = facts(topic.second);
  const related = facts(topic.related);
  const rows: ComparisonRow[] = [];
  let headline: string;
  let lead: Fact[] = [];
  // A topic's `us` list is the first side's (sides.yaml's order), its `china` list the second's.
  const [left, right] = ctx.knowledge.sides;

  const pair = topic.headline;
  const usFact = pair ? ctx.fact(pair.first) : undefined;
  const cnFact = pair ? ctx.fact(pair.second) : undefined;
  const usFig = pair && usFact?.figures[pair.first_figure];
  const cnFig = pair && cnFact?.figures[pair.second_figure];
  if (usFact && cnFact && usFig && cnFig) {
    lead = [usFact, cnFact];
    // Bare numbers ("1.12 vs 1.48") are set side by side, but which is ahead is not said: the material
    // does not say whether more is better.
    const r = usFig.unit === "units" ? undefined : ratio(usFig, cnFig);
    rows.push({
      ...rowLabel(ctx, usFig.label ?? usFact.metric, usFact, cnFact),
      unit: usFig.unit,
      left: { value: usFig.value, display: figureDisplay(usFig), factId: usFact.id },
      right: { value: cnFig.value, display: figureDisplay(cnFig), factId: cnFact.id },
      ...(r ? { ratio: r } : {}),
    });
    const who = unique([usFact, cnFact].map((f) => sourceAndDate(f, ctx.entity)).filter(Boolean));
    const ratioText = r
      ? `: ${usFig.value >= cnFig.value ? "" : "China ahead, "}${ratioPhrase(r)} (computed ${r.inputs})`
      : "";
    headline = `${subjectLabel(ctx, usFact)} ${figureDisplay(usFig)} vs ${subjectLabel(ctx, cnFact)} ${figureDisplay(cnFig)}${ratioText}${who.length ? ` — ${who.join("; ")}` : ""}`;
  } else {
    const leadFact = (topic.lead && ctx.fact(topic.lead)) || us[0] || china[0] || related[0];
    if (!leadFact)
      return notFoundCard(ctx, `The material has no figures on ${topic.title.toLowerCase()} yet.`);
    lead = [leadFact];
    headline = `${leadFact.claim}${provenance(leadFact, ctx.entity)}`;
  }
  // Words beyond the topic ask for one of its facts: that fact leads, the topic's pair stays as a row.
  if (focus) {
    lead = unique([focus, ...lead]);
    headline = `${focus.claim}${provenance(focus, ctx.entity)}`;
  }

  // Further rows: the two sides' facts that measure the same thing in the same unit.
  for (const u of us) {
    for (const c of china) {
      if (rows.length >= 6) break;
      if (u.metric !== c.metric || lead.includes(u) || lead.includes(c)) continue;
      const uf = u.figures[0];
      const cf = c.figures[0];
      if (!uf || !cf || uf.unit !== cf.unit) continue;
      const r = ratio(uf, cf);
      rows.push({
        ...rowLabel(ctx, u.metric, u, c),
        unit: uf.unit,
        left: { value: uf.value, display: figureDisplay(uf), factId: u.id },
        right: { value: cf.value, display: figureDisplay(cf), factId: c.id },
        ...(r ? { ratio: r } : {}),
      });
    }
  }
  const inRows = new Set(rows.flatMap((r) => [r.left.factId, r.right.factId]));
  const ordered = unique([...lead, ...us, ...china, ...related]);
  const restates = restatesPair(usFact && cnFact ? [usFact, cnFact] : undefined);
  // A bullet belongs to the topic: a fact that another topic holds first is cited here, not listed.
  const rest = ordered.filter(
    (f) => !inRows.has(f.id) && (lead.includes(f) || (ownTopic(ctx, f, topic) && !restates(f))),
  );
  return {
    kind: "gap",
    title: `${gapName(ctx)}: ${topic.title}`,
    headline: clip(headline, HEADLINE_MAX),
    fields: [
      ...figureFields(
        rest.filter((f) => f.figures.length > 0),
        6,
      ).map((f) => {
        const fact = ctx.fact(f.factId ?? "");
        return fact ? { ...f, label: labelWithSubject(subjectLabel(ctx, fact), f.label) } : f;
      }),
    ],
    ...(rows.length && left && right
      ? {
          comparison: {
            left: { name: left.label, entityId: left.entity },
            right: { name: right.label, entityId: right.entity },
            rows,
          },
        }
      : {}),
    citations: citeAll(ctx, ordered),
    suggestions: [
      ...ctx.knowledge.topics
        .filter((t) => t.id !== topic.id)
        .slice(0, 3)
        .map((t) => ({ label: `Gap: ${t.title}`, command: `/gap ${t.id.replace(/-/g, " ")}` })),
      ...(lead[0] ? [paragraphSuggestion(ctx, lead[0])] : []),
    ],
    footer: `${topic.summary} · ${footerFor(ctx, ordered)}`,
  };
}

/** True unless the fact names another topic first: it is listed there, and only cited here. */
function ownTopic(ctx: Context, f: Fact, topic: Topic): boolean {
  const first = f.topics[0];
  return !first || first === topic.id || !ctx.topic(first);
}

/**
 * The headline pair said again as a quoted multiple ("more than twice"): a fact whose figures are all
 * multiples and which names the subjects of both headline facts. Cited, but no bullet of its own.
 */
function restatesPair(pair: [Fact, Fact] | undefined): (f: Fact) => boolean {
  const subjects = pair?.map((f) => f.entities[0]).filter((id): id is string => !!id) ?? [];
  if (subjects.length < 2) return () => false;
  return (f) =>
    f.figures.length > 0 &&
    f.figures.every((g) => g.unit === "times") &&
    subjects.every((id) => f.entities.includes(id));
}

/**
 * A row sits under the two sides' columns; where a figure is not the side's own (a product's
 * figure on its country's side), the label names whose figures they are.
 */
function rowLabel(ctx: Context, label: string, us: Fact, china: Fact): { label: string; metric?: string } {
  const own = (f: Fact) => sideOfEntity(ctx, subjectIdOf(ctx, f))?.id === f.side;
  if (own(us) && own(china)) return { label };
  return { label: `${label}: ${subjectLabel(ctx, us)} vs ${subjectLabel(ctx, china)}`, metric: label };
}

/** "China–US gap": the two sides' labels, as the knowledge names them (knowledge/sides.yaml). */
export function gapName(ctx: Context): string {
  const [left, right] = ctx.knowledge.sides;
  return left && right ? `${right.label}–${left.label} gap` : "Gap";
}
