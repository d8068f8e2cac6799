// /help: every command with working examples, read from the declarations in commands/ and written for the
// platform that asks (Slack reserves /help, so there it is /gapbot; the terminal has no mentions).
import { type Command, commands } from "../../../commands/index.js";
import type { Topic } from "../../knowledge/schema.js";
import type { Card } from "../card.js";
import type { Context } from "../context.js";
import type { Platform } from "../request.js";

/** Slack's assistant panel takes messages only: its threads run no slash command. */
export const ASSISTANT_NOTE =
  "In Slack's assistant panel, slash commands do not run: type the question, or the command as a message (/chip 910B).";

/** How a person reaches the bot besides its commands, per platform. */
const REACH: Record<Platform, string> = {
  slack: `Mention @gapbot in a channel or send it a direct message, in English or Chinese. ${ASSISTANT_NOTE}`,
  discord: "Mention @gapbot in a channel or send it a direct message, in English or Chinese.",
  console: "Type a question or a command, in English or Chinese.",
};

export function helpCard(ctx: Context, note?: string, platform: Platform = "console"): Card {
  const facts = ctx.knowledge.facts.length;
  const sources = ctx.knowledge.sources.length;
  const lead = ctx.knowledge.topics.find((t) => t.headline) ?? ctx.knowledge.topics[0];
  return {
    kind: "help",
    title: "gapbot — the China–US AI compute gap, with sources",
    headline:
      note ??
      "Ask about compute, chips, models, capex or market share: every figure comes with the sentence it is quoted from.",
    fields: commands.map((c) => {
      const examples = helpExamples(ctx, c, platform);
      return {
        label: `${commandName(c, platform)}${c.usage_hint ? ` ${c.usage_hint.split("  ")[0]}` : ""}`,
        value: `${c.description}. e.g. ${examples.join(" · ")}`,
      };
    }),
    citations: [],
    suggestions: [
      ...(lead ? [{ label: `Gap: ${lead.title}`, command: topicCommand(lead) }] : []),
      { label: "Topics", command: "/gap" },
    ],
    footer: `${plural(facts, "fact")} from ${plural(sources, "source")}. ${REACH[platform]}`,
  };
}

/** The command as typed on the platform: "/gapbot" for help on Slack. */
export function commandName(c: Command, platform: Platform): string {
  return `/${platform === "slack" && c.slack_name ? c.slack_name : c.name}`;
}

/**
 * The command's examples as typed on the platform. A command that takes a fact id shows one from the
 * knowledge, so that the example answers whatever the material holds (a declared id would go stale).
 */
export function helpExamples(ctx: Context, c: Command, platform: Platform): string[] {
  const own = c.examples.map((e) => e.replace(new RegExp(`^/${c.name}\\b`), commandName(c, platform)));
  if (c.intent !== "source") return own;
  const fact = ctx.knowledge.topics.map((t) => t.headline?.first ?? t.lead).find((id) => id && ctx.fact(id));
  return fact ? [...own, `${commandName(c, platform)} ${fact}`] : own;
}

/** "/gap market share" for the topic market-share. */
export function topicCommand(t: Topic): string {
  return `/gap ${t.id.replace(/-/g, " ")}`;
}

/** "1 source", "112 facts". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
