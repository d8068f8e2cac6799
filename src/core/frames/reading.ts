// Reads a question once into what it asks: its search terms, the figure and units it wants, the things it
// names and sets aside, the relative time and side it speaks of. Cue words come from knowledge/ or stay
// general English and Chinese question words.
import type { CueName, Entity, EntityKind } from "../../knowledge/schema.js";
import { perContext, unique } from "../compose/shared.js";
import type { Context } from "../context.js";
import type { Mention } from "../entities.js";
import { HAN, HAN_STOP_CHARS, HAN_STOPWORDS, nameKey, normalize, STOPWORDS, stem } from "../text.js";
import { unnamedAsked } from "./unnamed.js";

/** The patterns built once per knowledge from its "besides" and "alone" cues, and its filler words. */
interface Built {
  /** A name set aside by the words before it ("besides (the) Applewood"). */
  setAside: RegExp;
  /** A clause setting something aside, to its comma: "besides 4 million developers,". */
  asideClause: RegExp;
  /** "alone" just after a name ("Pearfield alone", "Pearfield's alone"), or 单独 just before it. */
  aloneAfter: RegExp;
  aloneBefore: RegExp;
  /** Words that shape a question without naming what it asks for: "what kind of chip…". */
  filler: ReadonlySet<string>;
  /** The kinds of thing a source gives ("statistics", "data"), tokenized. */
  sourceKinds: ReadonlySet<string>;
}

const NO_WORDS: ReadonlySet<string> = new Set();

const builtCache = new WeakMap<Context, Built>();

function built(ctx: Context): Built {
  let b = builtCache.get(ctx);
  if (!b) {
    const aside = ctx.cues.aside.any.source;
    const alone = ctx.cues.alone.any.source;
    b = {
      setAside: new RegExp(`(?:${aside})(?: the)?\\s*$`, "u"),
      asideClause: new RegExp(`(?:${aside})[^,，;；?？]*`, "u"),
      aloneAfter: new RegExp(`^(?: s)? ?(?:${alone})`, "u"),
      aloneBefore: new RegExp(`(?:${alone}) ?$`, "u"),
      filler: new Set(ctx.knowledge.cueWords.question_filler),
      sourceKinds: new Set(ctx.tokenize(ctx.knowledge.cueWords.source_kinds.join(" "), { words: true })),
    };
    builtCache.set(ctx, b);
  }
  return b;
}

/** "Which country…", "which company…": the kind of thing the answer names, by the cue that asks for it. */
const WHICH_KIND: [CueName, EntityKind[]][] = [
  ["which_country", ["country"]],
  ["which_company", ["company"]],
  // A chip may be named by its maker ("50,000 <maker> chips").
  ["which_chip", ["chip", "product", "company"]],
  ["which_framework", ["framework", "product"]],
  ["who", ["person"]],
];

/** What a question asks, read once: its search terms, the figure it wants, the things it names. */
export interface Reading {
  question: string;
  /** The question's words, names cut out: what is asked about the names. */
  content: string[];
  contentWeight: number;
  terms: string[];
  /** Units the wording asks for ("how many tonnes" → tonnes). */
  units: Set<string>;
  /** The question sets two things side by side ("compare", "vs", 相比), or asks two things at once. */
  compares: boolean;
  /** The kinds of thing the answer names ("which country…" → country), if the question asks for one. */
  wants: EntityKind[];
  /** The kinds a "which <kind>" question asks for by name ("which company"): its answer must name one. */
  names: EntityKind[];
  /** True when a company names the answer only as the maker of a chip ("which chip…": "50,000 <maker> chips"). */
  chipMakers: boolean;
  /** "What share of…": a share is asked for, and a fact with no share in it answers less well. */
  share: boolean;
  quantitative: boolean;
  money: boolean;
  /** The things asked about on their own ("Pearfield alone"): a figure for a group of them is not theirs. */
  alone: Mention[];
  /** The things written as owners ("Pearfield's yield", "the yield of Pearfield's orchards"): what is asked is theirs. */
  owners: string[];
  /** Names the material writes without an entry of their own, as tokens ("Gemini"): what answers writes them. */
  unnamed: string[];
  /** The units a count must be in ("how many crates does the X9 pick"), if the question counts. */
  counted: string[] | undefined;
  /** The thing a count compared counts ("how many researchers does A have compared with B"): what answers names it. */
  countedNoun: string | undefined;
  numbers: string[];
  /** Figures set aside ("besides 4 million developers"): a fact giving them answers something else. */
  asideNumbers: string[];
  /**
   * The figures a clause before the question gives ("X9: 10k crates an hour — what does it cost?"), as values
   * with their magnitude: a fact stating one is what the asker knows ("10k" is not the "10" of "10 crowns").
   */
  givenValues: number[];
  /** The numbers of that clause as typed, which `asideNumbers` holds too. */
  givenNumbers: string[];
  years: string[];
  /** The side named only by its words ("homegrown" may be one side's word), when no country is named. */
  sideWord: string | undefined;
  /** Compounds typed with hyphens ("cold-stored"), as spaced words: a fact writing them so is meant. */
  compounds: string[];
  /** The words of what a share is asked of ("share of <apple orchards>"), names aside; the answer must match them. */
  shareOf: string[];
  /**
   * The words of the field a question closes on ("how far behind is A in <coding>?"), names, times, units and
   * places in the text aside: what the figure asked is of, so the answer must match one of them.
   */
  scope: string[];
  /** Advice is asked for ("what should Southland do?"). */
  advice: boolean;
  /** A sum of several subjects' figures is asked for ("combined", "in total"). */
  sum: boolean;
  /** A rate is asked for ("per day", "per kilometre"): what it is per, as written; undefined for none. */
  per: string | undefined;
  /** "What is the money spent on?": the words of the verb of use, which the answer must match. */
  use: string[];
  /** The relative time named ("last year"), as an index of the relative_times cue's pieces; -1 for none. */
  when: number;
  /** A count is asked for ("how many…"): a share alone does not give it. */
  many: boolean;
  /**
   * Words of the question that have opposites (words.yaml's opposites: "eastern" / "western"), as tokens:
   * a fact with an opposite and without the word speaks of the other thing.
   */
  opposites: [string, string[]][];
  /** The time of something is asked ("when did…", "what date…"): only an answer stating a time gives it. */
  asksTime: boolean;
  /** The year of something is asked ("in what year…"): a span of time ("in recent years") does not give it. */
  asksYear: boolean;
  /** The source of a figure or finding is asked ("according to whose statistics…"): it must be attributed. */
  asksSource: boolean;
  /** The state before an event is asked ("before the ban"): a fact of the time after does not give it. */
  asksBefore: boolean;
  /** The whole world asked for ("global shipments"): only a figure given for the world answers. */
  asksWorld: boolean;
  /** The country a share is asked within ("in Southland", "Southland's market"): its whole is not the world's. */
  shareWithin: string | undefined;
  /** True when the question asks about the present ("today", "currently"): a plan or forecast does not answer. */
  asksNow: boolean;
  /** True when the question supposes ("what if…", "how much could…"): a figure only supposed may answer it. */
  supposes: boolean;
  /** Units the question writes by name ("in EFLOPS", "how many TOPS"): the figure answered must be in one. */
  unitsTyped: string[];
  /** The measure named right after "what" ("what yield is…"), as a searched word: the answer must match it. */
  measure: string | undefined;
  /** The share of its Chinese the material knows; undefined for a question with little Chinese. */
  chinese: number | undefined;
  /** Who the question asks the words of ("according to A", "what did A conclude"): its speakers' ids. */
  speakers: string[];
  /**
   * Those named as the source of a figure asked of something else ("how many X does B have, per A?"): no
   * thing the figure is of, but the answer must be theirs.
   */
  sources: string[];
  /**
   * The other members of a line asked about, when the question sets one member aside ("which X models
   * besides the 9", "besides the X9"): it asks for these.
   */
  others: string[];
  /**
   * Names qualifying the kind asked for ("which <Southland> growers", "which <Pearfield> machines"), as ids: the
   * answer names a thing of that country, or one the maker makes. They are not among the names asked about.
   */
  qualifiers: string[];
  /** The kind asked for is plural ("which growers…", "which Southland machines…"): the answer lists several. */
  list: boolean;
  /** Names asked about, and names set aside ("besides Applewood"). */
  asked: Mention[];
  aside: Mention[];
  entityIds: string[];
  /** The non-country things named, and the countries. */
  things: string[];
  countries: string[];
}

/**
 * `typed`: the question as typed, when the material's words were put in for the asker's ("pay for" read as
 * "fund"): a question about money stays one.
 */
export function readQuestion(
  ctx: Context,
  question: string,
  mentions: readonly Mention[],
  typed?: string,
): Reading {
  const text = normalize(question);
  // Chinese words (and bigrams) the English material never uses can match nothing and cannot be judged
  // across languages, so they count neither for nor against; unknown English words do count against.
  // Words asking for a ratio ("by what multiple") ask how the figures compare; no fact contains them.
  const key = nameKey(question);
  // "Which <line> models…": the models of a line of products are its variants, not other models.
  const variants = mentions.some((m) => isChipLike(ctx, m.entity) && /^ models?\b/.test(key.slice(m.end)));
  const asks = (t: string) =>
    (!HAN.test(t) || ctx.retriever.known(t)) &&
    !ctx.lexicon.ratioWords.has(t) &&
    !(variants && t === "model");
  // Misspelt words read as the words the material uses ("paramters" → "parameter").
  const fixed = (t: string) => ctx.retriever.correct(t) ?? t;
  // "Besides Applewood, who else…": a name set aside is no subject of the question, and facts about it
  // answer it less well; its words are not searched for.
  // "The board put Northland at 4.2; what did it put Southland at?": a clause giving a figure before the question sets
  // aside its figure and the thing it is given for, where the question asks the same of another thing.
  const given = givenClause(ctx, text);
  const givenFor = given ? givenThings(ctx, given, text.slice(given.length)) : new Set<string>();
  const { setAside, asideClause: asideClauseRe } = built(ctx);
  const aside = mentions.filter((m) => setAside.test(key.slice(0, m.start)) || givenFor.has(m.entity.id));
  // "Which <Southland> growers…", "which <Pearfield> machines…": a name qualifying the kind asked for says
  // whose the answer's things are; it is not a subject the answer is about.
  const qualifiers = mentions.filter((m) => !aside.includes(m) && qualifiesKind(ctx, m, key));
  const asked = mentions.filter((m) => !aside.includes(m) && !qualifiers.includes(m));
  // A qualifier ("which <Southland> growers") says whose the answer's things are, checked on the names it
  // gives, not a word the answer must repeat.
  // Nor, after a qualifier, is the kind a "which <kind>" cue asks for ("which Southland companies…"): the
  // names' kinds answer it.
  const kindWord = qualifiers.length
    ? WHICH_KIND.filter(([cue]) => cue !== "who")
        .map(([cue]) => ctx.cues[cue].any.exec(text)?.[0].split(" ").pop())
        .filter((w): w is string => w !== undefined)
    : [];
  const qualifierWords = new Set([
    ...qualifiers.flatMap((m) => ctx.tokenize(key.slice(m.start, m.end))),
    ...ctx.tokenize(kindWord.join(" ")),
  ]);
  const searched = aside.length ? ctx.finder.residue(question, aside) : question;
  // A percentage asked for is a unit the answer's figure must be in, not a word it must repeat.
  const asksPercent = ctx.cues.asks_percent.any.test(text);
  const percentWords = asksPercent ? new Set(ctx.tokenize("percent percentage percentages")) : NO_WORDS;
  const terms = unique(
    ctx
      .tokenize(searched)
      .filter((t) => asks(t) && !percentWords.has(t) && !qualifierWords.has(t))
      .map(fixed),
  );
  const corrections = terms.filter((t) => !question.toLowerCase().includes(t)).join(" ");
  const hinted = corrections ? `${text} ${corrections}` : text;
  // "过去几年" is "in the past few years", no "how many"; "几月份" asks for a month, no number.
  // "哪几款" is "which ones": it names, it does not count.
  const asking = text.replace(ctx.cues.not_counting.global, " ");
  // "What is Applewood's market share?" asks for a figure as surely as "how much".
  // "What does Epoch AI's data show about the share…" asks what it found, which may be a trend, not a figure.
  // So does "what did A say about how far behind B is": what A said, in words or figures.
  // "What's the optical module maker whose market value passed Moutai?" asks for a name, not the value.
  // "What is the source of the share…" asks whose the figure is, not the figure.
  const asksSource = ctx.cues.asks_source.any.test(text);
  const quantitative =
    !asksSource &&
    !ctx.cues.finding.any.test(asking) &&
    (ctx.cues.quantitative.any.test(asking) ||
      // A terse comparison ("A's value vs B's GDP") may be answered in words: it asks how they compare.
      ((ctx.cues.asks_value.any.test(asking) ||
        (ctx.cues.terse.any.test(asking) && !ctx.cues.compares.any.test(text))) &&
        ctx.cues.measure.any.test(asking) &&
        !ctx.cues.asks_name.any.test(asking)));
  // A share asked for ("what share…", "what % of…").
  const share = ctx.cues.share.any.test(asking);
  // The whole world named ("global", 全球): asked for, unless it is the whole a share is of.
  const worldAsked = ctx.cues.asks_world.any.test(text);
  // Money asked to be spent on something ("what is the funding spent on?") asks what it goes to.
  const asksUse = ctx.cues.asks_use.any.test(text);
  // "How big is the gap" wants a % or a multiple; "how did A describe the gap" wants A's words.
  const units = new Set(
    ctx.lexicon.units.hints
      .filter((h) => h.cue.test(hinted) && (!h.quantitative || quantitative))
      .flatMap((h) => h.units),
  );
  // "How much did the harvest grow?" asks for the rate of growth, not the sum.
  // Nor does "what is the funding spent on?": it asks what the money goes to.
  if (ctx.cues.growth.any.test(hinted) || asksUse) for (const u of ctx.lexicon.units.money) units.delete(u);
  // "How much money has the revenue share brought in?": money asked in so many words is a sum of money, whatever
  // share or growth the question also names.
  const asksMoney = !asksUse && ctx.cues.asks_money.any.test(text);
  if (asksMoney) {
    for (const u of ctx.lexicon.units.share) units.delete(u);
    for (const u of ctx.lexicon.units.money) units.add(u);
  }
  // A share of a sum of money ("spending as a share of investment") is answered in %, not in dollars.
  const money =
    !asksSource &&
    // "What is the funding being spent on?" asks what the money goes to, not how much it is.
    !asksUse &&
    (asksMoney ||
      ctx.cues.money.any.test(text) ||
      // The material's own unit of money named ("in crowns") asks for a sum of money too.
      ctx.lexicon.units.moneyText?.test(text) === true ||
      (typed !== undefined && ctx.cues.money.any.test(normalize(typed)))) &&
    // "A's capex in dollars?": a value asked by the unit it is wanted in, with no question word.
    (asksMoney ||
      ((ctx.cues.asks_value.any.test(asking) || inMoneyUnit(ctx, text)) &&
        !ctx.cues.growth.any.test(text) &&
        ![...ctx.lexicon.units.share].some((u) => units.has(u))));
  const entityIds = asked.map((m) => m.entity.id);
  // The words left when the names are cut out: "orchards" in "How many orchards does Applewood run?".
  // A name alone matching is no answer; what is asked about it must match too.
  // "Besides 4 million developers, how many models…": a figure set aside is what the asker already knows.
  const asideClause = asideClauseRe.exec(text)?.[0] ?? "";
  const asideNumbers = [
    ...(asideClause ? typedNumbers(asideClause) : []),
    ...(given ? typedNumbers(given) : []),
  ];
  // "According to whose statistics…": the source is asked for, and what it gave (statistics, data) is
  // no word the answer must repeat.
  const sourceKinds = asksSource ? built(ctx).sourceKinds : NO_WORDS;
  const content = unique(
    ctx
      .tokenize(ctx.finder.residue(question, [...mentions]))
      .filter(
        (t) =>
          asks(t) &&
          !asideNumbers.includes(t) &&
          !sourceKinds.has(t) &&
          !percentWords.has(t) &&
          !qualifierWords.has(t),
      )
      .map(fixed),
  );
  const numbers = typedNumbers(question).filter((n) => !asideNumbers.includes(n));
  const others = otherMembers(ctx, asked, aside, asideNumbers);
  // The "which <kind>" cues the question asks by, each tested once.
  const whichAsked = new Set(WHICH_KIND.filter(([cue]) => ctx.cues[cue].any.test(text)).map(([cue]) => cue));
  const whichKinds = (withWho: boolean) =>
    WHICH_KIND.filter(([cue]) => whichAsked.has(cue) && (withWho || cue !== "who")).flatMap(
      ([, kinds]) => kinds,
    );
  // "Which … besides A": the answer names another thing of A's kind.
  const othersOf = ctx.cues.asks_which.any.test(text) ? unique(aside.map((m) => m.entity.kind)) : [];
  // What a clause giving figures before the question says ("A holds 90% of the training market. What of…") is
  // what the asker knows: its words narrow nothing that is asked (what a share is of, an opposite, a compound).
  const askedPart = given ? text.slice(given.length) : text;
  const askedTerms = new Set(given ? ctx.tokenize(askedPart).map(fixed) : []);
  const speakers = asked
    .filter(
      (m) =>
        ctx.cues.speaker_before.any.test(key.slice(0, m.start)) ||
        ctx.cues.speaker_after.any.test(key.slice(m.end)),
    )
    .map((m) => m.entity.id);
  // Those named as the source of what is asked ("according to A", "per A"), with other names asked about.
  const sources =
    speakers.length < asked.length
      ? asked.filter((m) => ctx.cues.speaker_before.any.test(key.slice(0, m.start))).map((m) => m.entity.id)
      : [];
  return {
    question,
    content,
    contentWeight: content.reduce((sum, t) => sum + ctx.retriever.weight(t), 0),
    terms,
    units,
    share,
    shareOf: shareOf(ctx, askedPart, asks, fixed),
    scope: scopeWords(ctx, text, content),
    compounds: (askedPart.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? [])
      .filter((c) => !MODEL_NUMBER_WHOLE.test(c))
      .map((c) => c.replace(/-/g, " ")),
    compares:
      ctx.cues.compares.any.test(text) ||
      ctx.cues.comparative.any.test(text) ||
      ctx.cues.two_asks.any.test(text),
    wants: [...whichKinds(true), ...othersOf],
    // "Who…" may be answered by a company or a country as well as a person; "which company…" only by one.
    names: [...whichKinds(false), ...othersOf],
    chipMakers: whichAsked.has("which_chip") && !whichAsked.has("which_company"),
    quantitative,
    money,
    alone: aloneMentions(ctx, text, key, asked),
    unnamed: unnamedAsked(ctx, question),
    owners: asked.filter((m) => /^ s\b/.test(key.slice(m.end))).map((m) => m.entity.id),
    counted: countedUnits(ctx, text, mentions),
    countedNoun: ctx.cues.count_compared.any.test(text) ? countedNoun(ctx, text) : undefined,
    numbers,
    asideNumbers,
    givenValues: given ? valuesIn(given) : [],
    givenNumbers: given ? typedNumbers(given) : [],
    years: numbers.filter((n) => /^(19|20)\d\d$/.test(n)),
    // "Up how much vs last year": the baseline of a change is not the time asked for.
    when: relativeTime(ctx, text.replace(ctx.cues.time_baseline.global, " ")),
    asksTime: ctx.cues.asks_when.any.test(text),
    many: ctx.cues.asks_count.any.test(text),
    opposites: oppositesAsked(ctx, given ? terms.filter((t) => askedTerms.has(t)) : terms),
    asksYear: ctx.cues.asks_year.any.test(text),
    asksSource,
    asksBefore: ctx.cues.asks_before.any.test(text),
    // "What share of the world's…" names the world as the whole a share is of, not as what is asked.
    // A percentage asked for in so many words ("what yield percentage…") asks for a share's unit.
    unitsTyped: [...(share ? [] : unitsWritten(ctx, question)), ...(asksPercent ? [PERCENT] : [])],
    asksWorld: worldAsked && !share,
    shareWithin: share && !worldAsked ? withinCountry(key, asked)?.entity.id : undefined,
    supposes: ctx.cues.asks_supposed.any.test(text),
    // "What is it now and where will it be?" asks the plan too.
    asksNow: ctx.cues.asks_now.any.test(text) && !ctx.cues.states_plan.any.test(text),
    measure: measureAsked(ctx, text, content, asks, fixed),
    sideWord: entityIds.some((id) => ctx.entity(id)?.kind === "country")
      ? undefined
      : sideNamedBy(ctx, terms),
    // Summing words ask for a sum only in a question for a figure that is no share ("share of total…").
    advice: ctx.cues.advice.any.test(text),
    // Nor does a share of a total ("as a share of total investment"): the total is what the share is of;
    // nor a summing word after "than" or "exceeds", which describes the yardstick, not what is asked.
    sum:
      ctx.cues.sum.any.test(beforeBase(ctx, text)) &&
      (quantitative || money || units.size > 0) &&
      !share &&
      !ctx.cues.share_of.any.test(text),
    // Lower case only: "per SemiAnalysis" names who says so, not a rate; so does "per the piece": a rate's
    // unit follows "per" bare ("per day"), never after a determiner.
    use: useWords(ctx, text),
    per: /\bper (?!(?:the|a|an|its|their|this|that|these|those|his|her|our|my|your)\b)([a-z][a-z-]{1,20})\b/.exec(
      question,
    )?.[1],
    chinese: hanCoverage(ctx, question),
    asked,
    aside,
    qualifiers: qualifiers.map((m) => m.entity.id),
    list: asksList(ctx, text, key, qualifiers),
    others,
    speakers,
    sources,
    entityIds,
    // "How many X does B have, per A?": A says so, B is asked about; A is no thing the figure is of.
    things: entityIds.filter((id) => ctx.entity(id)?.kind !== "country" && !sources.includes(id)),
    countries: entityIds.filter((id) => ctx.entity(id)?.kind === "country"),
  };
}

/**
 * True when the name stands right after "which" or "what" and qualifies the noun after it: a country any noun
 * ("which Southland growers"), a maker the noun of its products ("which Pearfield machines"). Not a name the
 * question asks about ("what did Southland plant", "what is Pearfield's yield").
 */
function qualifiesKind(ctx: Context, m: Mention, key: string): boolean {
  if (!/(?:^|\s)(?:which|what) $/u.test(key.slice(0, m.start))) return false;
  const after = key.slice(m.end);
  if (m.entity.kind === "country") return ctx.cues.kind_after_name.any.test(after);
  return m.entity.kind === "company" && ctx.cues.maker_products.any.test(after);
}

/** "Which growers…", "which Southland machines…": the kind asked for is written in the plural. */
function asksList(ctx: Context, text: string, key: string, qualifiers: readonly Mention[]): boolean {
  const plural = (word: string | undefined) => word !== undefined && /[^s]s$/u.test(word);
  if (qualifiers.some((m) => plural(/^ ([\p{L}\p{N}-]+)/u.exec(key.slice(m.end))?.[1]))) return true;
  return WHICH_KIND.some(
    ([cue]) => cue !== "who" && plural(ctx.cues[cue].any.exec(text)?.[0].split(" ").pop()),
  );
}

/** The question's terms that have opposites, each with its opposites' tokens. */
function oppositesAsked(ctx: Context, terms: readonly string[]): [string, string[]][] {
  const pairs = ctx.knowledge.oppositesOfLanguage;
  if (!pairs || pairs.length === 0) return [];
  const out: [string, string[]][] = [];
  for (const pair of pairs) {
    const tokens = pair.map((w) => ctx.tokenize(w, { words: true })[0] ?? w);
    // A word the material's vocabulary folds into another ("export" read as a ban) names no opposite.
    if (tokens.some((t, i) => t !== stem(pair[i] as string, ctx.lexicon.keep))) continue;
    // "For training or for inference?" names both: the question offers them, and neither is set against a fact.
    if (tokens.filter((t) => terms.includes(t)).length > 1) continue;
    for (const t of terms) {
      const at = tokens.indexOf(t);
      if (at >= 0 && !out.some(([asked]) => asked === t)) out.push([t, tokens.filter((_, i) => i !== at)]);
    }
  }
  return out;
}

/**
 * The members of a line, a group or a maker asked about (its related entities, members, products) other than those set aside, by
 * name ("besides the X9") or by the number that ends a member's name ("besides the 9"); none when
 * nothing of the line is set aside.
 */
function otherMembers(
  ctx: Context,
  asked: readonly Mention[],
  aside: readonly Mention[],
  asideNumbers: readonly string[],
): string[] {
  const out: string[] = [];
  for (const m of asked) {
    // A line's members are its related entities; a group's, its members; a maker's, the products it makes.
    const members = [
      ...[...(m.entity.related ?? []), ...(m.entity.members ?? [])].flatMap((id) => ctx.entity(id) ?? []),
      ...ctx.knowledge.entities.filter((e) => e.vendor === m.entity.id && e.kind !== "company"),
    ];
    const setAside = (e: Entity) =>
      aside.some((a) => a.entity.id === e.id) ||
      asideNumbers.some((n) =>
        [e.name, ...e.aliases].some((name) => new RegExp(`(?:^|\\D)${n}$`).test(nameKey(name))),
      );
    if (!members.some(setAside)) continue;
    for (const e of members) if (!setAside(e) && !out.includes(e.id)) out.push(e.id);
  }
  return out;
}

/** A model number written with a hyphen ("GPT-5"): a name, no compound of words. */
const MODEL_NUMBER_WHOLE = /^[\p{L}]{1,6}-?\d[\p{L}\p{N}.-]*$/u;

/** The words of what a share is asked of, names aside, as the question's terms are tokenized. */
function shareOf(
  ctx: Context,
  text: string,
  asks: (t: string) => boolean,
  fixed: (t: string) => string,
): string[] {
  for (const re of ctx.cues.share_of.each) {
    const measured = re.exec(text)?.groups?.measured;
    if (!measured) continue;
    // Every word of the phrase says what is measured ("the inference chip market" is not the training chip
    // market), but for the words of a sum ("total"), which say how it is counted.
    const names = ctx.finder.mentions(measured);
    return ctx
      .tokenize(ctx.finder.residue(measured, names), { words: true })
      .filter((t) => asks(t) && !ctx.cues.sum.any.test(t))
      .map(fixed);
  }
  return [];
}

const scopeFillerOf = perContext<ReadonlySet<string>>();

/**
 * The content words of the field a question closes on ("… in memory chips?"). A time ("in a year", "in Q1"),
 * a total, a place in the text ("in the article"), a unit ("in dollars") or a name ("in Southland") is no field.
 */
function scopeWords(ctx: Context, text: string, content: readonly string[]): string[] {
  const phrase = ctx.cues.scope.each.map((re) => re.exec(text)?.groups?.scope).find((p) => p !== undefined);
  if (
    !phrase ||
    /\d/.test(phrase) ||
    ctx.lexicon.units.moneyText?.test(phrase) ||
    unitsWritten(ctx, phrase).length
  )
    return [];
  const filler = scopeFillerOf(ctx, "scope", () => {
    // Words every topic shares ("AI") name the material's whole field, not one part of it.
    const words = [
      ...ctx.knowledge.cueWords.scope_filler,
      ...ctx.knowledge.cueWords.time_words,
      ...ctx.knowledge.cueWords.every_topic,
    ];
    return new Set(ctx.tokenize(words.join(" ")));
  });
  const words = ctx.tokenize(ctx.finder.residue(phrase, ctx.finder.mentions(phrase)));
  // Only words read as the question's content: what the fact must match is what the question asks.
  const fixed = words.map((t) => ctx.retriever.correct(t) ?? t);
  return fixed.some((t) => filler.has(t)) ? [] : fixed.filter((t) => content.includes(t));
}

/** The text before what a comparison is made against ("… than all of B put together"), or all of it. */
function beforeBase(ctx: Context, text: string): string {
  const at = ctx.cues.compared_base.any.exec(text)?.index;
  return at === undefined ? text : text.slice(0, at);
}

/** True when the words before the mention set it aside ("besides (the) Applewood"). */
export function setAside(ctx: Context, text: string, m: Mention): boolean {
  return built(ctx).setAside.test(nameKey(text).slice(0, m.start));
}

/** The relative time a text names ("last year", "今年"), as an index into the cue's pieces; -1 for none. */
export function relativeTime(ctx: Context, text: string): number {
  // Each piece of the relative_times cue is one kind: a question naming one is not answered by a fact
  // naming another.
  return ctx.cues.relative_times.each.findIndex((re) => re.test(text));
}

/** The side whose own word the question uses ("homegrown" folding to a side's own word), if just one side's. */
function sideNamedBy(ctx: Context, terms: readonly string[]): string | undefined {
  const named = ctx.knowledge.sides.filter((s) => {
    const e = ctx.entity(s.entity);
    return e && ctx.tokenize(e.name, { words: true }).every((t) => terms.includes(t));
  });
  return named.length === 1 ? named[0]?.id : undefined;
}

const MAGNITUDES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
};

/**
 * The figures a text writes, each with its magnitude ("10T" is 10^13, "2,400" is 2400); not a year, nor the
 * number of a code or a quarter ("Q1", "X9").
 */
export function valuesIn(text: string): number[] {
  const out: number[] = [];
  for (const m of normalize(text).matchAll(
    /(?<![a-z0-9.])(\d+(?:\.\d+)?)\s*(k|thousand|mn|m|million|bn|b|billion|tn|t|trillion)?(?![a-z0-9])/g,
  )) {
    const [, n = "", magnitude] = m;
    if (!magnitude && /^(?:19|20)\d\d$/.test(n)) continue;
    out.push(Number(n) * (magnitude ? (MAGNITUDES[magnitude] ?? 1) : 1));
  }
  return out;
}

/**
 * The clause that gives a figure before the question ("X put Northland at 4.2;"), if the question opens with one.
 * A supposition's premise ("If A gave 100% of its land to pears, …") gives no figure the asker knows: it supposes
 * one, and what follows from it is asked.
 */
function givenClause(ctx: Context, text: string): string | undefined {
  for (const re of ctx.cues.given.each) {
    const m = re.exec(text);
    if (m?.groups?.given) return ctx.cues.supposes.any.test(m.groups.given) ? undefined : m[0];
  }
  return undefined;
}

/** The things a given clause gives a figure for, that the question after it asks the same of another of their kind. */
function givenThings(ctx: Context, given: string, asked: string): Set<string> {
  const inAsked = ctx.finder.mentions(asked).map((m) => m.entity);
  const out = new Set<string>();
  for (const m of ctx.finder.mentions(given)) {
    const e = m.entity;
    if (inAsked.some((x) => x.kind === e.kind && x.id !== e.id) && !inAsked.includes(e)) out.add(e.id);
  }
  return out;
}

/** The words naming what a question asks to be measured: "how many <X>", "the share of <X Y>". */
export function askedWords(ctx: Context, text: string): string[] {
  const out: string[] = [];
  const many = /\bhow (?:much|many) ([a-z][a-z-]*)/.exec(text);
  // "How much larger is A than B" measures nothing by "larger": it asks how two figures compare.
  if (many?.[1] && !ctx.cues.comparative.any.test(text)) out.push(many[1]);
  const part =
    /\b(?:share|percentage|proportion|fraction|number|amount|count) of (?:the |all |its |their )?([a-z][a-z-]*)(?: ([a-z][a-z-]*))?/.exec(
      text,
    );
  if (part) out.push(...part.slice(1).filter((w): w is string => !!w));
  return out.filter(
    (w) =>
      !STOPWORDS.has(w) &&
      !built(ctx).filler.has(w) &&
      !ctx.lexicon.ratioWords.has(stem(w, ctx.lexicon.keep)),
  );
}

/** A word the material uses, as written, by a synonym, a misspelling or a name. */
export function knownWord(ctx: Context, word: string): boolean {
  const tokens = ctx.tokenize(word);
  return (
    tokens.length === 0 ||
    ctx.finder.isNameWord(word) ||
    // A word of a synonym group or a unit ("percentage", "dollars") is one the answers are written in.
    ctx.lexicon.units.hints.some((h) => h.cue.test(word)) ||
    tokens.some(
      (t) => ctx.retriever.known(t) || ctx.lexicon.synonyms.has(t) || ctx.retriever.correct(t) !== undefined,
    )
  );
}

/** A model number ("X9", "GPT-5", a Chinese name with a code): its digits name a thing, they are no figure. */
export const MODEL_NUMBER = /(?<![\p{L}\p{N}])[\p{L}]{1,6}-?\d[\p{L}\p{N}.]*/gu;

/** The numbers in a question, model numbers aside ("2027", "4.2"; not the 9 of "X9"). */
function typedNumbers(question: string): string[] {
  const text = normalize(question);
  // "华为2023年": a year written with 年 is a year, though a name runs straight into it.
  const years = text.match(/(?:19|20)\d\d(?=年)/g) ?? [];
  return unique([...years, ...(text.replace(MODEL_NUMBER, " ").match(/\d+(?:\.\d+)?/g) ?? [])]);
}

/**
 * "What yield is A getting…": the word after "what" names the measure asked for, when it is one of the
 * question's searched words and no kind of thing ("what company") or filler ("what kind").
 */
function measureAsked(
  ctx: Context,
  text: string,
  content: readonly string[],
  asks: (t: string) => boolean,
  fixed: (t: string) => string,
): string | undefined {
  const word = ctx.cues.asks_measure.each.map((re) => re.exec(text)?.groups?.measure).find(Boolean);
  if (!word || built(ctx).filler.has(word)) return undefined;
  if (ctx.knowledge.entities.some((e) => e.kind === word || stem(e.kind) === stem(word))) return undefined;
  const t = ctx.tokenize(word, { words: true }).filter(asks).map(fixed)[0];
  return t !== undefined && content.includes(t) ? t : undefined;
}

const unitNames = perContext<{ unit: string; written: RegExp }[]>();

/**
 * The units of measure the material writes as abbreviations or with a figure in them ("EFLOPS", "TWh",
 * "H100-equivalents"), each with how a text writes it: as the material does, or in lower case after a figure,
 * "in" or "how many" ("640 tops"; "tops" alone is a verb). Not its everyday counting nouns ("models",
 * "years"), which a question uses without asking for a figure in them; money and shares are read apart.
 */
function measureUnits(ctx: Context): { unit: string; written: RegExp }[] {
  return unitNames(ctx, "units", () =>
    [...new Set([...ctx.knowledge.vocabulary.units.known, ...(ctx.knowledge.units ?? [])])]
      .filter(
        (u) =>
          /[A-Z].*[A-Z]|\d/.test(u) &&
          // "GPUs", "TPUs": things counted, written as a plural of their abbreviation.
          !/^[A-Z0-9]+s$/.test(u) &&
          !ctx.lexicon.units.money.has(u) &&
          !ctx.lexicon.units.share.has(u),
      )
      .map((unit) => {
        const name = unit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[-\s]+/g, "[-\\s]?");
        const lower = name.toLowerCase();
        const edge = "(?![\\p{L}\\p{N}])";
        return {
          unit,
          written: new RegExp(
            `(?<![\\p{L}\\p{N}])${name}${edge}|(?:\\d\\s*|\\b(?:in|many)\\s+)${lower}${edge}`,
            "u",
          ),
        };
      }),
  );
}

/** The unit a percentage asked for stands for: any of the material's share units answers it. */
export const PERCENT = "%";

/** The units of measure a question writes by name ("in EFLOPS", "how many TOPS"). */
export function unitsWritten(ctx: Context, question: string): string[] {
  return measureUnits(ctx)
    .filter((n) => n.written.test(question))
    .map((n) => n.unit);
}

/** True when the text writes the unit, as a question would; a percentage as a figure with % or "percent". */
export function writesUnit(ctx: Context, text: string, unit: string): boolean {
  if (unit === PERCENT) return /\d\s*(?:%|percent\b)|百分之/.test(text);
  return measureUnits(ctx).some((n) => n.unit === unit && n.written.test(text));
}

/** The units a "how many <things>" question counts in; undefined for any other question. */
function countedUnits(ctx: Context, text: string, mentions: readonly Mention[]): string[] | undefined {
  // A count compared ("how many crates does A pick compared with B") is fairly
  // answered by a ratio; otherwise a count of a kind of thing ("how many crates does the X9 pick") is
  // answered by a count of it.
  return ctx.cues.count_compared.any.test(text) ? undefined : countingUnits(ctx, text, mentions);
}

/** "How many cold-stored apples": the counted thing may come a word or two after "how many". */
const HOW_MANY = /\bhow many ([a-z0-9][a-z0-9-]*(?: [a-z]+){0,2})/;

/** The units "how many <things>" counts in, compared or not ("how many orchards, compared with Pearfield's"). */
export function countingUnits(
  ctx: Context,
  text: string,
  mentions: readonly Mention[],
): string[] | undefined {
  const m = HOW_MANY.exec(text);
  if (!m?.[1]) return undefined;
  const at = m.index + m[0].length - m[1].length;
  // The counted word names a thing of a kind that is counted in its own units: "how many X9s".
  const named = mentions.find(
    (x) => ctx.lexicon.units.counts.has(x.entity.kind) && x.start <= at + 1 && x.end >= at,
  );
  if (named) return [...(ctx.lexicon.units.counts.get(named.entity.kind) ?? [])];
  // "how many crates per hour": what is counted stops where its rate begins.
  const counted = m[1].replace(/ (?:per|a|an|each|every)\b.*$/, "");
  const units = ctx.lexicon.units.hints.filter((h) => h.cue.test(counted)).flatMap((h) => h.units);
  return units.length ? units : unitsNamed(ctx, headNoun(counted));
}

/** "ai phds did": the noun a "how many" phrase counts, its last word before a verb. */
/**
 * The thing "how many <things>" counts, as the material's words are tokenized (a compound whole: "data
 * centers"); none for "how many times", which asks a ratio.
 */
function countedNoun(ctx: Context, text: string): string | undefined {
  const m = HOW_MANY.exec(text);
  if (!m?.[1] || /^times\b/.test(m[1])) return undefined;
  return ctx.tokenize(nounPhrase(m[1]).join(" "), { words: true }).pop();
}

/** The words of a counted phrase before its verb: "data centers" of "data centers does". */
function nounPhrase(phrase: string): string[] {
  const words = phrase.split(" ");
  const verb = words.findIndex((w, i) => i > 0 && COUNT_VERB.test(w));
  return verb > 0 ? words.slice(0, verb) : words;
}

function headNoun(phrase: string): string | undefined {
  return nounPhrase(phrase).pop();
}
const COUNT_VERB =
  /^(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could|in|of|on|at|for|from|by|with|to)$/;

const unitsByStem = new WeakMap<Context, Map<string, string[]>>();

/**
 * The units the material counts in that a word names, itself or by an everyday synonym ("phds" → the
 * text's "doctorates"): "how many AI PhDs" is answered only by a count in one of them. Undefined for none.
 */
function unitsNamed(ctx: Context, word: string | undefined): string[] | undefined {
  if (!word || !/^[a-z][a-z-]{2,}$/.test(word)) return undefined;
  let byStem = unitsByStem.get(ctx);
  if (!byStem) {
    byStem = new Map();
    for (const u of new Set([...ctx.knowledge.vocabulary.units.known, ...(ctx.knowledge.units ?? [])])) {
      if (!/^[a-z][a-z -]*$/i.test(u) || u.includes(" ")) continue;
      const key = stem(u.toLowerCase(), ctx.lexicon.keep);
      byStem.set(key, [...(byStem.get(key) ?? []), u]);
    }
    unitsByStem.set(ctx, byStem);
  }
  const groups = (ctx.knowledge.synonymsOfLanguage ?? []).filter((g) => g.includes(word));
  const out = new Set<string>();
  for (const w of [word, ...groups.flat()])
    for (const u of byStem.get(stem(w, ctx.lexicon.keep)) ?? []) out.add(u);
  return out.size ? [...out] : undefined;
}

/** Where a Chinese question asks for a value ("是多少", "有几"), after the word naming what is measured. */
const VALUE_ASKED = /(?:是|有|为|达到|约)?(?:多少|几)/u;

/**
 * The share of a question's Chinese characters, function words aside, that fall inside a word or
 * bigram the material uses: the Chinese counterpart of content coverage, since unknown Chinese words
 * cannot be weighed one by one against an English material. Undefined for a question with little Chinese.
 */
function hanCoverage(ctx: Context, question: string): number | undefined {
  let total = 0;
  let covered = 0;
  let unknownMeasure = false;
  for (const run of normalize(question).match(/\p{Script=Han}+/gu) ?? []) {
    const skip = new Array<boolean>(run.length).fill(false);
    const known = new Array<boolean>(run.length).fill(false);
    for (let i = 0; i < run.length; i++) {
      if (HAN_STOP_CHARS.has(run[i] as string)) skip[i] = true;
      for (let len = 2; len <= Math.min(8, run.length - i); len++) {
        const piece = run.slice(i, i + len);
        const mark = HAN_STOPWORDS.has(piece)
          ? skip
          : ctx.retriever.known(piece) || ctx.lexicon.synonyms.has(piece) || inGlossary(ctx, piece)
            ? known
            : undefined;
        if (mark) for (let j = i; j < i + len; j++) mark[j] = true;
      }
      if (ctx.lexicon.synonyms.has(run[i] as string) || inGlossary(ctx, run[i] as string)) known[i] = true;
    }
    for (let i = 0; i < run.length; i++) {
      if (skip[i] && !known[i]) continue;
      total++;
      if (known[i]) covered++;
    }
    // "X的自给率是多少": the word just before the value asked for is the measure; two or more characters
    // there that the material does not know ask for a measure it never gives, whatever else it knows.
    const ask = VALUE_ASKED.exec(run);
    if (ask && ask.index >= 2) {
      let unknown = 0;
      // Back to the nearest known word or 的; function characters inside the word (给 of 自给率) count for none.
      for (let i = ask.index - 1; i >= 0 && !known[i] && run[i] !== "的"; i--) if (!skip[i]) unknown++;
      if (unknown >= 2) unknownMeasure = true;
    }
  }
  if (unknownMeasure && total >= 3) return 0;
  return total >= 3 ? covered / total : undefined;
}

/** The searched words of the verb a question asks the use of money by ("spent on?"), if it asks one. */
function useWords(ctx: Context, text: string): string[] {
  const verb = ctx.cues.asks_use.any.exec(text)?.[0];
  return verb ? ctx.tokenize(verb, { words: true }) : [];
}

const moneyUnit = perContext<RegExp | null>();

/** True when the text asks for a value in the material's unit of money ("in dollars", "in crowns"). */
function inMoneyUnit(ctx: Context, text: string): boolean {
  const re = moneyUnit(ctx, "in", () => {
    const money = ctx.lexicon.units.moneyText;
    return money ? new RegExp(`\\bin (?:us |u\\.s\\. )?(?:${money.source})`, "u") : null;
  });
  return re?.test(text) === true;
}

/** A Chinese word the glossary, curated or everyday, reads as English. */
function inGlossary(ctx: Context, word: string): boolean {
  return (
    Object.hasOwn(ctx.knowledge.glossary, word) ||
    (ctx.knowledge.everydayGlossary !== undefined && Object.hasOwn(ctx.knowledge.everydayGlossary, word))
  );
}

/**
 * The things "alone" is said of: the name it follows ("Pearfield alone", "Cidermill by itself"), or else the one
 * thing named, unless the question asks who ("whose harvest alone exceeds Southland's" asks for the one).
 */
function aloneMentions(ctx: Context, text: string, key: string, asked: readonly Mention[]): Mention[] {
  if (!ctx.cues.alone.any.test(text)) return [];
  const { aloneAfter, aloneBefore } = built(ctx);
  const after = asked.filter(
    (m) => aloneAfter.test(key.slice(m.end)) || aloneBefore.test(key.slice(0, m.start)),
  );
  if (after.length) return after;
  return asked.length === 1 && !ctx.cues.asks_whom.any.test(text) ? [...asked] : [];
}

/** A chip, or a line of chips (a line of chips named by its maker). */
export function isChipLike(ctx: Context, e: Entity): boolean {
  return e.kind === "chip" || (e.related ?? []).some((id) => ctx.entity(id)?.kind === "chip");
}

/**
 * The country named as the place a share is taken within: "in A", "within A", "A's (pear) market", "在A",
 * "A市场".
 */
function withinCountry(key: string, asked: readonly Mention[]): Mention | undefined {
  return asked.find(
    (m) =>
      m.entity.kind === "country" &&
      (/(?:\b(?:in|within|inside)(?: the)?|在) ?$/.test(key.slice(0, m.start)) ||
        /^(?: s)? ?(?:(?!share\b|of\b)[a-z0-9-]+ ){0,3}(?:market|市场)/.test(key.slice(m.end))),
  );
}
