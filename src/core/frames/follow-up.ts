// The follow-up frame: "and Southland?", "what about Pearfield?", "那南国呢？" — a message that leans on a question
// before it. A conversation that keeps its thread's context resolves the follow-up before the core sees it
// (runtime/conversation.ts); one that reaches this frame came with no earlier question (a first message, a
// command, a thread whose follow-ups are off): the card says so, true on every surface, and offers the named
// things' own cards, never a way back to itself.
import { type Card, HEADLINE_MAX, type Suggestion } from "../card.js";
import { topicCommand } from "../compose/help.js";
import { commandFor } from "../compose/not-found.js";
import type { Context } from "../context.js";
import type { Mention } from "../entities.js";
import { clip } from "../format.js";

/** True when the text opens (or, in Chinese, closes) with a follow-up cue and asks nothing of its own. */
export function isFollowUp(ctx: Context, text: string, mentions: readonly Mention[]): boolean {
  const cue = ctx.cues.follow_up.any;
  if (!cue.test(text.toLowerCase())) return false;
  const rest = ctx.finder
    .residue(text, [...mentions])
    .toLowerCase()
    .replace(new RegExp(cue.source, "gu"), " ");
  return ctx.tokenize(rest, { words: true }).length === 0;
}

/** Suggestions a follow-up card carries: the named things' own cards, then the topics. */
const FOLLOW_UP_SUGGESTIONS_MAX = 3;

export function followUpCard(ctx: Context, text: string, mentions: readonly Mention[]): Card {
  const suggestions: Suggestion[] = [];
  for (const m of mentions) {
    // A country has no card of its own: the gap topics are what the material says of it.
    if (m.entity.kind === "country") continue;
    const command = commandFor(m.entity);
    if (!suggestions.some((s) => s.command === command)) suggestions.push({ label: m.entity.name, command });
  }
  const lead = ctx.knowledge.topics.find((t) => t.headline);
  if (lead) suggestions.push({ label: `Gap: ${lead.title}`, command: topicCommand(lead) });
  suggestions.push({ label: "Topics", command: "/gap" });
  const named = mentions.map((m) => m.entity.name);
  return {
    kind: "not_found",
    title: "Which question does this follow?",
    headline: clip(
      `“${clip(text.trim(), 60)}” follows on from an earlier question, which I do not have here. Ask the whole question${named.length ? `, naming ${named.slice(0, 2).join(" and ")} and what you want to know of ${named.length > 1 ? "them" : "it"}` : ""}.`,
      HEADLINE_MAX,
    ),
    fields: [],
    citations: [],
    suggestions: suggestions.slice(0, FOLLOW_UP_SUGGESTIONS_MAX),
  };
}
