// Everyday words (knowledge/words.yaml): a question may word a thing otherwise than the material does
// ("Congress" where the text says "lawmakers", "grad students" where it says "graduate students"). A word or
// phrase of a synonym group that the material never uses is read as the first of its group that it does use;
// a word the material uses is read as it is, so a text's own wording always wins.
import type { Context } from "../context.js";
import { normalize } from "../text.js";

interface Group {
  /** The members as written: the first the material uses is the one a question is read with. */
  written: readonly string[];
  /** The members longest first ("move back" before "move"), each with the pattern finding it in a question. */
  members: readonly { word: string; pattern: RegExp }[];
}

interface Compiled {
  groups: Group[];
  /** Each member's first word → the groups it is in: a question is matched only against groups it may hold. */
  byFirstWord: Map<string, Group[]>;
  /** Whether the material uses a word or phrase, remembered once asked. */
  used: Map<string, boolean>;
  /** The sources' text, lower case, joined once a phrase of several words must be looked up. */
  text: string | undefined;
}

const compiled = new WeakMap<Context, Compiled>();

function compile(ctx: Context): Compiled {
  let c = compiled.get(ctx);
  if (!c) {
    c = {
      groups: (ctx.knowledge.synonymsOfLanguage ?? []).map((written) => ({
        written,
        members: [...written]
          .sort((a, b) => b.length - a.length)
          .map((word) => ({
            word,
            pattern: new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRegExp(word)}(?![\\p{L}\\p{N}-])`, "iu"),
          })),
      })),
      byFirstWord: new Map(),
      used: new Map(),
      text: undefined,
    };
    for (const g of c.groups)
      for (const w of g.written) {
        const first = w.split(" ")[0] as string;
        const list = c.byFirstWord.get(first) ?? [];
        if (!list.includes(g)) list.push(g);
        c.byFirstWord.set(first, list);
      }
    compiled.set(ctx, c);
  }
  return c;
}

/** True when the material writes the word (by its stem) or the phrase (as written). */
function uses(ctx: Context, c: Compiled, phrase: string): boolean {
  let v = c.used.get(phrase);
  if (v === undefined) {
    if (!phrase.includes(" ")) {
      const tokens = ctx.tokenize(phrase, { words: true });
      v = ctx.words.has(phrase) || (tokens.length > 0 && tokens.every((t) => ctx.retriever.known(t)));
    } else {
      c.text ??= [...ctx.knowledge.paragraphs.values()]
        .flat()
        .join("\n")
        .toLowerCase()
        .replace(/[\u2018\u2019]/g, "'");
      v = new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}-])`, "u").test(c.text);
    }
    c.used.set(phrase, v);
  }
  return v;
}

/** The question with each everyday word the material never uses read as a synonym it does use. */
export function everydayWords(ctx: Context, question: string): string {
  const c = compile(ctx);
  let out = question;
  const candidates = new Set<Group>();
  for (const w of question.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [])
    for (const g of c.byFirstWord.get(w) ?? []) candidates.add(g);
  for (const g of c.groups) {
    if (!candidates.has(g)) continue;
    for (const { word, pattern } of g.members) {
      const m = pattern.exec(out);
      if (!m) continue;
      // A name the material knows ("Senate" of a hearing) is read as a name; a word it uses, as it is.
      if (ctx.finder.isNameWord(word) || uses(ctx, c, word)) break;
      const instead = g.written.find((w) => w !== word && uses(ctx, c, w));
      const trial = instead && `${out.slice(0, m.index)}${instead}${out.slice(m.index + m[0].length)}`;
      // A word that shapes the question ("how much did they pay" asks for money) stays: the reading
      // in the material's words must ask the same as the question did. A word written short ("Dec" of
      // "December") is the same word, and shapes the question as the whole word does.
      const short = instead?.toLowerCase().startsWith(word.toLowerCase()) === true;
      if (trial && (short || !inCue(ctx, word)) && sameFrames(ctx, out, trial)) out = trial;
      break;
    }
  }
  return silentE(ctx, c, out);
}

/**
 * "hiring" where the text writes "hire": a word ending -ing or -ed that the material never uses, read as
 * the word with its silent e back, when the material uses that one (the stemmer cuts "hiring" to "hir").
 */
function silentE(ctx: Context, c: Compiled, question: string): string {
  return question.replace(/\b([a-z]{2,}?)(?:ing|ed)\b/g, (form: string, base: string) => {
    const word = `${base}e`;
    if (uses(ctx, c, form) || inCue(ctx, form) || !uses(ctx, c, word)) return form;
    return word;
  });
}

const frameWordsOf = new WeakMap<Context, Set<string>>();

/**
 * True when a cue or a unit hint is written with the word ("give" of "give me the key figures", "pay" of a
 * question for money): it shapes how the question is read, and stays as typed.
 */
function inCue(ctx: Context, word: string): boolean {
  let words = frameWordsOf.get(ctx);
  if (!words) {
    words = new Set<string>();
    const sources = [
      ...Object.values(ctx.cues).map((cue) => cue.any.source),
      ...ctx.lexicon.units.hints.map((h) => h.cue.source),
    ];
    for (const source of sources)
      for (const m of source.toLowerCase().matchAll(/[a-z]{2,}/g)) words.add(m[0]);
    frameWordsOf.set(ctx, words);
  }
  const own = words;
  return word.split(" ").some((w) => own.has(w));
}

/**
 * True when the second wording asks all the first does: every cue and unit hint reading the first reads it
 * too. It may ask for more ("boxes" read as the text's "crates" asks for crates).
 */
function sameFrames(ctx: Context, a: string, b: string): boolean {
  const x = normalize(a);
  const y = normalize(b);
  for (const cue of Object.values(ctx.cues)) if (cue.any.test(x) && !cue.any.test(y)) return false;
  return ctx.lexicon.units.hints.every((h) => !h.cue.test(x) || h.cue.test(y));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
