// A greeting, a thank-you or an "ok": one friendly line and at most two things to try, never the manual.
import type { Card, Suggestion } from "../card.js";
import type { Context } from "../context.js";
import { topicCommand } from "./help.js";

export type SmallTalk = "greeting" | "thanks" | "ack";

/** What a chat message that asks nothing gets: a line that answers it in kind. */
const LINES: Record<SmallTalk, string> = {
  greeting: "Hello! Ask me about the China–US AI compute gap: every figure comes with its source.",
  thanks: "You're welcome. Ask me anything else about the China–US AI compute gap.",
  ack: "Anything else? Ask me about the China–US AI compute gap.",
};

/** Suggestions a small-talk reply may carry: enough to start from, not a menu. */
export const SMALL_TALK_SUGGESTIONS_MAX = 2;

export function smallTalkCard(ctx: Context, say: SmallTalk): Card {
  const suggestions: Suggestion[] = [];
  // The first topic with a pair of figures shows best what the bot does; help lists the rest.
  const topic = ctx.knowledge.topics.find((t) => t.headline) ?? ctx.knowledge.topics[0];
  if (topic) suggestions.push({ label: `Gap: ${topic.title}`, command: topicCommand(topic) });
  suggestions.push({ label: "Help", command: "/help" });
  return {
    kind: "help",
    title: "gapbot",
    headline: LINES[say],
    fields: [],
    citations: [],
    suggestions: suggestions.slice(0, SMALL_TALK_SUGGESTIONS_MAX),
  };
}
