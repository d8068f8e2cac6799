// What gapbot's assistant thread says besides answers, from commands/: its suggested prompts, its status
// line and its titles. Pure and SDK-free, so the manifest generator shares the prompts.
// https://docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts
import { commands } from "../../../commands/index.js";
import { ELLIPSIS } from "./limits.js";

/** What the assistant shows under the composer while an answer is on its way. */
export const ASSISTANT_STATUS = "is looking it up in the material…";
/** A thread title longer than this is cut (Slack shows about one line in the history list). */
export const THREAD_TITLE_MAX = 80;
/** Slack shows up to four suggested prompts. */
export const SUGGESTED_PROMPTS_MAX = 4;

export interface SuggestedPrompt {
  title: string;
  message: string;
}

/**
 * The prompts a new thread offers, from commands/: the list of topics, a chip, a comparison and a
 * question, each as its first declared example. Messages, not slash commands: those do not run in
 * assistant threads, and a message "/chip 910B" is read as the command would be.
 */
export function suggestedPrompts(): SuggestedPrompt[] {
  const example = (intent: string, pick: (examples: string[]) => string | undefined = (e) => e[0]) => {
    const c = commands.find((c) => c.intent === intent);
    return c ? pick(c.examples) : undefined;
  };
  const prompts: (SuggestedPrompt | undefined)[] = [
    withMessage(
      "The gap, topic by topic",
      example("gap", (e) => e.find((x) => !x.includes(" "))),
    ),
    withMessage("One chip", example("chip")),
    withMessage("Two side by side", example("compare")),
    withMessage("A question", example("ask")?.replace(/^\/\S+\s+/, "")),
  ];
  return prompts.filter((p): p is SuggestedPrompt => p !== undefined).slice(0, SUGGESTED_PROMPTS_MAX);
}

function withMessage(title: string, message: string | undefined): SuggestedPrompt | undefined {
  return message ? { title, message } : undefined;
}

/** The thread's title: the question on one line, cut to {@link THREAD_TITLE_MAX}. */
export function threadTitle(query: string): string {
  const line = query.replace(/\s+/g, " ").trim();
  const chars = Array.from(line);
  return chars.length <= THREAD_TITLE_MAX
    ? line
    : `${chars.slice(0, THREAD_TITLE_MAX - 1).join("")}${ELLIPSIS}`;
}
