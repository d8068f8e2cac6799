// Typos in a word of a phrase ("open sorce models"): the single-word corrections live in the retriever
// (Retriever.correct), but a misspelt word of a phrase the material folds to one term ("open source") must
// be fixed before the phrase is read. Each unknown word is tried as the material's own word one letter away
// (two for long words), its first letter kept, and kept when it completes such a phrase or a name, or when
// its stem is too short for the search to correct.
import type { Context } from "../context.js";
import { editDistance, STOPWORDS } from "../text.js";

/** The question with each misspelt word of a phrase replaced by the material's word. */
export function fixTypos(ctx: Context, question: string): string {
  let fixed = question;
  for (const m of question.matchAll(/\p{L}[\p{L}'’]{3,}/gu)) {
    const w = m[0].toLowerCase();
    if (ctx.words.has(w) || STOPWORDS.has(w) || ctx.finder.isNameWord(w) || !/^[a-z]+$/.test(w)) continue;
    if (ctx.tokenize(w).some((t) => ctx.retriever.known(t) || ctx.lexicon.synonyms.has(t))) continue;
    const candidate = nearestWord(w, ctx.words);
    // A word one letter from a word of a name ("Acsend" of "Ascend") is that name misspelt.
    const name = candidate ? undefined : nearestWord(w, nameWords(ctx));
    if (name) {
      fixed = fixed.replace(m[0], name);
      continue;
    }
    if (!candidate) continue;
    const trial = fixed.replace(m[0], candidate);
    // Kept when it completes a phrase: the corrected text reads a term the word alone would not give; or when
    // the word reads as a stem too short for the search's own correction ("tokns" as "tokn"), which corrects
    // only stems of five letters or more.
    const before = new Set([...ctx.tokenize(fixed), ...ctx.tokenize(candidate)]);
    const short = w.length >= 5 && ctx.tokenize(w).every((t) => t.length < 5);
    if (short || ctx.tokenize(trial).some((t) => !before.has(t) && ctx.retriever.known(t))) fixed = trial;
  }
  return fixed;
}

const nameWordsCache = new WeakMap<Context, ReadonlySet<string>>();

/** The words of the names the knowledge knows ("ascend" of "Huawei Ascend 910B"), in lower case. */
function nameWords(ctx: Context): ReadonlySet<string> {
  let set = nameWordsCache.get(ctx);
  if (!set) {
    set = new Set(
      ctx.knowledge.entities
        .flatMap((e) => [e.name, ...e.aliases])
        .flatMap((n) => n.toLowerCase().match(/[a-z]{5,}/g) ?? []),
    );
    nameWordsCache.set(ctx, set);
  }
  return set;
}

function nearestWord(w: string, words: ReadonlySet<string>): string | undefined {
  const max = w.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestD = max + 1;
  for (const known of words) {
    if (known[0] !== w[0] || Math.abs(known.length - w.length) > max) continue;
    const d = editDistance(w, known, max);
    if (d < bestD) {
      best = known;
      bestD = d;
    }
  }
  return best;
}
