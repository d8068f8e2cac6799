// A message that only follows on from another ("and China?", "what about the 910B?", "那华为呢？"): each
// message is read on its own, so it says so and offers the whole questions it could have meant.
import { type Card, HEADLINE_MAX, type Suggestion } from "../card.js";
import type { Context } from "../context.js";
import type { Mention } from "../entities.js";
import { clip } from "../format.js";
import { topicCommand } from "./help.js";
import { commandFor } from "./not-found.js";

/** Words that open a follow-up, or (呢) close one; what is left after them must ask nothing of its own. */
const CUE =
  /^\s*(?:(?:and|also|but|so|plus)\s+)?(?:what|how)\s+about\b|^\s*(?:and|also|plus|same for|same with|ditto for)\b|^\s*(?:那么|那|还有)|呢\s*[?？]?\s*$/i;

/** True when the text is a follow-up cue and names at most things, no measure or question of its own. */
export function isFollowUp(ctx: Context, text: string, mentions: readonly Mention[]): boolean {
  if (!CUE.test(text)) return false;
  const rest = ctx.finder.residue(text, [...mentions]).replace(new RegExp(CUE.source, "gi"), " ");
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
    title: "Each message is read on its own",
    headline: clip(
      `I read each message on its own, so “${clip(text, 60)}” has no earlier question to follow. Ask the whole question${named.length ? `, naming ${named.slice(0, 2).join(" and ")} and what you want to know of ${named.length > 1 ? "them" : "it"}` : ""}.`,
      HEADLINE_MAX,
    ),
    fields: [],
    citations: [],
    suggestions: suggestions.slice(0, FOLLOW_UP_SUGGESTIONS_MAX),
  };
}
