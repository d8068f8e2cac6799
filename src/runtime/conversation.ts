// One turn of a conversation: a message read against its thread's last question (kept in the state store
// for a day), answered, and the thread's last question moved on. Both adapters use it; each keys its own
// threads (a Slack thread, a Discord reply chain) and renders the result.
import type { AdapterContext } from "../adapters/adapter.js";
import type { Card } from "../core/card.js";
import { moreCard, withReading } from "../core/index.js";
import type { Request } from "../core/request.js";
import { answerTurn, type TurnInfo } from "./turn.js";

/** How long a thread's last question is kept after the bot's last answer in it. */
export const THREAD_TTL_MS = 24 * 60 * 60 * 1000;

export interface ThreadTurn {
  /** What to show: the card, the last answer's sources, or the rest of the last card. */
  view: "card" | "sources" | "more";
  card: Card;
  /** The query line the card answers (a follow-up as resolved). */
  query: string;
  /** Set when the turn answered a question the thread now continues from. */
  asked: boolean;
}

interface Kept {
  query: string;
}

/** The thread's last question, or undefined when the bot has not answered in it (or a day has passed). */
export async function lastQuestion(
  ctx: Pick<AdapterContext, "threads">,
  key: string,
): Promise<string | undefined> {
  const raw = await ctx.threads?.get(key);
  if (!raw) return undefined;
  try {
    const kept = JSON.parse(raw) as Partial<Kept>;
    return typeof kept.query === "string" ? kept.query : undefined;
  } catch {
    return undefined;
  }
}

export async function rememberQuestion(
  ctx: Pick<AdapterContext, "threads">,
  key: string,
  query: string,
): Promise<void> {
  await ctx.threads?.set(key, JSON.stringify({ query } satisfies Kept), THREAD_TTL_MS);
}

export interface ConversationOptions {
  /** The thread's last question; undefined when there is none (a new conversation). */
  last: string | undefined;
  /** A mention must get an answer: "thanks @gapbot" is answered (by the core) rather than let be. */
  addressed: boolean;
  /** Fields the platform shows on a card, for "more". */
  shownFields: number;
  /** How a query line becomes a request (a platform's slash lines); plain text by default. */
  toRequest?: (query: string) => Request;
}

/**
 * Answers `text` in a conversation. Undefined when it needs no answer ("thanks"), or asks for sources
 * or more with no last answer to take them from.
 */
export function answerConversation(
  ctx: Pick<AdapterContext, "core" | "logger">,
  info: TurnInfo,
  text: string,
  options: ConversationOptions,
): ThreadTurn | undefined {
  const toRequest = options.toRequest ?? ((query: string) => ({ text: query }));
  const ask = (query: string) => answerTurn(ctx, info, toRequest(query));
  const { last } = options;
  const read = last === undefined ? undefined : ctx.core.followUp(last, text);
  if (!read || (read.type === "ignore" && options.addressed)) {
    return { view: "card", card: ask(text), query: text, asked: true };
  }
  switch (read.type) {
    case "ignore":
      return undefined;
    case "sources":
      return { view: "sources", card: ask(last as string), query: last as string, asked: false };
    case "more": {
      const card = ask(last as string);
      const more = moreCard(card, options.shownFields);
      // A card that showed everything has nothing more but its quotes in full.
      return more
        ? { view: "card", card: more, query: last as string, asked: false }
        : { view: "sources", card, query: last as string, asked: false };
    }
    case "question": {
      const card = ask(read.query);
      return {
        view: "card",
        card: read.reading ? withReading(card, read.reading) : card,
        query: read.query,
        asked: true,
      };
    }
  }
}
