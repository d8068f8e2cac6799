// Figures in a span of a new source, for `gapbot ingest`: each number the reader finds is a figure (with its
// unit and qualifier), a date, or part of a name or code, which the ignore list records with a reason.
import { findNumbers, type NumberMention } from "../numbers.js";
import type { Figure, Qualifier } from "../schema.js";

export type Reading =
  | { kind: "figure"; figure: Figure; mention: NumberMention }
  | { kind: "date"; phrase: string; mention: NumberMention }
  | { kind: "ignored"; text: string; reason: string; mention: NumberMention };

const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
const DATE_BEFORE = new RegExp(
  String.raw`(?:\b(?:in|by|of|since|until|till|from|to|through|during|before|after|early|late|mid|end|start|fall|spring|summer|autumn|winter|fiscal|year|FY|CY|Q[1-4]|H[12]|${MONTHS})|\d(?:st|nd|rd|th)|[-–])\s*$`,
  "i",
);
const MONTH_DAY_BEFORE = new RegExp(String.raw`\b(?:${MONTHS})\s+$`);
const QUALIFIERS: [RegExp, Qualifier][] = [
  [/\b(?:more than|over|above|exceeding|in excess of|upwards of|north of|greater than)\s*$/i, "over"],
  [
    /\b(?:about|around|roughly|approximately|nearly|almost|some|an estimated|circa|close to)\s*$|~\s*$/i,
    "about",
  ],
  [/\b(?:less than|fewer than|under|below|shy of)\s*$/i, "less-than"],
  [/\b(?:at least|no less than|a minimum of)\s*$/i, "at-least"],
  [/\b(?:up to|at most|as much as|as many as|as high as|no more than|a maximum of)\s*$/i, "up-to"],
  [/\b(?:only|just|merely|as low as|as few as)\s*$/i, "only"],
];
/** Words after a number that end its noun phrase. */
const PHRASE_END = new Set(
  (
    "of in on at to for from by with and or but as than that which who whom whose when where while is are was were " +
    "be been will would could should can may might has have had do does did this next last these those it its " +
    "their they them we our per each every a an the year-on-year yoy compared versus vs"
  ).split(" "),
);
/** Words a quote may write for a unit: each stands for its unit only in knowledge that has that unit. */
const SAID: readonly [said: string, unit: string][] = [
  ["percent", "%"],
  ["per cent", "%"],
  ["percentage points", "%"],
  ["dollars", "USD"],
  ["usd", "USD"],
  ["gpu", "GPUs"],
  ["chip", "chips"],
  ["month", "months"],
  ["year", "years"],
  ["x", "times"],
  ["×", "times"],
  ["time", "times"],
  ["fold", "times"],
];

/** Lower-case spelling → unit: the knowledge's units (vocabulary.yaml's units.known), and SAID's for them. */
type Canonical = ReadonlyMap<string, string>;
const canonicalByUnits = new WeakMap<readonly string[], Canonical>();

function canonicalUnits(units: readonly string[]): Canonical {
  let out = canonicalByUnits.get(units);
  if (!out) {
    const map = new Map<string, string>(units.map((u) => [u.toLowerCase(), u]));
    for (const [said, unit] of SAID) if (units.includes(unit)) map.set(said, unit);
    canonicalByUnits.set(units, map);
    out = map;
  }
  return out;
}

const YEAR = /^(?:19[5-9]\d|20\d\d)$/;
/** Whose dollars the letters before a "$" say: the currency's code, the unit its sums are given in. */
const DOLLARS: Readonly<Record<string, string>> = {
  US: "USD",
  HK: "HKD",
  NT: "TWD",
  S: "SGD",
  A: "AUD",
  C: "CAD",
  NZ: "NZD",
};
/** Currencies written as words after a sum ("39.2 billion yuan", "342 million ringgit"). */
const CURRENCY_WORDS = new Set(
  "yuan renminbi rmb euro euros yen won rupee rupees ringgit baht rupiah dong peso pesos real reais rand ruble rubles rouble roubles franc francs krona kronor krone kroner lira dirham dirhams riyal riyals shekel shekels zloty".split(
    " ",
  ),
);

/**
 * True when a unit is a currency, so that its sums are money: a dollar's code ("HKD"), a currency's word
 * ("yuan"), or a price in one ("yuan per million").
 */
export function isCurrency(unit: string): boolean {
  const first = unit.split(" ")[0] ?? "";
  return Object.values(DOLLARS).includes(first) || CURRENCY_WORDS.has(first.toLowerCase());
}
const DOLLARS_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(${Object.keys(DOLLARS).join("|")})$`, "u");
const FRACTION_WORDS = /[- ](?:thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)$/i;

/**
 * A unit written as a symbol right after a number ("210 TWh", "45 GW", "120 kW", "410 Tbps", "60 ms", "11 km"):
 * an SI prefix and a base symbol, kept as written, since case tells "mW" from "MW".
 */
export const UNIT_SYMBOL =
  /^(?:[kKMGTPEmµn]?(?:Wh|W|VA|V|Hz|bps|Bps|B|J|Pa|t|g|m|L|s)|kWh|MWh|GWh|TWh|mph|kph|km2|m2|m3|kt|Mt|Gt|ha|kb\/s|Mb\/s|Gb\/s|°C|°F)$/;

/**
 * Reads every number in `span` (a verbatim quote). `isName(start, end)` says whether a stretch of the span
 * lies inside an entity's name ("Ascend 910", "GPT-5"), whose numbers are names, not figures.
 */
export function readNumbers(
  span: string,
  isName: (start: number, end: number) => string | undefined,
  /** The knowledge's units (vocabulary.yaml's units.known): how a unit is spelled, and the words for it. */
  units: readonly string[] = [],
): Reading[] {
  const canonical = canonicalUnits(units);
  const out: Reading[] = [];
  let lastUnit: string | undefined;
  // The end of the last range read: its upper end is the same figure, not another.
  let rangeEnd = -1;
  for (const m of findNumbers(span)) {
    if (m.start < rangeEnd) continue;
    const before = span.slice(0, m.start);
    const after = span.slice(m.end);
    const token = tokenAround(span, m);
    const name = isName(m.start, m.end);
    if (name) {
      out.push({ kind: "ignored", text: name, reason: `part of the name "${name}"`, mention: m });
      continue;
    }
    // "four-fifths", "two thirds": a fraction written in words (numbers.ts reads its value).
    if (FRACTION_WORDS.test(m.text)) {
      out.push({
        kind: "figure",
        mention: m,
        figure: withQualifier({ value: m.value, unit: "fraction", text: m.text }, before),
      });
      continue;
    }
    const wholeDigits = /^\d{4}$/.test(m.text);
    if (
      wholeDigits &&
      YEAR.test(m.text) &&
      (DATE_BEFORE.test(before) ||
        /^\s*(?:[,.;:)]|$|[-–]\s*\d|\s+(?:and|to|through|or)\s+\d)/.test(after) ||
        /^\s*(?:\w+\s+)?(?:levels?|highs?|lows?|peak)/.test(after) ||
        // "our 2025 sample", "the institute's 2020 survey": a year naming which one, not a count of them.
        (/(?:\b(?:our|its|their|his|her|the|this|that)|\p{L}['’]s)\s+$/iu.test(before) &&
          /^\s+\p{Ll}/u.test(after)))
    ) {
      out.push({ kind: "date", phrase: datePhrase(span, m), mention: m });
      continue;
    }
    if (m.glued) {
      // "10x", "3×": a stated multiple.
      if (/^[x×](?![\p{L}\p{N}])/u.test(after)) {
        out.push({
          kind: "figure",
          mention: m,
          figure: withQualifier({ value: m.value, unit: "times", text: m.text }, before),
        });
        lastUnit = "times";
        continue;
      }
      const reason = /^\d+(?:st|nd|rd|th)$/.test(token)
        ? MONTH_DAY_BEFORE.test(span.slice(0, span.indexOf(token, Math.max(0, m.start - 1))))
          ? "a date"
          : "an ordinal"
        : /^\d{4}s$/.test(token)
          ? "a decade"
          : /^(?:Q[1-4]|[1-4]Q|H[12]|[12]H|FY\d+)$/i.test(token)
            ? "a date (quarter, half or fiscal year)"
            : /^\d+(?:\.\d+)?(?:nm|mm|cm|GHz|MHz)$/.test(token)
              ? `a process node or size, named rather than counted ("${token}")`
              : `part of a name or code ("${token}")`;
      out.push({ kind: "ignored", text: token, reason, mention: m });
      continue;
    }
    if (/^\d{1,2}$/.test(m.text) && MONTH_DAY_BEFORE.test(before)) {
      out.push({ kind: "date", phrase: datePhrase(span, m), mention: m });
      continue;
    }
    // A version after a name-like word ("V4", "Claude 4" already are names): "version 2", "gen 3".
    if (
      /\b(?:version|v|gen|generation|series|phase|tier|level|step|no\.|number|chapter|section|part|figure|table)\s*$/i.test(
        before,
      )
    ) {
      out.push({ kind: "ignored", text: token, reason: "a version, ordinal or label number", mention: m });
      continue;
    }
    // A bare figure after one with a counted thing counts the same ("507k units in 2024 and 805k this year");
    // a share or a sum is written on its own number, never carried over.
    // A range ("11-13%", "10 to 20 years", "between 520 and 610 TWh"): its unit is written after the upper end.
    const range = rangeAfter(span, m);
    const stated = range
      ? (unitOf(range.upper, span.slice(range.upper.end), canonical) ?? unitOf(m, after, canonical))
      : unitOf(m, after, canonical);
    const carried =
      lastUnit &&
      !["%", "USD", "times"].includes(lastUnit) &&
      /^\s*(?:$|[,.;)]|this|next|last|in|by|of (?:those|them|which)|and|for|from|to)/i.test(after)
        ? lastUnit
        : undefined;
    // "US$13 billion", "HK$4.3 billion": the letters before the "$" say whose dollars, and are part of the figure.
    const dollars = m.text.startsWith("$") ? DOLLARS_BEFORE.exec(before) : null;
    if (m.text.startsWith("$") && !dollars && /\p{L}$/u.test(before)) {
      out.push({ kind: "ignored", text: token, reason: `part of a name or code ("${token}")`, mention: m });
      continue;
    }
    const prefix = dollars?.[1] ?? "";
    const unit = (prefix ? DOLLARS[prefix] : undefined) ?? stated ?? carried ?? "units";
    if (stated) lastUnit = stated;
    const figure: Figure = { value: m.value, unit, text: m.text };
    if (range) {
      rangeEnd = range.upper.end;
      figure.max = range.upper.value;
      figure.text = span.slice(m.start, range.upper.end).trim();
      // "520 and 610 TWh" reads as a range only after "between": the figure's text says so.
      if (range.between) figure.text = span.slice(range.between, range.upper.end).trim();
    }
    if (prefix && !range?.between) figure.text = `${prefix}${figure.text}`;
    out.push({
      kind: "figure",
      figure: withQualifier(figure, span.slice(0, range?.between ?? m.start)),
      mention: m,
    });
  }
  // A range's upper end is the same figure, not another.
  return out.filter(
    (r, i) =>
      !(
        r.kind === "figure" &&
        out
          .slice(0, i)
          .some(
            (p) =>
              p.kind === "figure" &&
              p.figure.max !== undefined &&
              p.mention.end < r.mention.end &&
              r.mention.start < p.mention.start + p.figure.text.length,
          )
      ),
  );
}

/**
 * The upper end of a range starting at `m`: "11-13%", "5% -6%", "10 to 20", "$300 million to $500 million",
 * "between 520 and 610". Undefined when the next number is no larger, is a code, or is a year after a year.
 */
function rangeAfter(
  span: string,
  m: NumberMention,
): { upper: NumberMention; between: number | undefined } | undefined {
  const after = span.slice(m.end);
  const between = /\bbetween\s+(?:about\s+|roughly\s+|around\s+)?\$?$/i.exec(span.slice(0, m.start));
  // "from 120 to 410" is a change, not a range.
  const from = /\bfrom\s+(?:about\s+|roughly\s+|around\s+)?\$?$/i.test(span.slice(0, m.start));
  const joint = between
    ? /^\s*(?:[\p{L}%]+\s+){0,2}?and\s+(?=\$?\d)/u.exec(after)
    : /^\s*(?:%\s*)?(?:-|–|to)\s*(?=\$?\d)/.exec(after);
  if (from && !between) return undefined;
  if (!joint) return undefined;
  const upper = findNumbers(after.slice(joint[0].length))[0];
  // "2-4kg": a unit symbol glued to the upper end is the range's unit, not a code.
  const gluedUnit =
    upper !== undefined &&
    /^(?:kg|km|mm|cm|nm|ms|GW|MW|kW|TW|GWh|TWh|MWh|kWh|GB|TB|MB|GHz|MHz)(?![\p{L}\p{N}])/u.test(
      after.slice(joint[0].length + upper.end),
    ) &&
    !LETTER_BEFORE.test(span.slice(0, m.start));
  if (upper?.start !== 0 || (upper.glued && !gluedUnit) || !(upper.value > m.value)) return undefined;
  if (YEAR.test(m.text) && YEAR.test(upper.text)) return undefined;
  const at = m.end + joint[0].length;
  return {
    upper: { ...upper, start: upper.start + at, end: upper.end + at },
    between: between ? between.index : undefined,
  };
}

/** A letter just before a number: "X2-4" is a code, not a range. */
const LETTER_BEFORE = /\p{L}$/u;

function withQualifier(figure: Figure, before: string): Figure {
  const q = QUALIFIERS.find(([re]) => re.test(before));
  return q ? { ...figure, qualifier: q[1] } : figure;
}

/** The number's whole token as written: "910B", "2nd", "7nm", "HBM2E". */
function tokenAround(text: string, m: NumberMention): string {
  let s = m.start;
  let e = m.end;
  while (s > 0 && /[\p{L}\p{N}]/u.test(text[s - 1] ?? "")) s--;
  while (e < text.length && /[\p{L}\p{N}]/u.test(text[e] ?? "")) e++;
  return text.slice(s, e);
}

function datePhrase(text: string, m: NumberMention): string {
  const before = text.slice(0, m.start);
  const lead = new RegExp(
    String.raw`(?:\b(?:(?:by |in |at |since |until |from |through |during )?(?:the )?(?:early|late|mid|end|start|fall|spring|summer|autumn|winter)(?: of)?|in|by|since|until|from|through|during|${MONTHS})(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+|[-–])$`,
    "i",
  ).exec(before);
  const after = /^(?:\s*[-–]\s*\d{2,4}|(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)/.exec(text.slice(m.end));
  return `${lead?.[0] ?? ""}${m.text}${after?.[0] ?? ""}`.replace(/^[-–]/, "").trim();
}

/** The unit the words after a number give it: "%", "USD", or the head noun of the phrase ("stacks"). */
export function unitOf(m: NumberMention, after: string, canonical: Canonical): string | undefined {
  if (/%$/.test(m.text) || /^\s*(?:percent|per cent)\b/i.test(after)) return "%";
  if (m.text.startsWith("$") || /^\s*(?:US\s*)?dollars\b|^\s*USD\b/i.test(after)) return "USD";
  if (/^\s*(?:x|×)(?![\p{L}\p{N}])|^\s*(?:times|fold)\b/iu.test(after)) return "times";
  // "1-month gap": the number measures the word it is hyphenated to.
  const hyphened = /^-(\p{L}+)\b/u.exec(after);
  if (hyphened?.[1]) return normaliseUnit(hyphened[1], canonical);
  // "9 months", "11.4 million stacks of HBM": the counted thing is the head of the phrase that follows.
  const phrase: string[] = [];
  for (const w of after.replace(/^-/, " ").matchAll(/([\p{L}][\p{L}\p{N}'’-]*)|([^\s\p{L}\p{N}])/gu)) {
    if (w[2]) break;
    const word = (w[1] ?? "").replace(/['’]s$/, "");
    if (PHRASE_END.has(word.toLowerCase()) && phrase.length > 0) {
      if (word.toLowerCase() === "per" && phrase.length > 0) {
        const per = /^\s*per\s+([\p{L}]+)/u.exec(after.slice(w.index ?? 0));
        if (per?.[1]) return normaliseUnit(`${phrase[phrase.length - 1]} per ${per[1]}`, canonical);
      }
      break;
    }
    if (PHRASE_END.has(word.toLowerCase())) break;
    // "240 gaming GPUs taped inside suitcases": a participle after the counted noun says what was done with
    // it; the noun phrase ends before it.
    if (phrase.length > 0 && /^\p{Ll}{2,}ed$/u.test(word) && !/eed$/.test(word)) break;
    phrase.push(word);
    if (phrase.length >= 4) break;
  }
  // A unit symbol right after the number, as written ("210 TWh", "45 GW").
  const symbol = /^\s?([^\s,.;:()]+)/u.exec(after)?.[1];
  if (symbol && UNIT_SYMBOL.test(symbol)) return symbol;
  // An acronym alone right after the number is its unit ("257k WPM").
  if (phrase.length === 1 && /^[A-Z]{2,5}$/.test(phrase[0] ?? ""))
    return normaliseUnit(phrase[0] ?? "", canonical);
  // The head is the last lower-case word ("Ascend units" → units); a name alone counts nothing.
  const head = [...phrase]
    .reverse()
    // A verb closing the phrase ("units shipped", "stacks remaining") is not what is counted.
    .find(
      (w) =>
        (/^[\p{Ll}]/u.test(w) && !/(?:ed|ing)$/.test(w)) ||
        /^[A-Z]{2,}s$/.test(w) ||
        canonical.has(w.toLowerCase()),
    );
  return head ? normaliseUnit(head, canonical) : undefined;
}

function normaliseUnit(unit: string, canonical: Canonical): string {
  const key = unit.toLowerCase();
  return (
    canonical.get(key) ?? canonical.get(key.replace(/s$/, "")) ?? unit.toLowerCase().replace(/^-|-$/g, "")
  );
}
