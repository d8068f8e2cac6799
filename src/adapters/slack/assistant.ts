// Slack's assistant surface ("Agents & AI Apps"): the split-view thread a user opens from gapbot's icon.
// Bolt's Assistant routes its three events; we offer prompts when a thread starts and answer each message
// with the same card a DM gets, after a status ("is looking it up…") and with the question as the title.
// https://docs.slack.dev/ai/developing-ai-apps · https://docs.slack.dev/tools/bolt-js/concepts/ai-apps
import { Assistant, type AssistantConfig, type webApi } from "@slack/bolt";
import type { Card } from "../../core/card.js";
import { cleanUserText } from "../../runtime/input.js";
import type { Asker } from "../../runtime/rate-limited.js";
import type { AdapterContext } from "../adapter.js";
import { ASSISTANT_STATUS, suggestedPrompts, threadTitle } from "./assistant-prompts.js";
import { renderSlack, type SlackMessage, type SlackRenderOptions } from "./render.js";
import { canonicalQuery, messageQuery } from "./requests.js";

/**
 * Our answers do not depend on the channel the user has open beside the thread, so the context Slack
 * reports is not kept; Bolt's default store would read and rewrite the bot's first message for it.
 */
const NO_CONTEXT: NonNullable<AssistantConfig["threadContextStore"]> = {
  get: async () => ({}),
  save: async () => {},
};

/** What the listeners share with the assistant: one error boundary, one reply path, one limiter. */
export interface AssistantDeps {
  guarded(command: string, apologise: () => Promise<unknown>, work: () => Promise<unknown>): Promise<void>;
  reply(
    teamId: string | undefined,
    command: string,
    render: (charts: boolean) => SlackMessage,
    send: (message: SlackMessage) => Promise<unknown>,
  ): Promise<unknown>;
  /** The answer to a query line, recorded; `feedback` gives the render options that put 👍/👎 under it. */
  answer(
    command: string,
    query: string,
    asker: Omit<Asker, "platform">,
  ): Promise<{ card: Card; feedback: (rich: boolean) => Partial<SlackRenderOptions> }>;
  firstTime(body: unknown): boolean | Promise<boolean>;
  /** chat.postMessage through the adapter's post queue: held back per channel, never sent twice. */
  postMessage(client: webApi.WebClient, args: webApi.ChatPostMessageArguments): Promise<unknown>;
  apologyText: string;
}

/** The fields of the thread message we read. */
interface ThreadMessage {
  channel: string;
  thread_ts?: string;
  user?: string;
  text?: string;
  bot_id?: string;
}

export function gapbotAssistant(ctx: AdapterContext, deps: AssistantDeps): Assistant {
  return new Assistant({
    threadContextStore: NO_CONTEXT,
    threadStarted: async ({ setSuggestedPrompts, body }) => {
      if (!(await deps.firstTime(body))) return;
      await deps.guarded(
        "assistant-start",
        async () => {},
        () => setSuggestedPrompts({ title: "Try one of these", prompts: suggestedPrompts() }),
      );
    },
    // Nothing kept per channel (see NO_CONTEXT): a context change needs no work.
    threadContextChanged: async () => {},
    userMessage: async ({ message, body, context, client, setStatus, setTitle }) => {
      const m = message as unknown as ThreadMessage;
      if (m.bot_id || !m.user || m.user === context.botUserId || !m.thread_ts) return;
      if (!(await deps.firstTime(body))) return;
      const where = { channel: m.channel, thread_ts: m.thread_ts };
      const teamId = (body as { team_id?: string }).team_id;
      await deps.guarded(
        "assistant",
        () => deps.postMessage(client, { ...where, text: deps.apologyText }),
        async () => {
          const query = canonicalQuery(messageQuery(cleanUserText(m.text), context.botUserId) || "/help");
          // The status shows before every answer, however quick; the reply clears it. Status and title
          // are niceties: a thread Slack does not treat as an assistant's refuses them, and still gets its answer.
          const nicety = (what: string) => (err: unknown) =>
            ctx.logger.warn({ err, platform: "slack", what }, "assistant thread not updated");
          await setStatus(ASSISTANT_STATUS).catch(nicety("status"));
          await setTitle(threadTitle(query)).catch(nicety("title"));
          const { card, feedback } = await deps.answer("assistant", query, {
            workspace: teamId,
            user: m.user,
            channel: m.channel,
          });
          await deps.reply(
            teamId,
            "assistant",
            (charts) => renderSlack(card, { query, charts, ...feedback(charts) }),
            (reply) => deps.postMessage(client, { ...where, ...reply }),
          );
        },
      );
    },
  });
}
