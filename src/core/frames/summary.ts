// The summary frame: "summarize the article", "tl;dr" — the main figures of every topic, each cited.
import type { Fact } from "../../knowledge/schema.js";
import type { Card, Field } from "../card.js";
import { HEADLINE_MAX } from "../card.js";
import { citeAll, footerFor, unique } from "../compose/shared.js";
import type { Context } from "../context.js";
import { clip, figureDisplay } from "../format.js";
import { subjectLabel } from "../subjects.js";
import { normalize } from "../text.js";

/** True when the message asks for a summary and nothing more: its other words are all filler. */
export function asksSummary(ctx: Context, question: string): boolean {
  const text = normalize(question);
  if (!ctx.cues.summary.any.test(text)) return false;
  const rest = text
    .replace(new RegExp(ctx.cues.summary.any.source, "gu"), " ")
    .replace(new RegExp(ctx.cues.summary_filler.any.source, "gu"), " ")
    .replace(/[^\p{L}\p{N}]+/gu, "");
  return rest.length === 0;
}

/** Each topic's leading figures: its headline pair, or its lead fact, in the order the knowledge lists topics. */
export function summaryCard(ctx: Context): Card {
  const fields: Field[] = [];
  const cited: Fact[] = [];
  for (const topic of ctx.knowledge.topics) {
    const pair = topic.headline;
    const a = pair ? ctx.fact(pair.first) : undefined;
    const b = pair ? ctx.fact(pair.second) : undefined;
    const fa = pair && a?.figures[pair.first_figure];
    const fb = pair && b?.figures[pair.second_figure];
    if (a && b && fa && fb) {
      fields.push({
        label: topic.title,
        value: `${subjectLabel(ctx, a)} ${figureDisplay(fa)} vs ${subjectLabel(ctx, b)} ${figureDisplay(fb)}`,
        factId: a.id,
      });
      cited.push(a, b);
      continue;
    }
    const lead = ctx.fact(topic.lead ?? topic.first[0] ?? topic.second[0] ?? "");
    if (!lead) continue;
    fields.push({ label: topic.title, value: lead.claim, factId: lead.id });
    cited.push(lead);
  }
  const headline = fields.map((f) => `${f.label}: ${f.value.replace(/\.$/, "")}.`).join(" ");
  const source = ctx.knowledge.sources[0];
  return {
    kind: "answer",
    title: `Summary${source ? `: ${source.title}` : ""}`,
    headline: clip(headline, HEADLINE_MAX),
    fields: fields.slice(0, 8),
    citations: citeAll(ctx, unique(cited)),
    suggestions: ctx.knowledge.topics
      .slice(0, 3)
      .map((t) => ({ label: `Gap: ${t.title}`, command: `/gap ${t.id.replace(/-/g, " ")}` })),
    footer: `The leading figure of each topic. · ${footerFor(ctx, cited)}`,
  };
}
