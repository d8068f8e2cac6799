// What the one who voted reads, ephemerally: a thank-you, and after a 👎 the optional "what was wrong?".
// https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element
import type { ActionsBlock, ContextActionsBlock, KnownBlock } from "@slack/types";
import { REASON_LABELS, THANKS_DOWN, THANKS_REASON, THANKS_UP } from "../../runtime/record.js";
import { VOTE_REASONS, type VoteReason } from "../../storage/question-log.js";
import { actions, button, section } from "./blocks.js";
import { plain } from "./escape.js";
import type { SlackMessage } from "./render.js";

/** Slack's feedback buttons; the value says which: "up:<answer id>" or "down:<answer id>". */
export const ACTION_FEEDBACK = "gapbot_feedback";
/** The plain-button 👍 and 👎, each with the answer id as its value. */
export const ACTION_VOTE_UP = "gapbot_vote_up";
export const ACTION_VOTE_DOWN = "gapbot_vote_down";

/** 👍/👎 for one answer: Slack's feedback buttons, or two plain buttons where those are not supported. */
export function feedbackBlock(answerId: string, native: boolean): ActionsBlock | ContextActionsBlock {
  if (!native)
    return actions([button("👍", ACTION_VOTE_UP, answerId), button("👎", ACTION_VOTE_DOWN, answerId)]);
  return {
    type: "context_actions",
    elements: [
      {
        type: "feedback_buttons",
        action_id: ACTION_FEEDBACK,
        positive_button: {
          text: plain("👍"),
          value: `up:${answerId}`,
          accessibility_label: "This answer helped",
        },
        negative_button: {
          text: plain("👎"),
          value: `down:${answerId}`,
          accessibility_label: "This answer did not help",
        },
      },
    ],
  };
}

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
