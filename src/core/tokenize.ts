// The tokenizer for facts, paragraphs and queries alike: keeps chip and model names whole ("910b",
// "v4", "4.6", "gb300"), folds synonyms, and cuts Chinese three ways — known words whole (ICU alone
// splits 昇腾 and 英伟达 apart), Intl.Segmenter words, and character bigrams.
import { EMPTY_LEXICON, type Lexicon } from "./lexicon.js";
import { HAN_STOP_CHARS, HAN_STOPWORDS, normalize, STOPWORDS, stem, words } from "./text.js";

/** `words: true` leaves out the Chinese bigrams: whole words only, for reading intent. */
export type Tokenize = (text: string, options?: { words?: boolean }) => string[];

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

export function foldPhrases(normalized: string, lexicon: Lexicon): string {
  let t = normalized;
  for (const [pattern, word] of lexicon.phrases) t = t.replace(pattern, ` ${word} `);
  return t;
}

/**
 * `hanWords`: Chinese names and terms to keep whole, e.g. every entity's Chinese aliases. `glossary`:
 * Chinese words read as the English words the material uses for them (漏洞 → vulnerability), so that a
 * question in Chinese meets the English index on its own terms. `lexicon`: the material's synonyms.
 */
export function createTokenizer(
  hanWords: Iterable<string> = [],
  glossary: Readonly<Record<string, string>> = {},
  lexicon: Lexicon = EMPTY_LEXICON,
): Tokenize {
  const { compounds, synonyms, keep } = lexicon;
  const dictionary = new Set<string>(lexicon.hanTerms);
  for (const w of Object.keys(glossary)) dictionary.add(normalize(w));
  // Each glossary word's English, tokenized as English is; filled once the tokenizer below exists.
  const english = new Map<string, string[]>();

  function canonical(word: string): string[] {
    const compound = compounds.get(word);
    if (compound) return [...compound];
    const synonym = synonyms.get(word);
    if (synonym) return [synonym];
    return english.get(word) ?? [word];
  }

  for (const w of hanWords)
    for (const piece of words(normalize(w))) if (piece.han) dictionary.add(piece.text);
  for (const c of compounds.keys()) dictionary.add(c);
  let longest = 1;
  for (const w of dictionary) longest = Math.max(longest, w.length);

  function hanTokens(run: string, out: string[], bigrams: boolean): void {
    // Every dictionary word inside the run, overlapping or not: cheap, and recall matters more here.
    for (let i = 0; i < run.length; i++) {
      for (let len = Math.min(longest, run.length - i); len >= 1; len--) {
        const piece = run.slice(i, i + len);
        if (dictionary.has(piece)) out.push(...canonical(piece));
      }
    }
    for (const s of segmenter.segment(run)) {
      if (s.segment.length >= 2 && !HAN_STOPWORDS.has(s.segment)) out.push(...canonical(s.segment));
    }
    if (run.length === 1) {
      if (!HAN_STOPWORDS.has(run) && !HAN_STOP_CHARS.has(run)) out.push(run);
      return;
    }
    if (!bigrams) return;
    for (let i = 0; i + 2 <= run.length; i++) {
      const bigram = run.slice(i, i + 2);
      if (
        !HAN_STOPWORDS.has(bigram) &&
        !HAN_STOP_CHARS.has(bigram[0] as string) &&
        !HAN_STOP_CHARS.has(bigram[1] as string)
      )
        out.push(bigram);
    }
  }

  const tokenize = (text: string, options?: { words?: boolean }): string[] => {
    const out: string[] = [];
    for (const w of words(foldPhrases(normalize(text), lexicon))) {
      if (w.han) {
        hanTokens(w.text, out, !options?.words);
        continue;
      }
      // Single letters ("s" of a cut-off possessive) carry nothing.
      if (STOPWORDS.has(w.text) || (w.text.length === 1 && !/\d/.test(w.text))) continue;
      if (synonyms.has(w.text)) {
        out.push(...canonical(w.text));
        continue;
      }
      const s = stem(w.text, keep);
      // "claimed" is "claim", a stop word as much as "claims" is.
      if (!STOPWORDS.has(s)) out.push(...canonical(s));
    }
    return [...new Set(out)];
  };
  for (const [zh, en] of Object.entries(glossary)) english.set(normalize(zh), tokenize(en));
  return tokenize;
}
