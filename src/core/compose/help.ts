// /help: every command with its examples, read from the declarations in commands/.
import { commands } from "../../../commands/index.js";
import type { Card } from "../card.js";
import type { Context } from "../context.js";

/** Slack's assistant panel takes messages only: its threads run no slash command. */
export const ASSISTANT_NOTE =
  "In Slack's assistant panel, slash commands do not run: type the question, or the command as a message (/chip 910B).";

export function helpCard(ctx: Context, note?: string): Card {
  return {
    kind: "help",
    title: "gapbot — the China–US AI compute gap, with sources",
    headline:
      note ??
      "Ask about compute, chips, models, capex or market share: every figure comes with the sentence it is quoted from.",
    fields: commands.map((c) => ({
      label: `/${c.name}${c.usage_hint ? ` ${c.usage_hint.split("  ")[0]}` : ""}`,
      value: `${c.description}. e.g. ${c.examples.join(" · ")}`,
    })),
    citations: [],
    suggestions: [
      { label: "Compute gap", command: "/gap compute" },
      { label: "Ascend 910B", command: "/chip 910B" },
      { label: "Mythos vs DeepSeek V4 Pro", command: '/compare Mythos "DeepSeek V4 Pro"' },
      { label: "Topics", command: "/gap" },
    ],
    footer: `${ctx.knowledge.facts.length} facts from ${ctx.knowledge.sources.length} source(s). Mention me or DM me with a question, in English or Chinese. ${ASSISTANT_NOTE}`,
  };
}
