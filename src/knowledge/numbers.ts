// Finds the numbers written in English text ("2400", "1.2 million", "$725 billion", "5% -6%", "1/8", "seven",
// "hundreds of thousands", "507k", "2.9M", "$2.8B"): the one reader the validator uses for quotes, claims,
// figures and coverage.

/** One number as written, with where it stands in the text it was found in. */
export interface NumberMention {
  /** Exactly as written, with its "$", "%" and scale word ("$725 billion", "68%", "ten thousand"). */
  text: string;
  start: number;
  end: number;
  /** In plain units: "1.2 million" is 1200000, "68%" is 68, "1/8" is 0.125. */
  value: number;
  /** Digits stuck to letters ("910B", "Q1", "INT8", "H100"): a name or a code rather than a quantity. */
  glued: boolean;
}

const WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  hundreds: 100,
  thousand: 1e3,
  thousands: 1e3,
  twice: 2,
  thrice: 3,
  dozen: 12,
  dozens: 12,
};

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * Scale letters written onto the digits ("507k", "2.9M", "$2.8B", "$30B+"). "B" and "T" also end product
 * codes ("910B"), so they scale only a sum ("$10B") or a decimal ("1.5T"); elsewhere the number stays glued.
 */
const SUFFIXES: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  M: 1e6,
  mn: 1e6,
  bn: 1e9,
  B: 1e9,
  T: 1e12,
  tn: 1e12,
};
const CODE_LETTERS = new Set(["B", "T"]);

// "hundreds of thousands" is an order of magnitude, read as its lower bound.
const PLURALS: Record<string, number> = {
  tens: 10,
  hundreds: 100,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
  trillions: 1e12,
};

const PHRASE = "(tens|hundreds|thousands|millions) of (thousands|millions|billions|trillions)";
// Thousands separators only in groups of three, so "two 1 trillion, two 1.5 trillion" stays two numbers.
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:/\d+)?`;
const WORD = Object.keys(WORDS).join("|");
const SCALE = Object.keys(SCALES).join("|");
const SUFFIX = Object.keys(SUFFIXES).join("|");
const NUMBER = new RegExp(
  String.raw`\$?(?:\b(?:${PHRASE})\b|(${DIGITS})(?:(${SUFFIX})(?![A-Za-z0-9]))?|\b(${WORD})\b)(\s?%)?(?:\s+(${SCALE})\b)?`,
  "gi",
);

const LETTER = /[A-Za-z]/;
const DENOMINATORS: Record<string, number> = {
  third: 3,
  quarter: 4,
  fifth: 5,
  sixth: 6,
  eighth: 8,
  tenth: 10,
};
const FRACTION_AFTER = /^[- ](thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b/i;

function digitsValue(digits: string): number {
  const [num, den] = digits.replaceAll(",", "").split("/");
  return den === undefined ? Number(num) : Number(num) / Number(den);
}

/** Every number in `text`, in order of appearance. */
export function findNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [matched, plural, scaleOfPlural, digits, suffix, word, percent, scale] = m;
    const start = m.index;
    let whole = matched;
    // Case matters for the letters ("m" is metres, "M" millions) though the pattern ignores it.
    const suffixScale =
      suffix !== undefined && SUFFIXES[suffix] !== undefined
        ? !CODE_LETTERS.has(suffix) || whole.startsWith("$") || (digits ?? "").includes(".")
        : false;
    if (suffix !== undefined && !suffixScale) {
      // A letter that scales nothing ("910B"): the digits alone, glued to it as before.
      whole = whole.slice(0, whole.indexOf(suffix, whole.indexOf(digits ?? "") + (digits ?? "").length));
    }
    const end = start + whole.length;
    let value: number;
    if (plural && scaleOfPlural) {
      value =
        (PLURALS[plural.toLowerCase()] ?? 1) * (SCALES[scaleOfPlural.toLowerCase().replace(/s$/, "")] ?? 1);
    } else if (digits) {
      value = digitsValue(digits);
    } else {
      value = WORDS[(word ?? "").toLowerCase()] ?? Number.NaN;
    }
    // "four-fifths", "two thirds": a fraction in words is one number.
    let fractionEnd = end;
    if (word && !percent && !scale) {
      const f = FRACTION_AFTER.exec(text.slice(end));
      const den = f?.[1] ? DENOMINATORS[f[1].toLowerCase().replace(/s$/, "")] : undefined;
      // "that one quarter" is a time; only a hyphen or a plural ("three quarters") makes a fraction.
      if (f && den && value > 0 && value < den && (f[0].startsWith("-") || /s$/i.test(f[1] ?? ""))) {
        value /= den;
        fractionEnd = end + f[0].length;
      }
    }
    if (scale) value *= SCALES[scale.toLowerCase()] ?? 1;
    if (suffixScale && suffix) value *= SUFFIXES[suffix] ?? 1;
    const before = text[start - 1] ?? "";
    const after = percent || scale || suffixScale ? "" : (text[end] ?? "");
    if (fractionEnd > end) {
      found.push({ text: text.slice(start, fractionEnd), start, end: fractionEnd, value, glued: false });
      continue;
    }
    // A sum in dollars is no code for the letters before its "$" ("US$13 billion", "HK$4.3 billion").
    const gluedBefore = LETTER.test(before) && !whole.startsWith("$");
    found.push({ text: whole, start, end, value, glued: gluedBefore || LETTER.test(after) });
  }
  return found;
}

/** Equal up to floating-point noise: 1.1 × 10^12 written two ways is still the same figure. */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The only normalisation a quote gets before it must stand verbatim in its paragraph:
 * runs of whitespace become one space, curly quotes become straight ones.
 */
export function normaliseQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

/** Every start index of `needle` in `haystack` (overlapping ones too). */
export function occurrences(haystack: string, needle: string): number[] {
  const at: number[] = [];
  if (needle.length === 0) return at;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) at.push(i);
  return at;
}
