// The answering core: parse → retrieve → compose a Card. No platform import, ever.
import type { Knowledge } from "../knowledge/schema.js";
import type { Card } from "./card.js";
import type { FollowUp } from "./follow-up.js";
import type { Choice, CompletionKind, Request } from "./request.js";

export type { Card, CardKind, Citation, Comparison, ComparisonRow, Field, Suggestion } from "./card.js";
export type { FollowUp } from "./follow-up.js";
export { moreCard, requestLine, withReading } from "./follow-up.js";
export type { Choice, CompletionKind, Request } from "./request.js";

export interface Catalog {
  topics: { id: string; title: string }[];
  chips: { id: string; name: string }[];
  models: { id: string; name: string }[];
  companies: { id: string; name: string }[];
}

export interface Core {
  /**
   * Never throws for any input; the same request always gets the same card. A bug inside the core becomes an
   * apology card, and `onFault` receives the error so that the caller can log it with the turn.
   */
  answer(request: Request | string, onFault?: (err: unknown) => void): Card;
  /** Autocomplete: exact alias, then prefix, then fuzzy; at most `limit` (25). */
  complete(kind: CompletionKind, input: string, limit?: number): Choice[];
  /**
   * Reads a message in a conversation against its last question (a query line): a change of subject ("and
   * China?") rewritten into a whole question, a request for sources or for more, or a new question.
   */
  followUp(previous: string, text: string): FollowUp;
  /** What the bot knows, for help screens and Slack's App Home. */
  catalog(): Catalog;
  readonly knowledge: Knowledge;
}

export { createCore } from "./create-core.js";
