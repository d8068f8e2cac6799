// The one ranker: the search's score reweighed by what the question asks for, with every weight in
// rank/weights.ts, and the test a fact must pass to answer rather than merely come nearest.
import type { Fact } from "../../knowledge/schema.js";
import { ARTICLE_SUBJECT } from "../../knowledge/schema.js";
import { groupHolds } from "../../knowledge/subject.js";
import type { Context } from "../context.js";
import { type Reading, valuesIn } from "../frames/reading.js";
import type { Hit } from "../search.js";
import { subjectIdOf } from "../subjects.js";
import { normalize } from "../text.js";
import {
  about,
  aboutFamily,
  concerns,
  contentShare,
  countOf,
  factNames,
  factTerms,
  family,
  hasAny,
  inGroup,
  namedOfKind,
  namesAskedKind,
  namesWanted,
  narrowedTo,
  otherCountryAsked,
  otherSide,
  ownThings,
  qualifiedBy,
  relativeTo,
  sameTime,
  sideOfSubject,
  sumOf,
} from "./relevance.js";
import { factNumbers, saidByFact, saysWhatIsAsked } from "./said.js";

/** The facts for a question, best first: the search's score, reweighed by what the question asks for. */
export function rankFacts(ctx: Context, r: Reading): Hit<Fact>[] {
  const hits = ctx.retriever.searchFacts(r.terms, r.entityIds);
  // The hits are this search's own: rescored in place. Plain loops: this runs for every hit of every
  // question, and closures per hit were a good share of an answer's garbage.
  const w = ctx.weights;
  for (const h of hits) {
    const f = h.item;
    let s = h.score;
    const noShare = r.share && !f.figures.some((fig) => ctx.lexicon.units.share.has(fig.unit));
    // A number the asker typed ("by 2030", "4200") is a strong sign of which fact they mean; but in
    // "X's 5 million units are what share of the world's?" it is what they already know.
    if (r.numbers.length && !noShare && hasAny(factNumbers(f), r.numbers)) s *= w.typedNumber;
    if (r.units.size && f.figures.some((fig) => r.units.has(fig.unit))) s *= w.unitAsked;
    if (r.quantitative && f.figures.length === 0) s *= w.noFigure;
    // "What share…?" wants the 1/4, not the 5 million.
    if (noShare) s *= w.noShare;
    if (r.entityIds.length && !concerns(ctx, r, f) && !otherCountryAsked(ctx, r, f)) s *= w.notConcerned;
    // "Which <Southland> growers…": a fact naming none of Southland's things is about something else.
    else if (r.qualifiers.length && !qualifiedBy(ctx, r, factNames(f))) s *= w.notConcerned;
    // "A on B": a fact about both names answers better than one about A alone.
    else if (r.entityIds.length > 1) {
      let n = 0;
      for (const id of r.entityIds) if (about(ctx, f, id)) n++;
      s *= Math.sqrt(n / r.entityIds.length);
    }
    // "Besides 4 million developers…": a fact giving the figure set aside answers something else.
    if (r.asideNumbers.some((n) => !r.givenNumbers.includes(n) && factNumbers(f).has(n))) s *= w.asideNumber;
    // A figure the clause before the question gives ("X9: 10k crates an hour — what does it cost?") is matched by
    // its value, magnitude and all: the fact stating it is what the asker knows, and its words are theirs too.
    if (r.givenValues.length && statesValue(f, r.givenValues)) s *= w.givenValue;
    // A fact about the thing set aside answers less well, unless it names others of its kind beside it:
    // "who, besides A, praised it?" is answered by "B and A praised it".
    for (const m of r.aside)
      if (f.entities.includes(m.entity.id) && !inGroup(ctx, f, m.entity)) {
        s *= w.asideThing;
        break;
      }
    // "Which X-line machines besides the 9?": a fact naming the line's other members names the answer; one
    // naming only the member set aside answers something else.
    if (r.others.length) {
      if (namesOthers(r, f)) s *= w.otherMember;
      else s *= w.asideThing;
    }
    // "cold-stored" typed as one word: a fact that writes the very compound is meant more than one
    // with its words apart (each compound it writes counts).
    for (const c of r.compounds) if (spacedText(f).includes(c)) s *= w.compound;
    // "What did A say…": A's own claims answer before facts that merely name A; "according to whom…",
    // any fact that says whose it is.
    if (spokenBy(r, f) || (r.asksSource && f.attribution !== undefined)) s *= w.speakerClaim;
    // "Which country…": a fact naming a country, beside those asked about, names the answer.
    if (r.wants.length && f.entities.some((id) => namesWanted(ctx, r, id))) s *= w.wantedKind;
    // "Which growers…" in the plural: a fact naming several of them gives the list asked for.
    if (r.list && namedOfKind(ctx, r, f.entities) >= 2) s *= w.listNamed;
    // A fact narrowed to a country the question does not name ("…in Southland") answers a narrower question;
    // one about both sides (the gap between them) is narrowed to neither.
    if (narrowedTo(ctx, f).some((id) => !r.entityIds.includes(id))) s *= w.narrowedElsewhere;
    // "What should Southland do?": advice is the article's own view, where it gives one.
    if (r.advice && f.subject === ARTICLE_SUBJECT && !f.attribution) s *= w.articleView;
    // "This year": a fact speaking of the very time asked answers before one dated otherwise.
    if (sameTime(ctx, r, f)) s *= w.sameTime;
    // "Homegrown growers' share": a side named by its words prefers figures whose subject is of that side.
    if (r.sideWord) {
      const side = sideOfSubject(ctx, f);
      if (side === r.sideWord) s *= w.sideWordMatch;
      else if (side) s *= w.sideWordOther;
    }
    h.score = s;
  }
  return hits.sort(
    (a, b) => b.score - a.score || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
  );
}

const quotedValues = new WeakMap<Fact, number[]>();

/** True when the fact states one of the values, as a figure or in its quote ("is 1.6 trillion, 6 times lower…"). */
function statesValue(f: Fact, values: readonly number[]): boolean {
  let stated = quotedValues.get(f);
  if (!stated) {
    stated = [...f.figures.map((g) => g.value), ...valuesIn(f.quote)];
    quotedValues.set(f, stated);
  }
  return stated.some((x) => values.some((v) => Math.abs(v - x) <= Math.abs(x) * 0.005));
}

/** True when the hit answers the question, not merely comes nearest to it. */
export function answers(ctx: Context, r: Reading, h: Hit<Fact>, inWords = false): boolean {
  const f = h.item;
  // A figure asked of a country alone is not one company's or body's figure: a company's is not its country's.
  // Checked first, as asked: a worth answered in words below is still asked of the country.
  if (
    r.things.length === 0 &&
    r.countries.length === 1 &&
    (r.quantitative || r.money) &&
    ownedBySomeone(ctx, f, r.countries[0] as string)
  )
    return false;
  // "How much is Applewood worth?" where the material states the worth only in words: a fact matching every
  // word of what is asked answers in its words.
  if (inWords) {
    if (r.counted || r.content.length === 0 || contentShare(ctx, r, h.matched) < 1) return false;
    // "…in dollars": a sum of money asked for by its unit is not given in words.
    const moneyText = ctx.lexicon.units.moneyText;
    if (moneyText?.test(r.question) && !f.figures.some((fig) => ctx.lexicon.units.money.has(fig.unit)))
      return false;
    // The very measure asked for is what the fact measures ("worth" is its market value).
    const measures = new Set(ctx.tokenize(f.metric, { words: true }));
    if (!r.content.every((t) => measures.has(t))) return false;
    // "What is A worth?": a value stated only against another of A's kind ("passed B's") is not A's value.
    const asked = r.things.length === 1 ? ctx.entity(r.things[0] as string) : undefined;
    if (
      asked &&
      f.entities.some(
        (id) => id !== asked.id && !r.entityIds.includes(id) && ctx.entity(id)?.kind === asked.kind,
      )
    )
      return false;
    return answers(ctx, { ...r, quantitative: false, money: false }, h);
  }
  return (
    (r.chinese === undefined || r.chinese >= ctx.weights.minHanCoverage) &&
    // A question about one company is not answered by a fact about another, however well the rest matches;
    // nor one about A and B by a fact about A and C.
    (r.entityIds.length === 0 || concerns(ctx, r, f) || otherCountryAsked(ctx, r, f)) &&
    (r.things.length < 2 || r.things.every((id) => aboutFamily(ctx, f, id))) &&
    // A count asked of one side is not answered by the other side's count, though it names the first;
    // but "whose compute beats all of Southland's" asks for a name, and the other side's fact that sets
    // it against the side named gives that name.
    !(
      r.things.length === 0 &&
      r.countries.length === 1 &&
      otherSide(ctx, r.countries[0] as string, f) &&
      !(
        (r.wants.length > 0 || ctx.cues.asks_whom.any.test(normalize(r.question))) &&
        ctx.cues.compared_base.any.test(normalize(r.question)) &&
        f.entities.includes(r.countries[0] as string)
      )
    ) &&
    // Nor is anything asked of one side ("what did A forecast for Southland?") by a figure on the other
    // side that does not name the side asked about.
    !(
      r.countries.length === 1 &&
      !f.entities.includes(r.countries[0] as string) &&
      otherSide(ctx, r.countries[0] as string, f)
    ) &&
    // "A's share of the total" is not answered by A's share of a growth: a share of a change answers only a
    // question on a change.
    !(
      r.share &&
      /^share of /i.test(f.metric) &&
      ctx.cues.growth.any.test(normalize(f.metric)) &&
      !ctx.cues.growth.any.test(normalize(r.question))
    ) &&
    // "A's share" is not answered by a figure of those outside A ("makers outside A and B"), unless the
    // question sets A outside too.
    !(
      !ctx.cues.excluding.any.test(normalize(r.question)) &&
      [...r.countries, ...r.things].some((id) => setOutside(ctx, f, id))
    ) &&
    // The time, year and side asked about: held as a quoted sentence is (rank/said.ts).
    saysWhatIsAsked(ctx, r, saidByFact(ctx, f), () => contentShare(ctx, r, h.matched)) &&
    // "What share…", "what is A's share of…" is answered only by a fact giving a share, not a sum it is a share of.
    !(r.share && r.quantitative && !f.figures.some((fig) => ctx.lexicon.units.share.has(fig.unit))) &&
    // "A's share of the group's X": the group's own figure is not what A is to the group.
    !memberOfSubjectAsked(ctx, r, f) &&
    // "According to whose statistics…" is answered only by a fact that says whose it is.
    !(r.asksSource && f.attribution === undefined) &&
    // "How many X does B have, per A?" is answered only by what A says.
    r.sources.every((id) => f.attribution === id || f.entities.includes(id)) &&
    // "How many X…" is not answered by a share alone: a share is no count. But "how many X does A have
    // compared with B" is, by A's as a fraction of B's: a share on a fact naming both.
    !(
      r.many &&
      !r.share &&
      f.figures.length > 0 &&
      f.figures.every((g) => ctx.lexicon.units.share.has(g.unit)) &&
      !countComparedBy(ctx, r, f)
    ) &&
    // "What yield is…": the measure asked for must be one the fact matches in its own words (not through a
    // topic it is filed under, whose words speak of its neighbours too), and a figure of it.
    // A sum of money written in words ("a valuation of trillions of dollars") is a value of it too.
    (r.measure === undefined ||
      (h.matched.includes(r.measure) && factTerms(ctx, f).has(r.measure) && givesValue(ctx, f))) &&
    h.coverage >=
      (r.entityIds.length || r.qualifiers.length
        ? ctx.weights.minCoverageWithEntity
        : ctx.weights.minCoverage) &&
    // What a speaker asked about said is their words, which need not echo the asker's: a claim of theirs
    // about what is asked needs less of the question's wording.
    // A question for the other members of a line is answered by naming them, whatever its other words.
    (namesOthers(r, f) ||
      contentShare(ctx, r, h.matched) >=
        ctx.weights.minContentCoverage * (spokenBy(r, f) ? ctx.weights.speakerContent : 1)) &&
    // What one speaker said about B is answered only by a claim about B (two speakers compared aside).
    (r.speakers.length !== 1 ||
      r.compares ||
      r.entityIds.every((id) => r.speakers.includes(id) || aboutFamily(ctx, f, id))) &&
    // Two countries set side by side are answered by a fact on both, not on one of them.
    !(
      r.compares &&
      r.things.length === 0 &&
      r.countries.length >= 2 &&
      !r.countries.every((id) => about(ctx, f, id))
    ) &&
    // "Which company…" is answered by a fact that names a company (besides any the question names).
    (r.names.length === 0 || namesKind(ctx, r, f)) &&
    // "Which <Pearfield> machines…" by one naming a machine Pearfield makes, not Pearfield alone.
    qualifiedBy(ctx, r, factNames(f)) &&
    // Nor by a sum of money (and shares beside it): a count asked ("how many…", "多少片…") is no sum spent on
    // the things counted.
    !(
      r.many &&
      !r.money &&
      f.figures.some((g) => ctx.lexicon.units.money.has(g.unit)) &&
      f.figures.every((g) => ctx.lexicon.units.money.has(g.unit) || ctx.lexicon.units.share.has(g.unit))
    ) &&
    // "How many …?" answered by a fact with no figure at all is the nearest fact, not an answer;
    // and a question about money needs a sum of money.
    !(r.quantitative && f.figures.length === 0) &&
    // A count is answered by a count of the thing named, not one the material gives someone else.
    !(r.counted && !countOf(ctx, r, f)) &&
    !(r.money && !f.figures.some((fig) => ctx.lexicon.units.money.has(fig.unit))) &&
    // "Pearfield alone": a figure for Applewood, Pearfield and Cidermill together is not Pearfield's.
    !r.alone.some((m) => inGroup(ctx, f, m.entity)) &&
    // Nor is it Pearfield's when the question names Pearfield alone of the group: a group's figure is the group's.
    // Nor is it Google's when Google is related to a member (Alphabet): a member's own are no members.
    !(
      r.things.length === 1 &&
      [...family(ctx, r.things[0] as string)].some((id) => groupHolds(f, id, ctx.entity))
    ) &&
    // "A's figure": a figure whose subject is another thing of A's kind, not one of A's own, is that thing's,
    // though the fact names A beside it.
    // Countries aside (a side's figure is set against the other's), and comparisons, which name both owners.
    !(
      r.owners.length === 1 &&
      r.things.length === 1 &&
      r.things[0] === r.owners[0] &&
      !r.compares &&
      givesValue(ctx, f) &&
      othersFigure(ctx, f, r.owners[0] as string)
    ) &&
    // A product's figure is not its sibling's (one the material relates it to), unless the fact names both.
    !(r.things.length === 1 && siblingsFigure(ctx, f, r.things[0] as string)) &&
    // Nor, with its maker or buyer named beside it, is a fact naming another product of its kind instead.
    !r.things.some((id) => namesAnotherInstead(ctx, r, f, id)) &&
    // "What share of <the orchards>…" is not answered by a share of something else.
    // Its words are the fact's own, as a measure's are: a topic it is filed under speaks of its neighbours' too
    // (a share of the world pear market is filed with the apple harvest).
    r.shareOf.every((t) => h.matched.includes(t) && factTerms(ctx, f).has(t)) &&
    // "What is the funding spent on?" is answered by a fact saying what it is spent on, not how much it is.
    r.use.every((t) => h.matched.includes(t)) &&
    // "How far behind is A in coding?": a figure of another field is no answer, however well the rest matches.
    // The field may be set by the fact's paragraph ("queues hold …; the median wait is five years").
    inScope(ctx, r, h) &&
    // "What did it cost per kilometre?" is not answered by the whole cost: the fact must give the rate.
    (r.per === undefined || givesRate(f, r.per)) &&
    // "The combined harvest of Northland and Southland": only a figure the material gives for them together.
    !(r.sum && !sumOf(ctx, r, f))
  );
}

/**
 * True when the hit speaks of the field the question closes on: it matches, or its paragraph writes, at least
 * half of the field's words by weight ("pear orchards" is about pears, not about orchards of another kind).
 */
function inScope(ctx: Context, r: Reading, h: Hit<Fact>): boolean {
  // A speaker's words need not echo the asker's: what they said is read on its own (speakerContent).
  if (r.scope.length === 0 || spokenBy(r, h.item)) return true;
  let all = 0;
  let got = 0;
  for (const t of r.scope) {
    const w = ctx.retriever.weight(t);
    all += w;
    if (h.matched.includes(t) || saidByFact(ctx, h.item).context().has(t)) got += w;
  }
  return got >= all * ctx.weights.scopeCoverage;
}

/** True when a count is asked of one thing against another ("compared with B") and the fact names both. */
function countComparedBy(ctx: Context, r: Reading, f: Fact): boolean {
  return (
    r.entityIds.length >= 2 &&
    ctx.cues.count_compared.any.test(normalize(r.question)) &&
    r.entityIds.every((id) => about(ctx, f, id))
  );
}

/** True when the fact names the entity only as set outside what it counts ("makers outside A and B"). */
function setOutside(ctx: Context, f: Fact, id: string): boolean {
  return setOutsideIn(ctx, f.quote, id);
}

/** True when the text sets the entity outside what it counts, in the few words after "outside", "excluding"… */
export function setOutsideIn(ctx: Context, text: string, id: string): boolean {
  const e = ctx.entity(id);
  const cue = ctx.cues.excluding.any;
  const quote = normalize(text);
  if (!e || !cue.test(quote)) return false;
  const names = [e.name, ...e.aliases].map((n) => normalize(n)).filter((n) => /^[a-z][a-z .-]*$/.test(n));
  for (const m of quote.matchAll(new RegExp(cue.source, "gu"))) {
    // The names in the few words after the cue, up to the clause's end: "outside america and china".
    const after = (quote.slice(m.index + m[0].length).split(/[,;.]/)[0] ?? "").split(" ").slice(0, 6);
    if (names.some((n) => ` ${after.join(" ")} `.includes(` ${n} `))) return true;
  }
  return false;
}

/** True when the question names the fact's subject, a group, and a member of it besides ("A's share of G's"). */
function memberOfSubjectAsked(ctx: Context, r: Reading, f: Fact): boolean {
  const group = f.subject === undefined ? undefined : ctx.entity(f.subject);
  return (
    group !== undefined &&
    group.members.length > 0 &&
    r.things.includes(group.id) &&
    r.things.some((id) => group.members.includes(id))
  );
}

/** True when the fact gives a figure to another thing of the asked thing's kind, and does not name it. */
function siblingsFigure(ctx: Context, f: Fact, id: string): boolean {
  if (f.figures.length === 0 || f.entities.includes(id)) return false;
  const subject = subjectIdOf(ctx, f);
  return subject !== id && ctx.entity(subject)?.kind === ctx.entity(id)?.kind;
}

/** True when the fact gives a value: a figure, or a sum of money in words ("trillions of dollars"). */
function givesValue(ctx: Context, f: Fact): boolean {
  return f.figures.length > 0 || ctx.lexicon.units.moneyText?.test(f.quote) === true;
}

/** True when the fact's subject is another thing of the entity's kind, neither of its own nor a group holding it. */
function othersFigure(ctx: Context, f: Fact, id: string): boolean {
  const subject = subjectIdOf(ctx, f);
  const kind = ctx.entity(subject)?.kind;
  return (
    kind !== undefined &&
    kind === ctx.entity(id)?.kind &&
    !family(ctx, id).has(subject) &&
    !family(ctx, subject).has(id) &&
    !groupHolds(f, id, ctx.entity)
  );
}

/** Kinds of entity that are bodies or places, not things made: a fact about them may name many products. */
const BODIES = new Set(["company", "organisation", "country", "group", "person"]);

/**
 * True when the question names a product (a chip, a model…) that the fact does not concern, and the fact names
 * another of its kind the question does not: "B's revenue" is not answered by a fact on A's, though both
 * share a maker the question names too.
 */
function namesAnotherInstead(ctx: Context, r: Reading, f: Fact, id: string): boolean {
  const kind = ctx.entity(id)?.kind;
  if (kind === undefined || BODIES.has(kind) || about(ctx, f, id)) return false;
  // A line's members, or the line a member belongs to, are the thing's own, not others of its kind.
  const own = ownThings(ctx, id);
  if (f.entities.some((e) => own.has(e))) return false;
  return f.entities.some(
    (e) =>
      !own.has(e) && !r.entityIds.includes(e) && ctx.entity(e)?.kind === kind && !ownThings(ctx, e).has(id),
  );
}

/** True when the fact's subject is one company or body, and the fact does not name the country itself. */
function ownedBySomeone(ctx: Context, f: Fact, countryId: string): boolean {
  const kind = ctx.entity(subjectIdOf(ctx, f))?.kind;
  return (kind === "company" || kind === "organisation") && !f.entities.includes(countryId);
}

/** True when the fact states a figure per `per` ("per day", "a day", "each day", "daily", "/day"). */
export function givesRate(f: Fact, per: string): boolean {
  const stem = per.replace(/(?:ies|es|s)$/, "").replace(/y$/, "");
  const text = `${f.quote} ${f.figures.map((g) => g.unit).join(" ")}`.toLowerCase();
  const rate = new RegExp(
    `(?:\\b(?:per|a|an|each|every)\\s+(?:[a-z-]+\\s+)?|/)${stem}|\\b${stem}i?ly\\b${stem === "year" ? "|\\bannual" : ""}`,
  );
  // "257k WPM": an abbreviated unit ending "P" and the rate's letter ("per month").
  const abbreviated = new RegExp(`P${stem.charAt(0).toUpperCase()}$`);
  return (
    rate.test(text) ||
    f.figures.some((g) => /^[A-Z]{2,6}$/i.test(g.unit) && abbreviated.test(g.unit.toUpperCase()))
  );
}

const spaced = new WeakMap<Fact, string>();

/** The fact's claim and quote, normalised, with hyphens and quotation marks as spaces. */
function spacedText(f: Fact): string {
  let text = spaced.get(f);
  if (text === undefined) {
    text = normalize(`${f.claim} ${f.quote}`)
      .replace(/[-"'“”]+/g, " ")
      .replace(/\s+/g, " ");
    spaced.set(f, text);
  }
  return text;
}

/** True when the fact names a thing of a kind a "which <kind>" question asks for, not one it names itself. */
function namesKind(ctx: Context, r: Reading, f: Fact): boolean {
  const ids = [...f.entities, ...(f.attribution ? [f.attribution] : []), ...(f.subject ? [f.subject] : [])];
  return ids.some((id) => {
    const e = ctx.entity(id);
    return e !== undefined && namesAskedKind(ctx, r, e) && !r.aside.some((m) => m.entity.id === id);
  });
}

/** True when the fact names a member of a line the question asks for the other members of. */
function namesOthers(r: Reading, f: Fact): boolean {
  return r.others.length > 0 && f.entities.some((id) => r.others.includes(id));
}

/** True when the fact is the claim of a speaker the question asks about ("according to A"). */
function spokenBy(r: Reading, f: Fact): boolean {
  return f.attribution !== undefined && r.speakers.includes(f.attribution);
}

/** The best hit giving the one thing named a figure relative to another, if any of the best does. */
export function relativeHit(ctx: Context, r: Reading, ranked: readonly Hit<Fact>[]): Fact | undefined {
  return ranked.slice(0, 5).find((h) => relativeTo(ctx, r, h.item))?.item;
}

/**
 * Two facts that between them answer a comparison: each answers the question but for naming every
 * thing and year, both give figures, and together they speak of everything named and every year typed.
 */
export function comparedPair(
  ctx: Context,
  r: Reading,
  ranked: readonly Hit<Fact>[],
): [Hit<Fact>, Hit<Fact>] | undefined {
  const top = ranked[0];
  if (!top) return undefined;
  const loose: Reading = {
    ...r,
    years: [],
    things: r.things.length >= 2 ? [] : r.things,
    countries: r.countries.length >= 2 ? [] : r.countries,
  };
  const candidates = ranked
    .slice(0, 8)
    .filter((h) => h.score >= top.score * 0.2 && h.item.figures.length > 0 && answers(ctx, loose, h));
  const covers = (a: Fact, b: Fact) =>
    r.things.every((id) => aboutFamily(ctx, a, id) || aboutFamily(ctx, b, id)) &&
    r.countries.every((id) => about(ctx, a, id) || about(ctx, b, id)) &&
    r.years.every((y) => factNumbers(a).has(y) || factNumbers(b).has(y));
  const pairs: [Hit<Fact>, Hit<Fact>][] = [];
  for (const [i, a] of candidates.entries())
    for (const b of candidates.slice(i + 1)) {
      const same = b.item.figures.every((g) =>
        a.item.figures.some((x) => x.value === g.value && x.unit === g.unit),
      );
      if (!same && covers(a.item, b.item)) pairs.push([a, b]);
    }
  // Like with like first: two subjects' figures in one unit set side by side (and their ratio can be
  // computed), before a figure beside a statement of how the two compare.
  const alike = ([a, b]: [Hit<Fact>, Hit<Fact>]) =>
    subjectIdOf(ctx, a.item) !== subjectIdOf(ctx, b.item) &&
    a.item.figures.some((x) => b.item.figures.some((y) => x.unit === y.unit));
  return pairs.find(alike) ?? pairs[0];
}

/**
 * The hit among the best that matches far more of what the question asks about its subject (the measure:
 * "share of the world apple market") than the answer does, on a subject the question does not
 * ask about: the material gives that measure, but not for this subject. Undefined when there is none.
 */
export function measuredElsewhere(
  ctx: Context,
  r: Reading,
  best: Hit<Fact>,
  ranked: readonly Hit<Fact>[],
): Hit<Fact> | undefined {
  // Only a question for a figure names a measure; one in words may be answered in other words. A question
  // in Chinese is read with every dictionary word inside each run, overlapping ("竞争对手" also gives
  // "competition" and "opponent"), so the share of its words one fact matches says little of its measure.
  if (
    r.things.length !== 1 ||
    r.content.length < 3 ||
    !(r.quantitative || r.share || r.money) ||
    r.chinese !== undefined
  )
    return undefined;
  const own = contentShare(ctx, r, best.matched);
  for (const h of ranked.slice(1, 10)) {
    if (subjectIdOf(ctx, h.item) === subjectIdOf(ctx, best.item)) continue;
    if (r.things.some((id) => aboutFamily(ctx, h.item, id))) continue;
    if (own < ctx.weights.measuredElsewhere * contentShare(ctx, r, h.matched)) return h;
  }
  return undefined;
}
