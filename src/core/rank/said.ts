// What a fact or a sentence of the material says of what a question pins down: its time and year, the side,
// the world, a unit, a code or a name without an entry. A curated fact and a quoted sentence answer by the
// same test: each is read as a Said (its words, the numbers it states, whether it is dated, the units it gives
// figures in), and `saysWhatIsAsked` holds either to the question.
import type { Fact } from "../../knowledge/schema.js";
import { perContext } from "../compose/shared.js";
import type { Context } from "../context.js";
import { PERCENT, type Reading, relativeTime, writesUnit } from "../frames/reading.js";
import { normalize } from "../text.js";

/** One thing the material says, as `saysWhatIsAsked` reads it. */
export interface Said {
  /** Its words, normalised: a fact's date, quote and claim; a sentence itself. */
  readonly text: string;
  /** True when a date stands beside the words (a fact's `as_of`). */
  readonly dated: boolean;
  /** The numbers it states. */
  numbers(): ReadonlySet<string>;
  /** Its words, tokenized as words (no synonyms). */
  words(): ReadonlySet<string>;
  /** The relative time it speaks of (this year, next year…), -1 for none. */
  time(): number;
  /** The words of the paragraph it stands in, tokenized as words: the context a name is written in. */
  context(): ReadonlySet<string>;
  /**
   * True when it gives a figure in the unit: a fact's figures, a sentence's words. `stated`: outside a
   * supposition's premise ("If 100% of capacity went to A, …" supposes its 100%, it does not state it).
   */
  inUnit(unit: string, stated?: boolean): boolean;
  /** True when a supposition's premise in it holds a figure. */
  supposesFigure(): boolean;
}

/**
 * The premises of the suppositions a text makes: each clause a supposing word opens ("if", 如果), up to the
 * clause's end. A figure there is supposed, not stated.
 */
export function premises(ctx: Context, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(ctx.cues.supposes.global)) {
    const rest = text.slice(m.index);
    const end = rest.search(/[,;:，；：。!?]|\bthen\b/iu);
    found.push(end < 0 ? rest : rest.slice(0, end));
  }
  return found;
}

/** The text with its suppositions' premises cut out. */
function outsidePremises(ctx: Context, text: string): string {
  let out = text;
  for (const p of premises(ctx, text)) out = out.replace(p, " ");
  return out;
}

/**
 * A code: letters and figures in one word ("5nm", "int8", "hbm3e"). Not a quarter or a half-year ("q1", "h2",
 * "fy2025", which a text writes in words too) nor a figure with its magnitude ("100b", "20k", "3x").
 */
const CODE = /^(?=.*\d)(?=.*[a-z])(?!q[1-4]$|h[12]$|fy\d+$|\d+(?:k|m|b|bn|t|x|s)$)[a-z0-9]+$/;

const unitWordsOf = perContext<ReadonlySet<string>>();

/** The words of the material's units ("h100" of "H100-equivalents"): a unit's code names a measure, not a thing. */
function unitWords(ctx: Context): ReadonlySet<string> {
  return unitWordsOf(ctx, "units", () => {
    const units = [...ctx.knowledge.vocabulary.units.known, ...(ctx.knowledge.units ?? [])];
    return new Set(units.flatMap((u) => ctx.tokenize(u, { words: true })));
  });
}

/** The numbers a text states: "2,400" is 2400, "1.6" stays 1.6. */
export function numbersIn(text: string): Set<string> {
  return new Set(normalize(text).match(/\d+(?:\.\d+)?/g) ?? []);
}

const factNumberCache = new WeakMap<Fact, Set<string>>();

/** The numbers a fact states anywhere: its quote, claim, figures and date. */
export function factNumbers(f: Fact): Set<string> {
  let set = factNumberCache.get(f);
  if (!set) {
    set = numbersIn([f.quote, f.claim, f.as_of ?? "", ...f.figures.map((g) => g.text)].join(" "));
    factNumberCache.set(f, set);
  }
  return set;
}

/** A text read once, each part on first use. */
function said(
  ctx: Context,
  words: string,
  numbers: () => Set<string>,
  dated: boolean,
  timed: string,
  at: { source: string; paragraph: number },
  inUnit: (unit: string, stated?: boolean) => boolean,
  supposed: () => ReadonlySet<string>,
): Said {
  const text = normalize(words);
  const own: { numbers?: Set<string>; words?: Set<string>; time?: number; supposes?: boolean } = {};
  return {
    text,
    dated,
    numbers: () => {
      own.numbers ??= numbers();
      return own.numbers;
    },
    words: () => {
      own.words ??= new Set(ctx.tokenize(words, { words: true }));
      return own.words;
    },
    time: () => {
      own.time ??= relativeTime(ctx, normalize(timed));
      return own.time;
    },
    context: () => paragraphWords(ctx, at.source, at.paragraph),
    inUnit,
    supposesFigure: () => {
      own.supposes ??= supposed().size > 0;
      return own.supposes;
    },
  };
}

const wordsOf = perContext<ReadonlySet<string>>();

/** A paragraph's words, tokenized as words, made once per context. */
function paragraphWords(ctx: Context, source: string, paragraph: number): ReadonlySet<string> {
  return wordsOf(ctx, `${source}#${paragraph}`, () => {
    const text = ctx.knowledge.paragraphs.get(source)?.[paragraph - 1] ?? "";
    return new Set(ctx.tokenize(text, { words: true }));
  });
}

/**
 * True when the words write every name asked that has no entry; or, when they name nothing but what is asked,
 * people and countries, their paragraph does ("matching controls are delayed" speaks of the countries its paragraph names).
 */
function writesNames(ctx: Context, r: Reading, s: Said): boolean {
  if (r.unnamed.every((t) => writesName(s.words(), t))) return true;
  // A person named speaks for what the paragraph is about ("its chairman, X, said"), and a country says where
  // ("orders from American firms"); another company, product or body is another subject.
  const others = ctx.finder
    .mentions(s.text)
    .some(
      (m) => m.entity.kind !== "person" && m.entity.kind !== "country" && !r.entityIds.includes(m.entity.id),
    );
  return !others && r.unnamed.every((t) => writesName(s.context(), t));
}

/** True when the words hold the name's token, or a word it begins or that begins it ("Japan" of "Japanese"). */
function writesName(words: ReadonlySet<string>, name: string): boolean {
  if (words.has(name)) return true;
  if (name.length < 4) return false;
  for (const w of words) if (w.length >= 4 && (w.startsWith(name) || name.startsWith(w))) return true;
  return false;
}

const factSaid = new WeakMap<Context, WeakMap<Fact, Said>>();

/** A curated fact as said: its date, quote and claim, and the numbers of its figures besides. */
export function saidByFact(ctx: Context, f: Fact): Said {
  let ofContext = factSaid.get(ctx);
  if (!ofContext) {
    ofContext = new WeakMap();
    factSaid.set(ctx, ofContext);
  }
  let s = ofContext.get(f);
  if (!s) {
    s = said(
      ctx,
      `${f.as_of ?? ""} ${f.quote} ${f.claim}`,
      () => factNumbers(f),
      Boolean(f.as_of),
      // A fact's time is its date's or its quote's: a claim restates the quote.
      `${f.as_of ?? ""} ${f.quote}`,
      f,
      (unit, stated) =>
        f.figures.some(
          (g) =>
            (g.unit === unit || (unit === PERCENT && ctx.lexicon.units.share.has(g.unit))) &&
            !(stated && isSupposed(numbersIn(g.text), supposedIn(ctx, f.quote))),
        ),
      () => supposedIn(ctx, f.quote),
    );
    ofContext.set(f, s);
  }
  return s;
}

/** A sentence of the material as said, with the paragraph it stands in. */
export function saidBySentence(
  ctx: Context,
  sentence: string,
  at: { source: string; paragraph: number },
): Said {
  return said(
    ctx,
    sentence,
    () => numbersIn(sentence),
    false,
    sentence,
    at,
    (unit, stated) => writesUnit(ctx, stated ? outsidePremises(ctx, sentence) : sentence, unit),
    () => supposedIn(ctx, sentence),
  );
}

const supposedOf = perContext<ReadonlySet<string>>();

/** The numbers a text only supposes: those in its premises. */
function supposedIn(ctx: Context, text: string): ReadonlySet<string> {
  return supposedOf(ctx, `supposed#${text}`, () => numbersIn(premises(ctx, text).join(" ")));
}

/** True when a figure's numbers all stand in a premise. */
function isSupposed(numbers: ReadonlySet<string>, supposed: ReadonlySet<string>): boolean {
  return numbers.size > 0 && [...numbers].every((n) => supposed.has(n));
}

/**
 * True unless what is said misses what the question pins down:
 * - a year asked about ("in 2030") must be one it states, a unit asked by name ("in EFLOPS") one it gives a
 *   figure in, and a code typed ("5nm") or a name without an entry one it writes;
 * - a relative time ("last year") must not be another it speaks of;
 * - "when did…" needs a stated time, and of what is asked (`covered`: the share of the question's content words
 *   it matches; "when was X released" is not answered by a date X did something else on);
 * - "in what year…" needs a year, "before the ban" a statement of the time before, and "global…" the world;
 * - "…in the eastern hubs" is not answered by what says "western" and not "eastern".
 */
export function saysWhatIsAsked(ctx: Context, r: Reading, s: Said, covered: () => number): boolean {
  if (r.years.some((y) => !s.numbers().has(y))) return false;
  if (r.unitsTyped.length && !r.unitsTyped.some((u) => s.inUnit(u))) return false;
  // "What share of…" is answered by a share, not by a count beside the same words.
  if (r.share && r.quantitative && !r.unitsTyped.length && !s.inUnit(PERCENT)) return false;
  // A count compared ("how many researchers does A have compared with B") is of the thing it counts.
  if (r.countedNoun !== undefined && !s.words().has(r.countedNoun)) return false;
  // What is now ("how many … today") is not what is planned or expected, unless the text says what is now too.
  if (r.asksNow && ctx.cues.states_plan.any.test(s.text) && !ctx.cues.asks_now.any.test(s.text)) return false;
  // A figure only supposed ("If 100% of capacity went to A, …") answers no question about what is: the unit
  // asked for, or the share, must be given outside the premise.
  if (!r.supposes && s.supposesFigure()) {
    const asked = r.unitsTyped.length ? r.unitsTyped : r.share ? [PERCENT] : [];
    if (asked.length && !asked.some((u) => s.inUnit(u, true))) return false;
  }
  // A code typed among the words asked ("5nm", "int8") names one thing exactly: what answers writes it.
  if (r.content.some((t) => CODE.test(t) && !unitWords(ctx).has(t) && !s.words().has(t))) return false;
  if (r.unnamed.length && !writesNames(ctx, r, s)) return false;
  if (r.when >= 0) {
    const own = s.time();
    if (own >= 0 && own !== r.when) return false;
  }
  if (
    r.asksTime &&
    (!(s.dated || ctx.cues.states_time.any.test(s.text)) || covered() < ctx.weights.timeContent)
  )
    return false;
  if (r.asksYear && !ctx.cues.states_year.any.test(s.text)) return false;
  if (r.asksBefore && !ctx.cues.states_before.any.test(s.text)) return false;
  if (r.asksWorld && !ctx.cues.states_world.any.test(s.text)) return false;
  // A share within one country ("what share of chips in A…") is not a share of the world's market.
  if (r.shareWithin !== undefined && ctx.cues.states_world.any.test(s.text)) return false;
  return !r.opposites.some(
    ([asked, opposite]) => !s.words().has(asked) && opposite.some((o) => s.words().has(o)),
  );
}
