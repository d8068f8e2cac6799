// The chat frame: "that's wrong", "clear" — talk about the conversation. It gets one line, never a fact.
import type { Card } from "../card.js";
import { notFoundCard } from "../compose/not-found.js";
import type { Context } from "../context.js";
import { normalize } from "../text.js";

export function isChat(ctx: Context, question: string): boolean {
  return ctx.cues.chat.any.test(normalize(question));
}

export function chatCard(ctx: Context): Card {
  const card = notFoundCard(
    ctx,
    "Noted. I answer questions about the material, each with its source: /source shows the text an answer quotes.",
    [],
    "Ask me about the material",
  );
  return { ...card, fields: [], suggestions: card.suggestions.slice(0, 2) };
}
