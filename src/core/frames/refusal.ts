// Questions refused before any search: a product, a model number or a name the material never uses, or a
// measured thing it has no word for.
import type { Card } from "../card.js";
import { thoughMentions, unknownProduct } from "../compose/answer.js";
import { notFoundCard } from "../compose/not-found.js";
import { type Context, productCodeMatches } from "../context.js";
import type { Mention } from "../entities.js";
import { nameKey, normalize } from "../text.js";
import { askedWords, isChipLike, knownWord } from "./reading.js";

/** "X or Y", "X 还是 Y": a question offering alternatives. */

/** A model number right after a name: "X11" of "Harvester X11". */
const MODEL_NUMBER_AFTER = /^ ?(\d+[a-z]+\d*|[a-z]*\d+[a-z]+)(?![a-z0-9])/;

/**
 * A figure with its magnitude ("10t", "50k", "1.2m", "3x"), which a terse question may write right after a name
 * ("X9: 10k crates an hour"): a figure given, no model number. "b" stays out: "910b" is a model's number.
 */
const MAGNITUDE = /^\d{1,3}(?:k|m|bn|t|x)$/;

const CHIP_NUMBER_AFTER = /^ ?(\d+[a-z]+\d*|[a-z]*\d+[a-z]+|(?!(?:19|20)\d\d(?!\d))\d{3,4})(?![a-z0-9.])/;

/**
 * Questions refused before any search: a product the material never names (GPT-5, the H20), a name it
 * never uses (Intel, Sam Altman), a measured thing it has no word for (electricity).
 */
export function refusal(ctx: Context, question: string, mentions: readonly Mention[]): Card | undefined {
  // "A100s" is the A100 in the plural.
  const isKnown = (code: string) =>
    ctx.productCodes.has(code) || ctx.productCodes.has(code.replace(/s$/, ""));
  const codes = productCodeMatches(question);
  // "Is the 640 INT8 or FP16?": an alternative the material never names is no subject of the question.
  const alternatives =
    ctx.cues.alternatives.any.test(normalize(question)) && codes.some(({ code }) => isKnown(code));
  const unknown = alternatives ? undefined : codes.find(({ code }) => !isKnown(code));
  if (unknown) return unknownProduct(ctx, question, unknown.written, mentions);
  // "Harvester X11": a model number after a line's or a maker's name that no name in the material has.
  const key = nameKey(question);
  for (const m of mentions) {
    if (m.entity.kind === "country") continue;
    // After a line of chips, a bare number of its own ("<line> 950") is a model number too;
    // after a chip it is a figure ("<chip> 640 TOPS").
    const line = m.entity.kind !== "chip" && isChipLike(ctx, m.entity);
    const pattern = line ? CHIP_NUMBER_AFTER : MODEL_NUMBER_AFTER;
    const next = pattern.exec(key.slice(m.end))?.[1];
    // A word the material itself writes ("SMIC 7nm": a process it names) is no unknown model number.
    if (
      next &&
      !MAGNITUDE.test(next) &&
      !ctx.finder.isNameWord(next) &&
      !ctx.retriever.known(next) &&
      !ctx.cues.alternatives.any.test(key)
    )
      return unknownProduct(ctx, question, `${key.slice(m.start, m.end)} ${next}`, mentions);
  }
  // "Kai-Fu Lee's AI company": a person's company the knowledge does not relate to them is not in the material.
  for (const m of mentions) {
    if (!asksPersonsCompany(ctx, key, m)) continue;
    if (m.entity.related.some((id) => ctx.entity(id)?.kind === "company")) continue;
    return notFoundCard(ctx, `Not in the material: it does not name ${m.entity.name}'s company.`, [m.entity]);
  }
  const stranger = unknownName(ctx, question);
  if (stranger) return notFoundCard(ctx, `Not in the material: it does not mention ${stranger}.`, []);
  // "How much electricity…", "the share of AI researchers": the thing to be measured is a word the
  // material never uses, so none of its figures measures it.
  const unmeasured = askedWords(ctx, normalize(question)).find((w) => !knownWord(ctx, w));
  if (!unmeasured) return undefined;
  const near = mentions.map((m) => m.entity).slice(0, 2);
  return notFoundCard(
    ctx,
    `Not in the material: it has no figures on ${unmeasured}${thoughMentions(near)}.`,
    near,
  );
}

/** True when the words after a person's name ask for their company ("A's AI company"); `key` is nameKey(text). */
export function asksPersonsCompany(ctx: Context, key: string, m: Mention): boolean {
  return m.entity.kind === "person" && ctx.cues.persons_company.any.test(key.slice(m.end));
}

/**
 * A capitalised word inside an English sentence that the material never uses, that no name contains and
 * that is no misspelling of a word it does use: the name of someone or something it does not cover.
 */
function unknownName(ctx: Context, question: string): string | undefined {
  for (const m of question.matchAll(
    /(?<=[\p{L}\p{N},'’"“)]\s+)\p{Lu}\p{Ll}{2,}(?:'s|’s)?(?![\p{L}\p{N}])/gu,
  )) {
    const word = m[0].replace(/(?:'s|’s)$/, "");
    const tokens = ctx.tokenize(word);
    if (tokens.length === 0 || tokens.some((t) => ctx.retriever.known(t) || ctx.retriever.correct(t)))
      continue;
    if (ctx.finder.isNameWord(word) || ctx.finder.mentions(word).length > 0) continue;
    // The whole name, as typed: "Sam Altman", not "Sam".
    const rest =
      /^(?:\s+\p{Lu}[\p{L}\p{N}-]*)*/u.exec(question.slice((m.index ?? 0) + word.length))?.[0] ?? "";
    return `${word}${rest}`;
  }
  return undefined;
}
