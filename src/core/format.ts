// How figures read on a card: as the source writes them, with their qualifier and unit; ratios computed
// from two cited figures are marked as such and show their inputs.
import type { Entity, Fact, Figure } from "../knowledge/schema.js";
import type { Citation, Ratio } from "./card.js";

const QUALIFIER: Record<NonNullable<Figure["qualifier"]>, string> = {
  over: "over",
  about: "about",
  "less-than": "less than",
  "at-least": "at least",
  "up-to": "up to",
  exactly: "",
  only: "only",
};

/** Units the figure's own text already spells out ("68%", "$725 billion", "1/8", "10 times"). */
function unitShown(f: Figure): boolean {
  const t = f.text.toLowerCase();
  const u = f.unit.toLowerCase();
  if (u === "%" || u === "usd" || u === "fraction") return true;
  if (u === "times") return /\b(times|twice|fold)\b|×/.test(t);
  return t.includes(u) || t.includes(u.replace(/s$/, ""));
}

/** The unit as a reader says it after the number ("EFLOPS", "GPUs", "month" for one), or "" when the text has it. */
export function unitLabel(f: Figure): string {
  if (unitShown(f)) return "";
  return f.value === 1 && f.max === undefined && /[a-z]s$/.test(f.unit) ? f.unit.slice(0, -1) : f.unit;
}

/** "over 1.2 million GPUs", "2400 EFLOPS", "less than 4%": qualifier, the verbatim text, the unit. */
export function figureDisplay(f: Figure, withUnit = true): string {
  const q = f.qualifier ? QUALIFIER[f.qualifier] : "";
  const text = q && f.text.toLowerCase().startsWith(q) ? f.text : [q, f.text].filter(Boolean).join(" ");
  const unit = withUnit ? unitLabel(f) : "";
  return unit ? `${text} ${unit}` : text;
}

const SCALES: [number, string][] = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];

// Made once: toLocaleString builds a new formatter on every call, a real cost on the answer path.
const SCALED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });
const PLAIN = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** 10000000000000 → "10 trillion", 2400 → "2,400": how the inputs of a ratio read. */
export function trimNumber(n: number): string {
  for (const [scale, word] of SCALES) {
    if (Math.abs(n) >= scale) return `${SCALED.format(n / scale)} ${word}`;
  }
  return PLAIN.format(n);
}

/** a / b as "2.3×", marked derived, with the cited inputs — only when the units are the same. */
export function ratio(a: Figure, b: Figure): Ratio | undefined {
  if (a.unit !== b.unit || a.max !== undefined || b.max !== undefined) return undefined;
  if (!(a.value > 0) || !(b.value > 0)) return undefined;
  const big = Math.max(a.value, b.value);
  const small = Math.min(a.value, b.value);
  const value = big / small;
  const bigFig = a.value >= b.value ? a : b;
  const smallFig = a.value >= b.value ? b : a;
  // A bound on either side bounds the ratio: 68% over "less than 4%" is more than 17×.
  const more =
    ["less-than", "up-to"].includes(smallFig.qualifier ?? "") ||
    ["over", "at-least"].includes(bigFig.qualifier ?? "");
  const less =
    ["over", "at-least"].includes(smallFig.qualifier ?? "") ||
    ["less-than", "up-to"].includes(bigFig.qualifier ?? "");
  const bound = more && !less ? "more than " : less && !more ? "less than " : "";
  const display = `${bound}${value >= 10 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, "")}×`;
  return { value, display, derived: true, inputs: `${trimNumber(big)} / ${trimNumber(small)}` };
}

export function citationOf(
  fact: Fact,
  sourceTitle: (id: string) => string | undefined,
  entity: (id: string) => Entity | undefined,
): Citation {
  const source = fact.attribution ? entity(fact.attribution) : undefined;
  const by = source ? shortName(source) : undefined;
  return {
    source: fact.source,
    sourceTitle: sourceTitle(fact.source),
    paragraph: fact.paragraph,
    quote: fact.quote,
    ...(by ? { attribution: by } : {}),
    factId: fact.id,
    ...(fact.note ? { note: fact.note } : {}),
  };
}

/** "(CAICT, early 2025)" — who says so and when, where the text gives them. */
/** Words a date can go without: "January of this year" is said by "January this year". */
const DATE_FILLER = new Set(["of", "the", "in", "as", "by"]);

export function provenance(fact: Fact, entity: (id: string) => Entity | undefined): string {
  const claim = fact.claim.toLowerCase();
  const source = fact.attribution ? entity(fact.attribution) : undefined;
  // Named by any of its names already ("CAICT puts…"): no need to say it again.
  const by =
    source && ![source.name, ...source.aliases].some((n) => claim.includes(n.toLowerCase()))
      ? source.name
      : undefined;
  // Say nothing the claim already says.
  const said = (p: string) =>
    p
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !DATE_FILLER.has(w))
      .every((w) => claim.includes(w));
  const parts = [by, fact.as_of].filter((p): p is string => !!p && !said(p));
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/** Cuts at a word boundary with "…" so that a headline keeps within its limit. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "about 2.3×", or "more than 17×" where a bound already says how exact it is. */
export function ratioPhrase(r: Ratio): string {
  return /^(more|less) than/.test(r.display) ? r.display : `about ${r.display}`;
}

/** Who says so and when, for a headline that does not show the claim: "CAICT, early 2025". */
export function sourceAndDate(fact: Fact, entity: (id: string) => Entity | undefined): string {
  const source = fact.attribution ? entity(fact.attribution) : undefined;
  return [source ? shortName(source) : undefined, fact.as_of].filter(Boolean).join(", ");
}

/** The acronym where there is one ("CAICT", "IDC"): a headline or a citation has no room for the long name. */
export function shortName(e: Entity): string {
  return e.aliases.find((a) => /^[A-Z]{2,6}$/.test(a)) ?? e.name;
}

/**
 * Splits text into pieces of at most `max` as `measure` counts them (a platform's escaped length), at
 * whitespace where it can, so that a long passage is shown whole over several blocks rather than cut.
 * Joined with single spaces the pieces give the text back, but for runs of whitespace at the splits.
 * Words are measured one by one (escaping is local to a word); each piece is measured whole once more.
 */
export function splitText(
  text: string,
  max: number,
  measure: (s: string) => number = (s) => s.length,
): string[] {
  const pieces: string[] = [];
  let current = "";
  let length = 0;
  const flush = () => {
    if (!current.trim()) return;
    const piece = current.trimEnd();
    // Escaping that reaches across a word boundary: measured whole, the piece is cut by characters.
    pieces.push(...(measure(piece) <= max ? [piece] : cutWord(piece, max, measure)));
  };
  for (const word of text.split(/(?<=\s)/)) {
    const size = measure(word);
    if (length + size <= max) {
      current += word;
      length += size;
      continue;
    }
    flush();
    const parts = size > max ? cutWord(word, max, measure) : [word];
    current = parts.pop() ?? "";
    length = measure(current);
    pieces.push(...parts);
  }
  flush();
  return pieces;
}

/** A word longer than a piece, cut by code points (a binary search for each cut). */
function cutWord(word: string, max: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  let chars = [...word];
  while (chars.length > 0 && measure(chars.join("")) > max) {
    let lo = 1;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (measure(chars.slice(0, mid).join("")) <= max) lo = mid;
      else hi = mid - 1;
    }
    out.push(chars.slice(0, lo).join(""));
    chars = chars.slice(lo);
  }
  if (chars.length) out.push(chars.join(""));
  return out;
}
