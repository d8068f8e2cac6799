// The honest miss: says plainly that the material does not answer, offers near names and the topics.

import type { Entity } from "../../knowledge/schema.js";
import type { Card, Suggestion } from "../card.js";
import type { Context } from "../context.js";
import { gapName } from "./gap.js";

export function notFoundCard(
  ctx: Context,
  headline: string,
  near: readonly Entity[] = [],
  title = "Not in the material",
): Card {
  const suggestions: Suggestion[] = near.map((e) => ({
    label: `Did you mean ${e.name}?`,
    command: commandFor(e),
  }));
  for (const t of ctx.knowledge.topics.slice(0, 4 - Math.min(near.length, 3))) {
    suggestions.push({ label: `Gap: ${t.title}`, command: `/gap ${t.id.replace(/-/g, " ")}` });
  }
  return {
    kind: "not_found",
    title,
    headline,
    fields: [
      {
        label: "What I can answer",
        value: `The ${gapName(ctx)}: ${ctx.knowledge.topics.map((t) => t.title.toLowerCase()).join(", ")}; chips, models and companies named in the source.`,
      },
    ],
    citations: [],
    suggestions,
    footer: "Every answer comes from the curated material, with its source; nothing is made up.",
  };
}

/** The command that shows an entity's card. */
export function commandFor(e: Entity): string {
  if (e.kind === "chip") return `/chip ${e.name}`;
  if (e.kind === "model") return `/model ${e.name}`;
  return `/ask ${e.name}`;
}
