// What the one who voted reads, ephemerally: a thank-you, and after a 👎 the optional "what was wrong?".
// https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element
import type { KnownBlock } from "@slack/types";
import { REASON_LABELS, THANKS_DOWN, THANKS_REASON, THANKS_UP } from "../../runtime/record.js";
import { VOTE_REASONS, type VoteReason } from "../../storage/question-log.js";
import { actions, button, section } from "./blocks.js";
import { plain } from "./escape.js";
import type { SlackMessage } from "./render.js";

/** The reason buttons are `gapbot_reason_wrong_figure`…, each with the answer id as its value. */
export const ACTION_REASON_PREFIX = "gapbot_reason_";

export function renderSlackThanks(vote: "up" | "down" | "reason", answerId: string): SlackMessage {
  if (vote === "up") return { text: THANKS_UP, blocks: [section(plain(THANKS_UP))] };
  if (vote === "reason") return { text: THANKS_REASON, blocks: [section(plain(THANKS_REASON))] };
  const blocks: KnownBlock[] = [
    section(plain(THANKS_DOWN)),
    actions(VOTE_REASONS.map((r) => button(REASON_LABELS[r], `${ACTION_REASON_PREFIX}${r}`, answerId))),
  ];
  return { text: THANKS_DOWN, blocks };
}

export function reasonOfAction(actionId: string): VoteReason | undefined {
  const reason = actionId.slice(ACTION_REASON_PREFIX.length);
  return (VOTE_REASONS as readonly string[]).includes(reason) ? (reason as VoteReason) : undefined;
}
