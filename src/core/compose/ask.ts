// A question in words: retrieve the facts that answer it, rerank by what kind of figure it asks for,
// and answer with the best one — or say plainly that the material does not answer it.
import type { Entity, EntityKind, Fact } from "../../knowledge/schema.js";
import type { Card } from "../card.js";
import { HEADLINE_MAX } from "../card.js";
import { type Context, productCodeMatches } from "../context.js";
import type { Mention } from "../entities.js";
import { clip, provenance } from "../format.js";
import type { Hit } from "../search.js";
import { RATIO_WORDS, SYNONYMS } from "../synonyms.js";
import { HAN, HAN_STOP_CHARS, HAN_STOPWORDS, nameKey, normalize, STOPWORDS, stem } from "../text.js";
import { notFoundCard } from "./not-found.js";
import { citeAll, figureFields, footerFor, noted, unique } from "./shared.js";

/**
 * The share of a question's weight the best fact must match to count as an answer. Calibrated on
 * out-of-scope questions (weather, other chips, prices) against in-scope paraphrases: see tests/core.
 */
export const MIN_COVERAGE = 0.5;
/** With an entity named and matched, less of the wording needs to match. */
export const MIN_COVERAGE_WITH_ENTITY = 0.35;
/** The share of the words besides the names that the answer must match. */
export const MIN_CONTENT_COVERAGE = 0.2;

const QUANTITATIVE =
  /\bhow (many|much|far|big|large|long|old|fast|strong|powerful)\b|\bwhat (share|percentage|proportion|fraction|number|is the number|size)\b|\bwhat percent|多少|几|多大|多久|多远|比例/;

/** A question about a sum of money: only a figure in USD answers it. */
const MONEY =
  /\bpa(?:y|ys|id|ying)\b|\bearn(?:s|ed|ings)?\b|\brevenues?\b|\bprofits?\b|\bcosts?\b|\bprices?\b|\bdollars?\b|\$|\bmoney\b|\bspen[dt]\b|\bspending\b|\bcapex\b|\bcapital expenditures?\b|\binvest(?:ment|ments|ed|s)?\b|\bbudgets?\b|\byuan\b|\brmb\b|多少钱|花了|资本开支|投资|人民币/;

/** "X or Y", "X 还是 Y": a question offering alternatives. */
const ALTERNATIVES = /\bor\b|还是|或者/;

/** A question about one of several ("Microsoft alone", "单独"). */
const ALONE_WORDS = String.raw`(?:\balone|\bby itself|\bon its own|\bindividually|\bsingle-handedly)\b`;
const ALONE = new RegExp(`${ALONE_WORDS}|单独|独自`);

/** A question about growth ("how much did capex grow?") asks for a rate, not a sum of money. */
const GROWTH =
  /\bgr[oe]w(?:s|n|th|ing)?\b|\bincreas(?:e|es|ed|ing)\b|\br[io]se\b|\brising\b|\bjump(?:s|ed)?\b|\by(?:o|\/)y\b|\byear[- ]on[- ]year\b|增长|增幅|同比|增速/;

/** Words naming a measure: asked for with "what is", they want a figure. */
const MEASURE =
  /\bmarket (?:cap|capitali[sz]ation|value)\b|市值|\b(?:market )?shares?\b|\bpercentages?\b|\bproportion\b|\bcount\b|\bsize\b|\bamount\b|\btotal\b|份额|占比|比例|规模/;

/** A share asked for in so many words ("what share of…", "占比多少"): a figure in other units is no share. */
const SHARE_ASKED =
  /\bwhat (?:share|percentage|proportion|fraction|percent)\b|\bwhat %|\bhow much of\b[^?]*\b(?:share|total)\b|占比|百分之几|百分比|比例是多少|占[^，,。？?]{0,12}多少|相当于[^，,。？?]{0,20}的(?:多少|百分之)/;

/** "Which country…", "which company…": the kind of thing the answer names. */
const WHICH_KIND: [RegExp, EntityKind[]][] = [
  [/\b(?:which|what) (?:country|nation)\b|哪个国家|哪国/, ["country"]],
  [/\b(?:which|what) (?:company|firm|maker|vendor|chipmaker|lab)\b|哪家|哪个公司/, ["company"]],
  [/\b(?:which|what) (?:chip|gpu|accelerator|card)\b|哪款芯片|哪个芯片/, ["chip", "product"]],
  [/\b(?:which|what) (?:framework|software)\b|哪个框架/, ["framework", "product"]],
  [/\bwho\b|谁/, ["person"]],
];

/** A question setting two things side by side. */
const COMPARES = /\bcompare[ds]?\b|\bcomparison\b|\bvs\.?(?!\w)|\bversus\b|\bagainst\b|对比|比较|相比|相较/;

/** A model number right after a name: "910C" of "Ascend 910C". */
const MODEL_NUMBER_AFTER = /^ ?(\d+[a-z]+\d*|[a-z]*\d+[a-z]+)(?![a-z0-9])/;
const CHIP_NUMBER_AFTER = /^ ?(\d+[a-z]+\d*|[a-z]*\d+[a-z]+|(?!(?:19|20)\d\d(?!\d))\d{3,4})(?![a-z0-9.])/;

/** "What's the … maker / company / chip …": a question for a name. */
const ASKS_NAME =
  /\b(?:what|which)(?:'s| is| was| are| were)? the (?:[a-z-]+ ){0,4}(?:maker|makers|company|companies|firm|chip|chips|model|models|country|person|vendor|lab|one)\b/;

/** Two questions in one: "what did they spend this year and how fast did it grow?". */
const TWO_ASKS = /\b(?:what|how|which|who|when)\b[^?]*\band (?:how|what|which|who|when|by how)\b/;

/** "What does X show / say / find about…": asks for a finding, in words or in figures. */
const FINDING =
  /\baccording to\b[^?]*\b(?:quote|remarks?|words|comments?)\b|\bwhat (?:does|did|do)\b[^?]*\b(?:show|shows|say|says|suggest|suggests|find|indicate|indicates|reveal|reveals|tell us)\b|(?:说|称|认为|表示)[^？?，,]*(?:多少|什么|怎样|如何)/;

/** The question asks for a value ("how much…", "what is the price…"), not a how or a why. */
const ASKS_VALUE = /\bhow much\b|\bwhat(?:'s| is| was| are| were| did| does| do| will)\b|多少|几/;

/** Words of a comparison: asked "how big", they want a % or a multiple; else they name the subject. */
const HOW_FAR_APART = /\bstronger\b|\bfaster\b|\bweaker\b|\bgap\b|\bbetter\b|差距|强/;

/** The units a question asks for, from its wording. */
const UNIT_HINTS: [RegExp, string[]][] = [
  [
    /\bgpus?\b|\bchips?\b|\bcards?\b|\baccelerators?\b|芯片|显卡|卡/,
    ["GPUs", "chips", "H100-equivalents", "cards"],
  ],
  [
    /\bcosts?\b|\bspend|\binvest|\bdollars?\b|\$|\bbudget|\bmoney|\bcapex\b|\bexpenditure|成本|投资|美元|花了|资本开支/,
    ["USD"],
  ],
  [
    /\bshare\b|\bpercent|%|份额|占|比例|百分之|\baccounts? for\b|\bproportion\b|\bfraction\b|相当于[^，,。？?]{0,20}的多少/,
    ["%", "fraction"],
  ],
  [/\bbehind\b|\blags?\b|\blagging\b|\bahead\b|\blead\b|\bmonths?\b|落后|领先/, ["months"]],
  [/\bdevelopers?\b|开发者/, ["developers"]],
  [/\bdata ?cent(er|re)s?\b|数据中心/, ["data centers"]],
  [/\bparameters?\b|\bhow (big|large)\b|参数/, ["parameters"]],
  [/\btokens?\b|训练数据/, ["tokens"]],
  [/\bhow many models\b|\bmodels? at (the same time|once)\b|\bsimultaneous/, ["models"]],
  [/\btops\b|\beflops\b|\bcompute\b|\bcomputing power\b|算力/, ["TOPS", "EFLOPS", "H100-equivalents"]],
  [HOW_FAR_APART, ["%", "times"]],
  [/\bhow old\b|\byears?\b/, ["years"]],
  [GROWTH, ["%"]],
];

/**
 * The answer the material gives to words typed where a command wanted something else ("/gap tokens",
 * "/source data centers", "/model Mythos training cost"); undefined when it gives none.
 */
export function materialAnswer(
  ctx: Context,
  text: string,
  mentions: readonly Mention[] = ctx.finder.mentions(text),
): Card | undefined {
  const card = askCard(ctx, text, mentions);
  return card.kind === "answer" ? card : undefined;
}

/** GAPBOT_DEBUG_ASK=1: why each question got its best fact, on stderr (read once: process.env is slow). */
const DEBUG = Boolean(process.env.GAPBOT_DEBUG_ASK);

export function askCard(ctx: Context, question: string, mentions: readonly Mention[]): Card {
  const refused = refusal(ctx, question, mentions);
  if (refused) return refused;
  // "What did they spend this year, and how fast did it grow?": each question answered by its own fact.
  const both = twoAnswers(ctx, question, mentions);
  if (both) return answerCard(ctx, both[0], [both[1]], true);
  const r = readQuestion(ctx, question, mentions);
  const ranked = rankFacts(ctx, r);
  const best = ranked[0];
  if (DEBUG && best)
    process.stderr.write(
      `${question} :: ${best.item.id} cov=${best.coverage.toFixed(2)} content=${contentShare(ctx, r, best.matched).toFixed(2)} han=${r.chinese?.toFixed(2)} quant=${r.quantitative} money=${r.money} [${r.content}] terms=[${r.terms}] ids=[${r.entityIds}] next: ${ranked
        .slice(0, 4)
        .map((h) => `${h.item.id} ${h.score.toFixed(2)}`)
        .join(", ")}\n`,
    );
  // "How does Kai-Fu Lee's estimate compare with CAISI's?": one fact for each side, both in the headline.
  const pair = r.compares ? comparedPair(ctx, r, ranked) : undefined;
  if (pair && (!best || !answers(ctx, r, best) || pair[0] === best)) {
    const [one, other] = pair;
    const rest = ranked.filter(
      (h) => h !== one && h !== other && h.score >= one.score * 0.5 && answers(ctx, r, h),
    );
    return scored(
      answerCard(ctx, one.item, [other.item, ...rest.slice(0, 1).map((h) => h.item)], true),
      one.score,
    );
  }
  if (!best || !answers(ctx, r, best))
    return (
      // A count of a kind of thing needs a curated count; a sentence with some number in it is no answer.
      (r.counted ? undefined : paragraphAnswer(ctx, r)) ?? miss(ctx, mentions)
    );
  const support = ranked
    .slice(1)
    .filter((h) => h.score >= best.score * 0.5 && answers(ctx, r, h))
    .slice(0, 2)
    .map((h) => h.item);
  return scored(answerCard(ctx, best.item, support), best.score);
}

function scored(card: Card, score: number): Card {
  return Number.isFinite(score) ? { ...card, score } : card;
}

/**
 * Questions refused before any search: a product the material never names (GPT-5, the H20), a name it
 * never uses (Intel, Sam Altman), a measured thing it has no word for (electricity).
 */
function refusal(ctx: Context, question: string, mentions: readonly Mention[]): Card | undefined {
  // "A100s" is the A100 in the plural.
  const isKnown = (code: string) =>
    ctx.productCodes.has(code) || ctx.productCodes.has(code.replace(/s$/, ""));
  const codes = productCodeMatches(question);
  // "Is the 640 INT8 or FP16?": an alternative the material never names is no subject of the question.
  const alternatives = ALTERNATIVES.test(normalize(question)) && codes.some(({ code }) => isKnown(code));
  const unknown = alternatives ? undefined : codes.find(({ code }) => !isKnown(code));
  if (unknown) return unknownProduct(ctx, question, unknown.written, mentions);
  // "Ascend 910C": a model number after a line's or a maker's name that no name in the material has.
  const key = nameKey(question);
  for (const m of mentions) {
    if (m.entity.kind === "country") continue;
    // After a line of chips, a bare number of its own ("Ascend 950", "昇腾950") is a model number too;
    // after a chip it is a figure ("910B 640 TOPS").
    const line = m.entity.kind !== "chip" && isChipLike(ctx, m.entity);
    const pattern = line ? CHIP_NUMBER_AFTER : MODEL_NUMBER_AFTER;
    const next = pattern.exec(key.slice(m.end))?.[1];
    if (next && !ctx.finder.isNameWord(next) && !ALTERNATIVES.test(key))
      return unknownProduct(ctx, question, `${key.slice(m.start, m.end)} ${next}`, mentions);
  }
  const stranger = unknownName(ctx, question);
  if (stranger) return notFoundCard(ctx, `Not in the material: it does not mention ${stranger}.`, []);
  // "How much electricity…", "the share of AI researchers": the thing to be measured is a word the
  // material never uses, so none of its figures measures it.
  const unmeasured = askedWords(normalize(question)).find((w) => !knownWord(ctx, w));
  if (!unmeasured) return undefined;
  const near = mentions.map((m) => m.entity).slice(0, 2);
  return notFoundCard(
    ctx,
    `Not in the material: it has no figures on ${unmeasured}${thoughMentions(near)}.`,
    near,
  );
}

/** What a question asks, read once: its search terms, the figure it wants, the things it names. */
interface Reading {
  question: string;
  /** The question's words, names cut out: what is asked about the names. */
  content: string[];
  contentWeight: number;
  terms: string[];
  /** Units the wording asks for ("how many GPUs" → GPUs). */
  units: Set<string>;
  /** The question sets two things side by side ("compare", "vs", 相比), or asks two things at once. */
  compares: boolean;
  /** The kinds of thing the answer names ("which country…" → country), if the question asks for one. */
  wants: EntityKind[];
  /** "What share of…": a share is asked for, and a fact with no share in it answers less well. */
  share: boolean;
  quantitative: boolean;
  money: boolean;
  /** The things asked about on their own ("Microsoft alone"): a figure for a group of them is not theirs. */
  alone: Mention[];
  /** The units a count must be in ("how many GPUs are in Colossus 2"), if the question counts. */
  counted: string[] | undefined;
  numbers: string[];
  /** Figures set aside ("besides 4 million developers"): a fact giving them answers something else. */
  asideNumbers: string[];
  years: string[];
  /** The share of its Chinese the material knows; undefined for a question with little Chinese. */
  chinese: number | undefined;
  /** Names asked about, and names set aside ("besides OpenBSD"). */
  asked: Mention[];
  aside: Mention[];
  entityIds: string[];
  /** The non-country things named, and the countries. */
  things: string[];
  countries: string[];
}

function readQuestion(ctx: Context, question: string, mentions: readonly Mention[]): Reading {
  const text = normalize(question);
  // Chinese words (and bigrams) the English material never uses can match nothing and cannot be judged
  // across languages, so they count neither for nor against; unknown English words do count against.
  // Words asking for a ratio ("by what multiple") ask how the figures compare; no fact contains them.
  const key = nameKey(question);
  // "Which Siyuan models…": the models of a chip are its variants, not AI models.
  const variants = mentions.some((m) => isChipLike(ctx, m.entity) && /^ models?\b/.test(key.slice(m.end)));
  const asks = (t: string) =>
    (!HAN.test(t) || ctx.retriever.known(t)) && !RATIO_WORDS.has(t) && !(variants && t === "model");
  // Misspelt words read as the words the material uses ("paramters" → "parameter").
  const fixed = (t: string) => ctx.retriever.correct(t) ?? t;
  // "Besides OpenBSD, where else…": a name set aside is no subject of the question, and facts about it
  // answer it less well; its words are not searched for.
  const aside = mentions.filter((m) => SET_ASIDE.test(key.slice(0, m.start)));
  const asked = mentions.filter((m) => !aside.includes(m));
  const searched = aside.length ? ctx.finder.residue(question, aside) : question;
  const terms = unique(ctx.tokenize(searched).filter(asks).map(fixed));
  const corrections = terms.filter((t) => !question.toLowerCase().includes(t)).join(" ");
  const hinted = corrections ? `${text} ${corrections}` : text;
  // "过去几年" is "in the past few years", no "how many"; "几月份" asks for a month, no number.
  // "哪几款" is "which ones": it names, it does not count.
  const asking = text.replace(/(?:过去|近|这|前)几年|几月份?|哪个月|哪几[款个家种位项]?/g, " ");
  // "What is Huawei's market share?" asks for a figure as surely as "how much".
  // "What does Epoch AI's data show about the share…" asks what it found, which may be a trend, not a figure.
  // So does "what did Jensen Huang say about how far behind China is": what he said, in words or figures.
  // "What's the optical module maker whose market value passed Moutai?" asks for a name, not the value.
  const quantitative =
    !FINDING.test(asking) &&
    (QUANTITATIVE.test(asking) ||
      (ASKS_VALUE.test(asking) && MEASURE.test(asking) && !ASKS_NAME.test(asking)));
  // "How big is the gap" wants a % or a multiple; "how did Jensen Huang describe the gap" wants his words.
  const units = new Set(
    UNIT_HINTS.filter(([re]) => re.test(hinted) && (re !== HOW_FAR_APART || quantitative)).flatMap(
      ([, u]) => u,
    ),
  );
  // "How much did capex grow?" asks for the rate of growth, not the sum.
  if (GROWTH.test(hinted)) units.delete("USD");
  // A share of a sum of money ("capex as a share of investment") is answered in %, not in dollars.
  const money = MONEY.test(text) && ASKS_VALUE.test(asking) && !GROWTH.test(text) && !units.has("%");
  const entityIds = asked.map((m) => m.entity.id);
  // The words left when the names are cut out: "employees" in "How many employees does Huawei have?".
  // A name alone matching is no answer; what is asked about it must match too.
  const content = unique(
    ctx
      .tokenize(ctx.finder.residue(question, [...mentions]))
      .filter(asks)
      .map(fixed),
  );
  // "Besides 4 million developers, how many models…": a figure set aside is what the asker already knows.
  const asideClause = ASIDE_CLAUSE.exec(text)?.[0] ?? "";
  const asideNumbers = asideClause ? typedNumbers(asideClause) : [];
  const numbers = typedNumbers(question).filter((n) => !asideNumbers.includes(n));
  return {
    question,
    content,
    contentWeight: content.reduce((sum, t) => sum + ctx.retriever.weight(t), 0),
    terms,
    units,
    share: SHARE_ASKED.test(asking),
    compares: COMPARES.test(text) || TWO_ASKS.test(text),
    wants: WHICH_KIND.filter(([re]) => re.test(text)).flatMap(([, kinds]) => kinds),
    quantitative,
    money,
    alone: aloneMentions(text, key, asked),
    counted: countedUnits(text, mentions),
    numbers,
    asideNumbers,
    years: numbers.filter((n) => /^(19|20)\d\d$/.test(n)),
    chinese: hanCoverage(ctx, question),
    asked,
    aside,
    entityIds,
    things: entityIds.filter((id) => ctx.entity(id)?.kind !== "country"),
    countries: entityIds.filter((id) => ctx.entity(id)?.kind === "country"),
  };
}

/** The share of the question's content words, by weight, that a hit matched. */
function contentShare(ctx: Context, r: Reading, matched: readonly string[]): number {
  if (r.contentWeight === 0) return 1;
  let got = 0;
  for (const t of r.content) if (matched.includes(t)) got += ctx.retriever.weight(t);
  return got / r.contentWeight;
}

const about = (ctx: Context, f: Fact, id: string) =>
  f.entities.includes(id) || f.attribution === id || sideMatches(ctx, id, f);

/** True when the fact concerns what is asked about: a thing named, or else a country named. */
function concerns(ctx: Context, r: Reading, f: Fact): boolean {
  // "Huawei Ascend's share in China" asks about the Ascend: a fact about China alone does not answer it.
  // A thing is concerned through its own: the Siyuan line through the Siyuan 590.
  for (const id of r.things) if (aboutFamily(ctx, f, id)) return true;
  if (r.things.length) return false;
  for (const id of r.entityIds) if (about(ctx, f, id)) return true;
  return false;
}

/** The facts for a question, best first: the search's score, reweighed by what the question asks for. */
function rankFacts(ctx: Context, r: Reading): Hit<Fact>[] {
  const hits = ctx.retriever.searchFacts(r.terms, r.entityIds);
  // The hits are this search's own: rescored in place. Plain loops: this runs for every hit of every
  // question, and closures per hit were a good share of an answer's garbage.
  for (const h of hits) {
    const f = h.item;
    let s = h.score;
    const noShare = r.share && !f.figures.some((fig) => fig.unit === "%" || fig.unit === "fraction");
    // A number the asker typed ("by 2027", "5427") is a strong sign of which fact they mean; but in
    // "Google's 5 million H100-equivalents are what share of the world's?" it is what they already know.
    if (r.numbers.length && !noShare && hasAny(factNumbers(f), r.numbers)) s *= 1.5;
    if (r.units.size && f.figures.some((fig) => r.units.has(fig.unit))) s *= 1.6;
    if (r.quantitative && f.figures.length === 0) s *= 0.6;
    // "What share…?" wants the 1/4, not the 5 million.
    if (noShare) s *= 0.3;
    if (r.entityIds.length && !concerns(ctx, r, f) && !otherCountryAsked(ctx, r, f)) s *= 0.4;
    // "Musk on X": a fact about both names answers better than one about Musk alone.
    else if (r.entityIds.length > 1) {
      let n = 0;
      for (const id of r.entityIds) if (about(ctx, f, id)) n++;
      s *= Math.sqrt(n / r.entityIds.length);
    }
    // "Besides 4 million developers…": a fact giving the figure set aside answers something else.
    if (r.asideNumbers.length && hasAny(factNumbers(f), r.asideNumbers)) s *= 0.5;
    // A fact about the thing set aside answers less well, unless it names others of its kind beside it:
    // "who, besides Musk, praised Chinese AI?" is answered by "Jensen Huang and Elon Musk praised it".
    for (const m of r.aside)
      if (f.entities.includes(m.entity.id) && !inGroup(ctx, f, m.entity)) {
        s *= 0.5;
        break;
      }
    // "Which country…": a fact naming a country, beside those asked about, names the answer.
    if (r.wants.length && f.entities.some((id) => namesWanted(ctx, r, id))) s *= 1.3;
    // A fact narrowed to a country the question does not name ("…in China") answers a narrower question;
    // one about both sides ("the China–US gap is only nanoseconds") is narrowed to neither.
    if (narrowedTo(ctx, f).some((id) => !r.entityIds.includes(id))) s *= 0.85;
    h.score = s;
  }
  return hits.sort(
    (a, b) => b.score - a.score || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
  );
}

const hasAny = (set: ReadonlySet<string>, values: readonly string[]) => {
  for (const v of values) if (set.has(v)) return true;
  return false;
};

/** True when the hit answers the question, not merely comes nearest to it. */
function answers(ctx: Context, r: Reading, h: Hit<Fact>): boolean {
  const f = h.item;
  return (
    (r.chinese === undefined || r.chinese >= MIN_HAN_COVERAGE) &&
    // A question about Google is not answered by a fact about Meta, however well the rest matches;
    // nor one about Doubao and Moore Threads by a fact about Doubao and Iluvatar CoreX.
    (r.entityIds.length === 0 || concerns(ctx, r, f) || otherCountryAsked(ctx, r, f)) &&
    (r.things.length < 2 || r.things.every((id) => aboutFamily(ctx, f, id))) &&
    // "How many data centers does China have?" is not answered by the US's count, though it names China.
    !(r.things.length === 0 && r.countries.length === 1 && otherSide(ctx, r.countries[0] as string, f)) &&
    h.coverage >= (r.entityIds.length ? MIN_COVERAGE_WITH_ENTITY : MIN_COVERAGE) &&
    contentShare(ctx, r, h.matched) >= MIN_CONTENT_COVERAGE &&
    // A year asked about ("in 2030") must be one the fact speaks of.
    r.years.every((y) => factNumbers(f).has(y)) &&
    // "How many …?" answered by a fact with no figure at all is the nearest fact, not an answer;
    // and a question about money needs a sum of money.
    !(r.quantitative && f.figures.length === 0) &&
    !(r.counted && !f.figures.some((fig) => r.counted?.includes(fig.unit))) &&
    !(r.money && !f.figures.some((fig) => fig.unit === "USD")) &&
    // "Microsoft alone": a figure for Amazon, Microsoft, Alphabet and Meta together is not Microsoft's.
    !r.alone.some((m) => inGroup(ctx, f, m.entity))
  );
}

/**
 * The facts answering a message that asks two things ("what did they spend on capex this year and how
 * fast did it grow?"): the second question is read with the names of the first ("it" is their capex).
 */
function twoAnswers(ctx: Context, question: string, mentions: readonly Mention[]): [Fact, Fact] | undefined {
  const split = TWO_ASKS_SPLIT.exec(question);
  if (!split || split.index === undefined) return undefined;
  const first = question.slice(0, split.index);
  // "Which AMD chip and which Moore Threads chip does the GB300 outperform?" is one question: its first
  // half has no verb of its own.
  if (!/\b(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should)\b/i.test(first))
    return undefined;
  const names = mentions.map((m) => m.entity.name).join(", ");
  const second = `${question.slice(split.index + split[0].length)} (${names})`;
  const best = (text: string) => {
    const found = ctx.finder.mentions(text);
    const r = readQuestion(ctx, text, found);
    const top = rankFacts(ctx, r)[0];
    return top && answers(ctx, r, top) ? top.item : undefined;
  };
  const a = best(first);
  const b = a && best(second);
  return a && b && a !== b ? [a, b] : undefined;
}

/** Where a message's second question starts: "… this year and how fast did it grow?". */
const TWO_ASKS_SPLIT = /,? \band (?=(?:how|what|which|who|when|by how)\b)/i;

/**
 * Two facts that between them answer a comparison: each answers the question but for naming every
 * thing and year, both give figures, and together they speak of everything named and every year typed.
 */
function comparedPair(
  ctx: Context,
  r: Reading,
  ranked: readonly Hit<Fact>[],
): [Hit<Fact>, Hit<Fact>] | undefined {
  const top = ranked[0];
  if (!top) return undefined;
  const loose: Reading = { ...r, years: [], things: r.things.length >= 2 ? [] : r.things };
  const candidates = ranked
    .slice(0, 8)
    .filter((h) => h.score >= top.score * 0.2 && h.item.figures.length > 0 && answers(ctx, loose, h));
  const covers = (a: Fact, b: Fact) =>
    r.things.every((id) => aboutFamily(ctx, a, id) || aboutFamily(ctx, b, id)) &&
    r.years.every((y) => factNumbers(a).has(y) || factNumbers(b).has(y));
  for (const [i, a] of candidates.entries())
    for (const b of candidates.slice(i + 1)) {
      const same = b.item.figures.every((g) =>
        a.item.figures.some((x) => x.value === g.value && x.unit === g.unit),
      );
      if (!same && covers(a.item, b.item)) return [a, b];
    }
  return undefined;
}

/**
 * The answer: the fact's claim first, then up to two supporting facts, all cited. `paired`: the question
 * compares, and the first supporting fact is the other side, so the headline states both.
 */
function answerCard(ctx: Context, top: Fact, support: readonly Fact[], paired = false): Card {
  const subject = ctx.entity(top.entities[0] ?? "");
  const first = noted(ctx, `${top.claim}${provenance(top, ctx.entity)}`, top);
  // A claim in words leaves room for the next thing the material says to the question, as a card's
  // headline does ("largest company by market value" and "above Germany's GDP").
  const next = support[0] && (paired || top.figures.length === 0) ? support[0] : undefined;
  const other = next ? `${next.claim}${provenance(next, ctx.entity)}` : "";
  return {
    kind: "answer",
    title: subject ? `${subject.name}: ${top.metric}` : top.metric,
    headline: clip(
      other && first.length + 1 + other.length <= HEADLINE_MAX ? `${first} ${other}` : first,
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
      { label: "Source text", command: `/source ${top.id}` },
    ],
    footer: footerFor(ctx, [top, ...support]),
  };
}

/**
 * A capitalised word inside an English sentence that the material never uses, that no name contains and
 * that is no misspelling of a word it does use: the name of someone or something it does not cover.
 */
function unknownName(ctx: Context, question: string): string | undefined {
  for (const m of question.matchAll(
    /(?<=[\p{L}\p{N},'’"“)]\s+)\p{Lu}\p{Ll}{2,}(?:'s|’s)?(?![\p{L}\p{N}])/gu,
  )) {
    const word = m[0].replace(/(?:'s|’s)$/, "");
    const tokens = ctx.tokenize(word);
    if (tokens.length === 0 || tokens.some((t) => ctx.retriever.known(t) || ctx.retriever.correct(t)))
      continue;
    if (ctx.finder.isNameWord(word) || ctx.finder.mentions(word).length > 0) continue;
    // The whole name, as typed: "Sam Altman", not "Sam".
    const rest =
      /^(?:\s+\p{Lu}[\p{L}\p{N}-]*)*/u.exec(question.slice((m.index ?? 0) + word.length))?.[0] ?? "";
    return `${word}${rest}`;
  }
  return undefined;
}

/** Words that set the name after them aside: "besides OpenBSD", "other than Nvidia". */
const ASIDE_WORDS = String.raw`(?:\bbesides|\bbeside|\bapart from|\baside from|\bother than|\bexcept(?: for)?|\bexcluding|\bnot counting|除了)`;
const SET_ASIDE = new RegExp(String.raw`${ASIDE_WORDS}\s*$`);

/** A clause setting something aside, to its comma: "besides 4 million developers,". */
const ASIDE_CLAUSE = new RegExp(`${ASIDE_WORDS}[^,，;；?？]*`);

/** The words naming what a question asks to be measured: "how many <X>", "the share of <X Y>". */
function askedWords(text: string): string[] {
  const out: string[] = [];
  const many = /\bhow (?:much|many) ([a-z][a-z-]*)/.exec(text);
  if (many?.[1]) out.push(many[1]);
  const part =
    /\b(?:share|percentage|proportion|fraction|number|amount|count) of (?:the |all |its |their )?([a-z][a-z-]*)(?: ([a-z][a-z-]*))?/.exec(
      text,
    );
  if (part) out.push(...part.slice(1).filter((w): w is string => !!w));
  return out.filter((w) => !STOPWORDS.has(w) && !QUESTION_FILLER.has(w) && !RATIO_WORDS.has(stem(w)));
}

/** Words that shape a question without naming what it asks for: "what kind of chip…". */
const QUESTION_FILLER = new Set(["kind", "kinds", "sort", "sorts", "type", "types", "exactly", "else"]);

/** A word the material uses, as written, by a synonym, a misspelling or a name. */
function knownWord(ctx: Context, word: string): boolean {
  const tokens = ctx.tokenize(word);
  return (
    tokens.length === 0 ||
    ctx.finder.isNameWord(word) ||
    // A word of a synonym group or a unit ("percentage", "dollars") is one the answers are written in.
    UNIT_HINTS.some(([re]) => re.test(word)) ||
    tokens.some((t) => ctx.retriever.known(t) || SYNONYMS.has(t) || ctx.retriever.correct(t) !== undefined)
  );
}

/** A model number ("H100", "GPT-5", "昇腾910B"): its digits name a thing, they are no figure. */
const MODEL_NUMBER = /(?<![\p{L}\p{N}])[\p{L}]{1,6}-?\d[\p{L}\p{N}.]*/gu;

/** The numbers in a question, model numbers aside ("2027", "5427", "1.6"; not the 100 of "H100"). */
function typedNumbers(question: string): string[] {
  return (
    normalize(question)
      .replace(MODEL_NUMBER, " ")
      .match(/\d+(?:\.\d+)?/g) ?? []
  );
}

const factNumberCache = new WeakMap<Fact, Set<string>>();

/** The numbers a fact states anywhere: its quote, claim, figures and date. */
function factNumbers(f: Fact): Set<string> {
  let set = factNumberCache.get(f);
  if (!set) {
    const text = normalize([f.quote, f.claim, f.as_of ?? "", ...f.figures.map((g) => g.text)].join(" "));
    set = new Set(text.match(/\d+(?:\.\d+)?/g) ?? []);
    factNumberCache.set(f, set);
  }
  return set;
}

/** Counting chips of a named model ("how many H100s") is counting GPUs. */
const CHIP_UNITS = ["GPUs", "chips", "H100-equivalents", "cards"];

/** The units a "how many <things>" question counts in; undefined for any other question. */
function countedUnits(text: string, mentions: readonly Mention[]): string[] | undefined {
  // A count compared ("how many high-end chips does China have compared with the US") is fairly
  // answered by a ratio; otherwise a count of a kind of thing ("how many GPUs are in Colossus 2") is
  // answered by a count of it.
  return COUNT_COMPARED.test(text) ? undefined : countingUnits(text, mentions);
}

/** The units "how many <things>" counts in, compared or not ("how many developers, compared with CUDA's"). */
export function countingUnits(text: string, mentions: readonly Mention[]): string[] | undefined {
  // "how many open source models": the counted thing may come a word or two after "how many".
  const m = /\bhow many ([a-z0-9][a-z0-9-]*(?: [a-z]+){0,2})/.exec(text);
  if (!m?.[1]) return undefined;
  const at = m.index + m[0].length - m[1].length;
  // The counted word is a chip's name: "how many H100s", "how many Ascend 910B chips".
  const named = mentions.find((x) => x.entity.kind === "chip" && x.start <= at + 1 && x.end >= at);
  if (named) return CHIP_UNITS;
  const counted = m[1];
  const units = UNIT_HINTS.filter(([re]) => re.test(counted)).flatMap(([, u]) => u);
  return units.length ? units : undefined;
}

const COUNT_COMPARED = /\bcompared?\b|\bthan\b|\brelative\b|\bvs\b|\bversus\b|\bas many\b/;

/** Of a question's Chinese, the share the material knows must be at least this (天气 is not known). */
export const MIN_HAN_COVERAGE = 0.6;

/**
 * The share of a question's Chinese characters, function words aside, that fall inside a word or
 * bigram the material uses: the Chinese counterpart of content coverage, since unknown Chinese words
 * cannot be weighed one by one against an English material. Undefined for a question with little Chinese.
 */
function hanCoverage(ctx: Context, question: string): number | undefined {
  let total = 0;
  let covered = 0;
  for (const run of normalize(question).match(/\p{Script=Han}+/gu) ?? []) {
    const skip = new Array<boolean>(run.length).fill(false);
    const known = new Array<boolean>(run.length).fill(false);
    for (let i = 0; i < run.length; i++) {
      if (HAN_STOP_CHARS.has(run[i] as string)) skip[i] = true;
      for (let len = 2; len <= Math.min(8, run.length - i); len++) {
        const piece = run.slice(i, i + len);
        const mark = HAN_STOPWORDS.has(piece)
          ? skip
          : ctx.retriever.known(piece) || SYNONYMS.has(piece) || Object.hasOwn(ctx.knowledge.glossary, piece)
            ? known
            : undefined;
        if (mark) for (let j = i; j < i + len; j++) mark[j] = true;
      }
      if (SYNONYMS.has(run[i] as string) || Object.hasOwn(ctx.knowledge.glossary, run[i] as string))
        known[i] = true;
    }
    for (let i = 0; i < run.length; i++) {
      if (skip[i] && !known[i]) continue;
      total++;
      if (known[i]) covered++;
    }
  }
  return total >= 3 ? covered / total : undefined;
}

/**
 * The things "alone" is said of: the name it follows ("Microsoft alone", "Meta by itself"), or else the one
 * thing named, unless the question asks who ("whose compute alone exceeds China's" asks for the one).
 */
function aloneMentions(text: string, key: string, asked: readonly Mention[]): Mention[] {
  if (!ALONE.test(text)) return [];
  const after = asked.filter(
    (m) => ALONE_AFTER.test(key.slice(m.end)) || /(?:单独|独自) ?$/.test(key.slice(0, m.start)),
  );
  if (after.length) return after;
  return asked.length === 1 && !/\b(?:who|whose|which|what company|what firm)\b|谁|哪/.test(text)
    ? [...asked]
    : [];
}

/** "alone" right after a name ("Microsoft alone", "Microsoft's alone"), or 单独 beside it. */
const ALONE_AFTER = new RegExp(`^(?: s)? ${ALONE_WORDS}|^ ?(?:单独|独自)`);

/** True when the fact's figure belongs to the entity together with others of its kind (the big four's capex). */
function inGroup(ctx: Context, f: Fact, e: Entity): boolean {
  return (
    f.entities.includes(e.id) &&
    f.entities.filter((id) => id !== e.id && ctx.entity(id)?.kind === e.kind).length > 0
  );
}

const families = new WeakMap<Context, Map<string, Set<string>>>();

/** A thing with its own: a maker's products, a product line's members, the things it is related to. */
function family(ctx: Context, id: string): Set<string> {
  let byId = families.get(ctx);
  if (!byId) {
    byId = new Map();
    families.set(ctx, byId);
  }
  let set = byId.get(id);
  if (!set) {
    const e = ctx.entity(id);
    const related = e?.related ?? [];
    set = new Set([id, ...related]);
    for (const other of ctx.knowledge.entities)
      if (other.vendor === id || other.related.includes(id) || related.includes(other.vendor ?? ""))
        set.add(other.id);
    byId.set(id, set);
  }
  return set;
}

/** True when the fact concerns the thing or one of its own ("Huawei's Ascend" through its Atlas 800T). */
function aboutFamily(ctx: Context, f: Fact, id: string): boolean {
  const own = family(ctx, id);
  return (f.attribution !== undefined && own.has(f.attribution)) || f.entities.some((e) => own.has(e));
}

/**
 * True when the fact's figure is the other side's: a US figure for a question about China. A time lag
 * ("15 months behind") belongs to both sides at once, whichever side the fact is filed under.
 */
function otherSide(ctx: Context, countryId: string, f: Fact): boolean {
  if (f.figures.some((fig) => fig.unit === "months")) return false;
  const c = ctx.entity(countryId)?.country;
  return (c === "US" && f.side === "china") || (c === "CN" && f.side === "us");
}

/**
 * "Which country's history is held up as a model for China?": the answer is another country, and China
 * is only the setting; a fact naming another country answers it.
 */
function otherCountryAsked(ctx: Context, r: Reading, f: Fact): boolean {
  return (
    r.wants.includes("country") &&
    f.entities.some((id) => ctx.entity(id)?.kind === "country" && namesWanted(ctx, r, id))
  );
}

/** True when the entity is of a kind the question asks for and not one it names. */
function namesWanted(ctx: Context, r: Reading, id: string): boolean {
  const kind = ctx.entity(id)?.kind;
  return kind !== undefined && r.wants.includes(kind) && !r.entityIds.includes(id);
}

/** The one country a fact is about, if it names just one; none when it names both sides or neither. */
function narrowedTo(ctx: Context, f: Fact): string[] {
  let country: string | undefined;
  for (const id of f.entities)
    if (ctx.entity(id)?.kind === "country") {
      if (country !== undefined) return [];
      country = id;
    }
  return country === undefined ? [] : [country];
}

/** A chip, or a line of chips (the Siyuan, the Ascend). */
function isChipLike(ctx: Context, e: Entity): boolean {
  return e.kind === "chip" || (e.related ?? []).some((id) => ctx.entity(id)?.kind === "chip");
}

/** A country named in the question speaks through the facts on its side. */
function sideMatches(ctx: Context, entityId: string, f: Fact): boolean {
  const e = ctx.entity(entityId);
  if (e?.kind !== "country") return false;
  return (e.country === "US" && f.side === "us") || (e.country === "CN" && f.side === "china");
}

/** No fact answers, but a paragraph may: quote its best sentence verbatim. */
function paragraphAnswer(ctx: Context, r: Reading): Card | undefined {
  const hit = ctx.retriever.searchParagraphs(r.terms)[0];
  if (!hit || hit.coverage < MIN_COVERAGE + 0.15) return undefined;
  // As for facts: what is asked about the names must match too, not the names alone.
  if (contentShare(ctx, r, hit.matched) < MIN_CONTENT_COVERAGE) return undefined;
  const { source, paragraph } = hit.item;
  const text = ctx.knowledge.paragraphs.get(source)?.[paragraph - 1];
  if (!text) return undefined;
  const wanted = new Set(r.terms);
  const sentences = text.split(/(?<=[.;!?])\s+/).filter((s) => s.trim());
  const scored = sentences.map((s) => ({ s, n: ctx.tokenize(s).filter((t) => wanted.has(t)).length }));
  scored.sort((a, b) => b.n - a.n);
  const sentence = scored[0]?.s.trim() ?? text;
  // A question for a number is not answered by a sentence without one (the 100 of "H100" is a name),
  // nor a question about money by a sentence without a sum of money.
  const figures = sentence.replace(MODEL_NUMBER, "");
  if ((r.quantitative || r.money) && !/\d/.test(figures)) return undefined;
  if (r.money && !/\$|\bdollars?\b|\byuan\b|\bUSD\b|美元|元/i.test(sentence)) return undefined;
  // A year asked about must be one the sentence speaks of.
  if (r.years.some((y) => !sentence.includes(y))) return undefined;
  // A question about Google is not answered by a sentence about Meta.
  if (r.asked.length) {
    const inSentence = ctx.finder.mentions(sentence).map((m) => m.entity);
    if (!r.asked.some((m) => inSentence.includes(m.entity))) return undefined;
    // "Microsoft alone" is not answered by a sentence about Microsoft among others of its kind.
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
function unknownProduct(ctx: Context, question: string, written: string, mentions: readonly Mention[]): Card {
  const shown =
    question.match(
      new RegExp(written.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[\\s-]*"), "i"),
    )?.[0] ?? written;
  const near = mentions.map((m) => m.entity).slice(0, 2);
  return notFoundCard(ctx, `Not in the material: it does not mention ${shown}${thoughMentions(near)}.`, near);
}

function miss(ctx: Context, mentions: readonly Mention[]): Card {
  const near = mentions.map((m) => m.entity).slice(0, 2);
  return notFoundCard(
    ctx,
    `Not in the material: the source does not answer that${thoughMentions(near)}.`,
    near,
  );
}

/** ", though it mentions Nvidia and China": what the material does name, beside the miss. */
function thoughMentions(near: readonly Entity[]): string {
  return near.length ? `, though it mentions ${near.map((e) => e.name).join(" and ")}` : "";
}
