// The material's vocabulary (knowledge/vocabulary.yaml) compiled once per knowledge: synonym folding for the
// tokenizer and the index, and the units a question's words ask for. The mechanisms read it; none names a word.
import type { Vocabulary } from "../knowledge/schema.js";
import { stem } from "./text.js";

export interface UnitHint {
  cue: RegExp;
  units: readonly string[];
  /** Only a question for a figure asks for these units ("how big is the gap" but not "describe the gap"). */
  quantitative: boolean;
}

export interface Lexicon {
  /** Phrases folded to one word before tokenising. */
  phrases: readonly [RegExp, string][];
  /** One word → its group's canonical word. */
  synonyms: ReadonlyMap<string, string>;
  /** Chinese words the tokenizer must keep whole. */
  hanTerms: readonly string[];
  /** Chinese compounds standing for two canonical words at once. */
  compounds: ReadonlyMap<string, readonly string[]>;
  /** Words asking for a ratio, of any topic. */
  ratioWords: ReadonlySet<string>;
  /** Words the stemmer leaves whole. */
  keep: ReadonlySet<string>;
  units: {
    hints: readonly UnitHint[];
    money: ReadonlySet<string>;
    share: ReadonlySet<string>;
    relative: ReadonlySet<string>;
    bothSides: ReadonlySet<string>;
    /** How a sentence writes a sum of money; undefined when the material says nothing of money. */
    moneyText: RegExp | undefined;
    /** Entity kind → the units a count of such a thing is in. */
    counts: ReadonlyMap<string, readonly string[]>;
  };
}

const HAN = /\p{Script=Han}/u;

export function compileLexicon(v: Vocabulary): Lexicon {
  const synonyms = new Map<string, string>();
  const keep = new Set(v.keep_words);
  // A synonym is found by its stem too ("pric" of "priced" is "price"'s).
  for (const group of v.synonyms.groups)
    for (const w of group) {
      synonyms.set(w, group[0] as string);
      if (!synonyms.has(stem(w, keep))) synonyms.set(stem(w, keep), group[0] as string);
    }
  return {
    phrases: v.synonyms.phrases.map((p) => [new RegExp(p.pattern, "g"), p.to] as [RegExp, string]),
    synonyms,
    hanTerms: v.synonyms.groups.flat().filter((w) => HAN.test(w)),
    compounds: new Map(Object.entries(v.synonyms.compounds)),
    ratioWords: new Set(v.synonyms.ratio_words),
    keep: new Set(v.keep_words),
    units: {
      hints: v.units.hints.map((h) => ({
        cue: new RegExp(h.cue),
        units: h.units,
        quantitative: h.quantitative ?? false,
      })),
      money: new Set(v.units.money),
      share: new Set(v.units.share),
      relative: new Set(v.units.relative),
      bothSides: new Set(v.units.both_sides),
      moneyText: v.units.money_text ? new RegExp(v.units.money_text, "i") : undefined,
      counts: new Map(Object.entries(v.units.counts)),
    },
  };
}

/** No synonyms and no units: what a tokenizer made without knowledge uses. */
export const EMPTY_LEXICON: Lexicon = compileLexicon({
  synonyms: { phrases: [], groups: [], compounds: {}, ratio_words: [] },
  units: { known: [], money: [], share: [], relative: [], both_sides: [], counts: {}, hints: [] },
  keep_words: [],
});
