// One turn: the error boundary every adapter puts around core.answer, with its one log line.
// A bug becomes a short apology card for the user and a full log line for us, never a stack trace in chat.

import type { AdapterContext } from "../adapters/adapter.js";
import type { Card } from "../core/card.js";
import type { Platform, Request } from "../core/request.js";

export interface TurnInfo {
  platform: Platform;
  /** The command or event that carried the request: "chip", "mention", "dm", "button"… */
  command: string;
}

export function apologyCard(): Card {
  return {
    kind: "error",
    title: "Something went wrong",
    headline: "Sorry, something went wrong on our side while answering. Please try again in a moment.",
    fields: [],
    citations: [],
    suggestions: [{ label: "Help", command: "/help" }],
  };
}

/** Answers the request; logs platform, command, kind, latency and found — never the user's text at info. */
export function answerTurn(
  ctx: Pick<AdapterContext, "core" | "logger" | "metrics">,
  info: TurnInfo,
  request: Request,
): Card {
  const started = performance.now();
  let card: Card;
  // The core returns an apology card for its own bugs and reports them here; the catch is for a core that
  // breaks its contract. Either way the fault is logged once, with its stack, the platform and the command.
  const fault = (err: unknown) => ctx.logger.error({ err, ...info }, "answer failed");
  try {
    card = ctx.core.answer({ ...request, platform: info.platform }, fault);
  } catch (err) {
    fault(err);
    card = apologyCard();
  }
  const elapsedMs = performance.now() - started;
  ctx.metrics?.answered(info.platform, info.command, card, elapsedMs / 1000);
  const latencyMs = Math.round(elapsedMs * 1000) / 1000;
  ctx.logger.info(
    { ...info, kind: card.kind, found: card.kind !== "not_found" && card.kind !== "error", latencyMs },
    "answered",
  );
  ctx.logger.debug({ ...info, request }, "request text");
  return card;
}
