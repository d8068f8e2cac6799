// Names the material writes that have no entry of their own (a product or a firm the draft did not make an
// entity): a question naming one asks about it, so only words that write the name answer it. A name is a word
// the material writes capitalised inside its sentences and never in lower case.
import { perContext } from "../compose/shared.js";
import type { Context } from "../context.js";
import { nameKey } from "../text.js";

const namesOf = perContext<ReadonlySet<string>>();

/** A word as the material writes it: letters, then letters or digits ("Gemini", "Similarweb", "Qwen3"). */
const WORD = /[\p{L}][\p{L}\p{N}]*/gu;
/** A capitalised word, not one in capitals only ("GPU" is as often a common noun as a name). */
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** The material's names without an entry, lower-cased: capitalised after a sentence's first word, never lower case. */
export function materialNames(ctx: Context): ReadonlySet<string> {
  return namesOf(ctx, "names", () => {
    const capitalised = new Set<string>();
    const lower = new Set<string>();
    for (const paragraphs of ctx.knowledge.paragraphs.values())
      for (const p of paragraphs)
        for (const sentence of p.split(/(?<=[.;:!?])\s+/)) {
          let first = true;
          for (const m of sentence.matchAll(WORD)) {
            const w = m[0];
            if (w.length < 3) continue;
            if (CAPITALISED.test(w)) {
              if (!first) capitalised.add(w.toLowerCase());
            } else if (w === w.toLowerCase()) lower.add(w);
            first = false;
          }
        }
    for (const w of lower) capitalised.delete(w);
    return capitalised;
  });
}

/**
 * The names a question writes capitalised, after its first word, that the material writes without an entry,
 * as tokens. A word the asker writes in lower case may be a common word the material only writes in a title
 * ("Member"); names of entities (whole or in part) are read as entities elsewhere and are left out.
 */
export function unnamedAsked(ctx: Context, question: string): string[] {
  const names = materialNames(ctx);
  const out: string[] = [];
  // The words of the entities the question names: "Gemini" of "Gemini 2.5 Pro" asked is that entity's; of
  // "the Gemini app", which names no entity, it is a name without an entry.
  let named: Set<string> | undefined;
  for (const m of question.matchAll(WORD)) {
    const w = m[0];
    if (m.index === 0 || w.length < 3 || !CAPITALISED.test(w) || !names.has(w.toLowerCase())) continue;
    named ??= new Set(
      ctx.finder
        .mentions(question)
        .flatMap((n) => [n.entity.name, ...n.entity.aliases].flatMap((a) => nameKey(a).split(" "))),
    );
    if (ctx.finder.isNameWord(w) && (named.has(w.toLowerCase()) || ctx.finder.mentions(w).length > 0))
      continue;
    // A word with everyday synonyms ("PhDs", "doctorates") is a common noun the material happens to capitalise.
    if ((ctx.knowledge.synonymsOfLanguage ?? []).some((g) => g.includes(w.toLowerCase()))) continue;
    out.push(...ctx.tokenize(w, { words: true }));
  }
  return out;
}
