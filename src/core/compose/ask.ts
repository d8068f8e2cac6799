// A question in words: the frames that answer on their own, then the reading, the ranking and the answer card.
// Each step is a module of its own: frames/reading.ts, rank/rank.ts, compose/answer.ts, frames/refusal.ts.
import type { Fact } from "../../knowledge/schema.js";
import { groupHolds } from "../../knowledge/subject.js";
import type { Card } from "../card.js";
import type { Context } from "../context.js";
import type { Mention } from "../entities.js";
import { chatCard, isChat } from "../frames/chat.js";
import { everydayWords } from "../frames/everyday.js";
import { followUpCard, isFollowUp } from "../frames/follow-up.js";
import { type Reading, readQuestion } from "../frames/reading.js";
import { refusal } from "../frames/refusal.js";
import { asksSummary, summaryCard } from "../frames/summary.js";
import { fixTypos } from "../frames/typos.js";
import { definesTerm, termAsked, undefinedTermCard } from "../frames/what-is.js";
import { answers, comparedPair, measuredElsewhere, rankFacts, relativeHit } from "../rank/rank.js";
import { about, contentShare } from "../rank/relevance.js";
import type { Hit } from "../search.js";
import { answerCard, miss, nearbyMiss, paragraphAnswer, relativeMiss } from "./answer.js";

/**
 * The answer the material gives to words typed where a command wanted something else ("/gap tokens",
 * "/source <words>", "/model <name> <what about it>"); undefined when it gives none.
 */
export function materialAnswer(
  ctx: Context,
  text: string,
  mentions: readonly Mention[] = ctx.finder.mentions(text),
): Card | undefined {
  const card = askCard(ctx, text, mentions);
  return card.kind === "answer" ? card : undefined;
}

/** GAPBOT_DEBUG_ASK=1: why each question got its best fact, on stderr (read once: process.env is slow). */
const DEBUG = Boolean(process.env.GAPBOT_DEBUG_ASK);

export function askCard(ctx: Context, typed: string, typedMentions: readonly Mention[]): Card {
  // Everyday words the material words otherwise ("Congress" for its "lawmakers"), then typos.
  const question = fixTypos(ctx, everydayWords(ctx, typed));
  const mentions = question === typed ? typedMentions : ctx.finder.mentions(question);
  // Frames that answer on their own, before any search: talk, a summary, a follow-up, a term to define.
  if (isChat(ctx, question)) return chatCard(ctx);
  if (asksSummary(ctx, question)) return summaryCard(ctx);
  if (isFollowUp(ctx, question, mentions)) return followUpCard(ctx, question, mentions);
  const term = termAsked(ctx, question, mentions);
  const undefinedTerm = term ? undefinedTermCard(ctx, term) : undefined;
  if (undefinedTerm) return undefinedTerm;
  const refused = refusal(ctx, question, mentions);
  if (refused) return refused;
  // "What did they spend this year, and how fast did it grow?": each question answered by its own fact.
  const both = twoAnswers(ctx, question, mentions);
  if (both) return answerCard(ctx, both[0], [both[1]], true);
  const r = readQuestion(ctx, question, mentions, typed);
  const ranked = rankFacts(ctx, r);
  // "What is a landing station?": the sentence defining the term, among the best, answers before any other.
  if (term) {
    const at = ranked.slice(0, 5).findIndex((h) => definesTerm(ctx, term, h.item.quote));
    if (at > 0) ranked.unshift(...ranked.splice(at, 1));
  }
  // The best hit that answers; else the top, the nearest, which the misses below cite.
  const top = ranked[0];
  const best = answeringHit(ctx, r, ranked) ?? top;
  if (DEBUG && best)
    process.stderr.write(
      `${question} :: ${best.item.id} cov=${best.coverage.toFixed(2)} content=${contentShare(ctx, r, best.matched).toFixed(2)} han=${r.chinese?.toFixed(2)} quant=${r.quantitative} money=${r.money} [${r.content}] terms=[${r.terms}] ids=[${r.entityIds}] next: ${ranked
        .slice(0, Number(process.env.GAPBOT_DEBUG_ASK) > 1 ? Number(process.env.GAPBOT_DEBUG_ASK) : 4)
        .map((h) => `${h.item.id} ${h.score.toFixed(2)}`)
        .join(", ")}\n`,
    );
  // "How does A's estimate compare with B's?": one fact for each side, both in the headline.
  // Not when the best fact answers with one side relative to the other ("1/8 of B's"), naming both itself.
  const pair =
    r.compares && !(top && answersRelative(ctx, r, top)) ? comparedPair(ctx, r, ranked) : undefined;
  if (pair && (!top || !answers(ctx, r, top) || pair[0] === top)) {
    const [one, other] = pair;
    const rest = ranked.filter(
      (h) =>
        h !== one && h !== other && h.score >= one.score * ctx.weights.supportShare && answers(ctx, r, h),
    );
    return scored(
      answerCard(ctx, one.item, [other.item, ...rest.slice(0, 1).map((h) => h.item)], true),
      one.score,
    );
  }
  // Nothing gives the sum asked for: say so, with what the material gives for each.
  if (r.sum && (!best || !answers(ctx, r, best)) && r.things.length + r.countries.length >= 2)
    return nearbyMiss(
      ctx,
      ranked.slice(0, 2).map((h) => h.item),
      mentions,
    );
  // No count of the thing named, but a figure relative to another's: the miss says that figure.
  const relative = r.counted && (!best || !answers(ctx, r, best)) ? relativeHit(ctx, r, ranked) : undefined;
  if (relative) return relativeMiss(ctx, r, relative, mentions);
  const worded =
    best && !answers(ctx, r, best) ? ranked.slice(0, 3).find((h) => answers(ctx, r, h, true)) : undefined;
  // What else the material says in words to the same question supports it ("largest by market value" and
  // "above Germany's GDP").
  if (worded)
    return scored(
      answerCard(
        ctx,
        worded.item,
        ranked
          .slice(0, 3)
          .filter((h) => h !== worded && answers(ctx, r, h, true))
          .slice(0, 1)
          .map((h) => h.item),
      ),
      worded.score,
    );
  // The best fact is a group's figure and one member is asked about: the material gives the group's, not
  // the member's, and a paragraph quoting the group's figure would answer no better.
  const groupOnly =
    best !== undefined && r.things.length === 1 && groupHolds(best.item, r.things[0] as string, ctx.entity);
  if (best && groupOnly && !answers(ctx, r, best)) return nearbyMiss(ctx, [best.item], mentions);
  if (!best || !answers(ctx, r, best))
    return (
      // A count of a kind of thing needs a curated count; a sentence with some number in it is no answer.
      // Nor does a rate ("per kilometre"): a paragraph with some sum in it is not the rate asked for.
      (r.counted || r.per ? undefined : paragraphAnswer(ctx, r)) ??
      // What the material says of everything asked but the subject: the miss cites it as nearby.
      (best && r.content.length > 0 && contentShare(ctx, r, best.matched) >= 1
        ? nearbyMiss(ctx, [best.item], mentions)
        : miss(ctx, mentions))
    );
  // A's share of a market the material gives only for B: the measure is given, but for another subject.
  const measured = measuredElsewhere(ctx, r, best, ranked);
  if (measured) return nearbyMiss(ctx, [best.item, measured.item], mentions);
  const support = ranked
    .slice(1)
    .filter((h) => h.score >= best.score * ctx.weights.supportShare && answers(ctx, r, h))
    .slice(0, 2)
    .map((h) => h.item);
  return scored(answerCard(ctx, best.item, support), best.score);
}

/** True when the hit answers with a relative figure (a fraction, a multiple) on a fact about all named. */
function answersRelative(ctx: Context, r: Reading, h: Hit<Fact>): boolean {
  const named = [...r.things, ...r.countries];
  return (
    named.length >= 2 &&
    h.item.figures.some((g) => ctx.lexicon.units.relative.has(g.unit)) &&
    named.every((id) => about(ctx, h.item, id)) &&
    answers(ctx, r, h)
  );
}

/**
 * The best hit that passes the answer test, among those close to the top: a hit that names the thing often
 * but misses what is asked does not hide one just behind it that answers. Undefined when none does.
 */
function answeringHit(ctx: Context, r: Reading, ranked: readonly Hit<Fact>[]): Hit<Fact> | undefined {
  const top = ranked[0];
  if (!top || answers(ctx, r, top)) return top;
  return ranked.slice(1, 3).find(
    (h) =>
      h.score >= top.score * ctx.weights.runnerUp &&
      // Only a fact on the very things named: a sibling's figure is a neighbour, not an answer.
      r.things.every((id) => about(ctx, h.item, id)) &&
      answers(ctx, r, h),
  );
}

function scored(card: Card, score: number): Card {
  return Number.isFinite(score) ? { ...card, score } : card;
}

/**
 * The facts answering a message that asks two things ("what did they plant this year and how fast did
 * it grow?"): the second question is read with the names of the first ("it" is what they planted).
 */
function twoAnswers(ctx: Context, question: string, mentions: readonly Mention[]): [Fact, Fact] | undefined {
  const split = TWO_ASKS_SPLIT.exec(question);
  if (!split || split.index === undefined) return undefined;
  const first = question.slice(0, split.index);
  // "Which A machine and which B machine does the X9 outpick?" is one question: its first
  // half has no verb of its own. A first half set off by a comma is a question of its own, verb or not
  // ("A's harvest in tonnes, and what share of the world's is that?").
  if (
    !split[0].startsWith(",") &&
    !/\b(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should)\b/i.test(first)
  )
    return undefined;
  const names = mentions.map((m) => m.entity.name).join(", ");
  const second = `${question.slice(split.index + split[0].length)} (${names})`;
  const best = (text: string) => {
    const found = ctx.finder.mentions(text);
    const r = readQuestion(ctx, text, found);
    // As a whole question's answer is found.
    return answeringHit(ctx, r, rankFacts(ctx, r))?.item;
  };
  const a = best(first);
  const b = a && best(second);
  return a && b && a !== b ? [a, b] : undefined;
}

/** Where a message's second question starts: "… this year and how fast did it grow?". */
const TWO_ASKS_SPLIT = /,? \band (?=(?:how|what|which|who|when|by how)\b)/i;
