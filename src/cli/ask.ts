// gapbot ask [--json] [--knowledge DIR] [--source ID]… [QUERY]: answers QUERY, or every stdin line; --json
// gives one object per line.
import process from "node:process";
import type { Card } from "../core/card.js";
import { renderText } from "../core/render-text.js";
import { parseArgs } from "./args.js";
import { eachQuery } from "./batch.js";
import { coreOf, KNOWLEDGE_FLAGS } from "./knowledge-flags.js";

export function cardJson(query: string, card: Card) {
  return {
    query,
    kind: card.kind,
    title: card.title,
    headline: card.headline,
    text: renderText(card),
    fields: card.fields,
    ...(card.comparison ? { comparison: card.comparison } : {}),
    citations: card.citations,
    suggestions: card.suggestions,
    ...(card.footer ? { footer: card.footer } : {}),
  };
}

/** A bug in the core still answers (the apology card) and is reported on stderr, once, with its stack. */
export function reportFault(err: unknown): void {
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`gapbot: answer failed: ${detail}\n`);
}

export default async function ask(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, KNOWLEDGE_FLAGS);
  const { flags, rest } = parsed;
  const core = coreOf(parsed);
  const json = flags.has("json");
  await eachQuery(
    rest,
    process.stdin,
    (q) => {
      const card = core.answer({ text: q }, reportFault);
      return json ? JSON.stringify(cardJson(q, card)) : `${renderText(card)}\n`;
    },
    (s) => process.stdout.write(`${s}\n`),
  );
  return 0;
}
