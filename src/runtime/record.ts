// Recording a turn in the question record, and the votes on its answer: never at the cost of the answer.
// A record that cannot be written is logged and the user still gets their card, without feedback buttons.
import type { AdapterContext } from "../adapters/adapter.js";
import type { Card } from "../core/card.js";
import { ownerOfAnswer, type Vote, type VoteReason } from "../storage/question-log.js";
import type { TurnInfo } from "./turn.js";

export interface Asker {
  user?: string | undefined;
  channel?: string | undefined;
  workspace?: string | undefined;
}

type RecordContext = Pick<AdapterContext, "questions" | "logger" | "votes">;

/**
 * Records the question the card answers; returns its id for the feedback buttons, or undefined when the
 * record is off or failed. Cards that are not answers (rate limits, too long, our own faults) are not kept.
 */
export function recordQuestion(
  ctx: RecordContext,
  info: TurnInfo,
  text: string,
  card: Card,
  asker: Asker,
): string | undefined {
  if (!ctx.questions || card.kind === "error") return undefined;
  try {
    return ctx.questions.record({ platform: info.platform, command: info.command, text, card, ...asker });
  } catch (err) {
    ctx.logger.error({ err, ...info }, "question record failed");
    return undefined;
  }
}

/**
 * Stores a vote (and its reason); false when nothing was stored. A vote on an answer another instance
 * recorded (its id names that instance's record) is handed to it through Redis, and it stores it.
 */
export function recordVote(
  ctx: RecordContext,
  platform: TurnInfo["platform"],
  answerId: string,
  user: string,
  vote: Vote | { reason: VoteReason },
): boolean {
  if (!ctx.questions) return false;
  try {
    const owner = ownerOfAnswer(answerId);
    if (ctx.votes && owner !== ctx.questions.owner && !ctx.questions.has(answerId)) {
      ctx.votes
        .send(owner, { answerId, user, vote })
        .catch((err: unknown) =>
          ctx.logger.error({ err, platform }, "vote not handed to the instance that recorded its answer"),
        );
      return true;
    }
    return typeof vote === "string"
      ? ctx.questions.vote(answerId, user, vote)
      : ctx.questions.explain(answerId, user, vote.reason);
  } catch (err) {
    ctx.logger.error({ err, platform }, "vote record failed");
    return false;
  }
}

/** What the one who voted reads, and only they. */
export const THANKS_UP = "Thanks for the feedback.";
export const THANKS_DOWN = "Thanks for the feedback. What was wrong? (optional)";
export const THANKS_REASON = "Thanks: noted.";

/** The choices after a 👎, in the order shown. */
export const REASON_LABELS: Record<VoteReason, string> = {
  wrong_figure: "Wrong figure",
  not_asked: "Not what I asked",
  missing: "Something missing",
};
