// The follow-up frame: "and China?", "what about Huawei?" — a message that leans on the one before it.
// Each message is read on its own, so it says so and offers the whole question's way in, never this card.
import type { Card } from "../card.js";
import { commandFor, notFoundCard } from "../compose/not-found.js";
import type { Context } from "../context.js";
import type { Mention } from "../entities.js";
import { normalize } from "../text.js";

/** True when the message opens as a follow-up and names at most things, with no words of its own. */
export function isFollowUp(ctx: Context, question: string, mentions: readonly Mention[]): boolean {
  const text = normalize(question);
  const cue = ctx.cues.follow_up.any.exec(text);
  if (!cue) return false;
  const rest = ctx.finder.residue(text.slice(cue[0].length), [
    ...ctx.finder.mentions(text.slice(cue[0].length)),
  ]);
  return mentions.length > 0 && ctx.tokenize(rest, { words: true }).length === 0;
}

export function followUpCard(ctx: Context, question: string, mentions: readonly Mention[]): Card {
  const names = mentions.map((m) => m.entity);
  const card = notFoundCard(
    ctx,
    `I read each message on its own, so “${question.trim().slice(0, 60)}” has nothing to follow. Ask the whole question, e.g. “What does the material say about ${names[0]?.name ?? "it"}?”`,
    [],
    "Ask the whole question",
  );
  return {
    ...card,
    suggestions: [
      ...names.slice(0, 2).map((e) => ({ label: `About ${e.name}`, command: commandFor(e) })),
      ...card.suggestions.slice(0, 2),
    ],
  };
}
