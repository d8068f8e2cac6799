// Mentions, DMs and replies: the bot answers a message that @mentions it (as a reply to it) and every DM.
// A reply to one of its answers is a follow-up, read against the question that answer was for: Discord
// delivers a reply's text because a reply mentions its author by default. Discord sends the content of
// such messages without the privileged Message Content intent.
// https://discord.com/developers/docs/events/gateway#message-content-intent
import type { Message } from "discord.js";
import { answerConversation, lastQuestion, rememberQuestion } from "../../runtime/conversation.js";
import { cleanUserText } from "../../runtime/input.js";
import { withProgress } from "../../runtime/progress.js";
import { recordQuestion } from "../../runtime/record.js";
import { coreForSources } from "../../runtime/scoped-core.js";
import type { AdapterContext } from "../adapter.js";
import { channelSettingsIn } from "../channel-settings.js";
import { renderDiscordReply } from "./chart-reply.js";
import { EMBED_FIELDS_MAX } from "./limits.js";
import { stripBotMention } from "./normalise.js";
import { overLimit } from "./rate-limit.js";
import { renderDiscordSources } from "./render.js";
import { exactPayload } from "./reply.js";

export interface MessageOptions {
  /** A turn still running after this long shows "gapbot is typing…" (PROGRESS_AFTER_MS by default). */
  progressAfterMs?: number;
}

/** The state-store key of one of our answers: a reply to it continues its conversation. */
const answerKey = (messageId: string) => `discord:answer:${messageId}`;
/** A DM's conversation, for messages in it that reply to nothing. */
const dmKey = (channelId: string) => `discord:dm:${channelId}`;

export async function handleMessage(
  message: Message,
  ctx: AdapterContext,
  options: MessageOptions = {},
): Promise<void> {
  const me = message.client.user;
  // Bots, ourselves included, never start a turn: no loops between bots.
  if (message.author.bot || message.system) return;
  const direct = message.guildId === null;
  if (!direct && !message.mentions.users.has(me.id)) return;
  const channel = message.channel;
  if (!channel.isSendable()) return;
  if (!(await ctx.seen.firstTime(`discord:message:${message.id}`))) {
    ctx.metrics?.deduplicated("discord");
    return;
  }
  // Admins can turn mentions off in a channel, narrow its sources, or turn follow-ups off (a reply to an
  // answer is then read on its own) with /settings. DMs are always answered, with their follow-ups.
  const here = direct
    ? undefined
    : await channelSettingsIn(ctx, "discord", message.guildId, message.channelId);
  if (here && !here.mentions) return;
  const followUps = here?.followUps ?? true;
  const scoped = { ...ctx, core: coreForSources(ctx.core, here?.sources ?? []) };

  // Over the limit, a mention or DM gets no reply: answering a flood would only add to it.
  if (await overLimit(ctx, message.author.id, message.channelId, message.guildId)) return;

  const command = direct ? "dm" : "mention";
  const repliedTo = message.reference?.messageId;
  await withProgress(
    async () => {
      // The conversation this continues: the answer it replies to, else (in a DM) the DM's last question.
      const key = repliedTo ? answerKey(repliedTo) : direct ? dmKey(message.channelId) : undefined;
      const last = ctx.threads && key && followUps ? await lastQuestion(ctx, key) : undefined;
      const info = { platform: "discord" as const, command: last === undefined ? command : "follow-up" };
      const text = stripBotMention(cleanUserText(message.content), me.id);
      const turn = answerConversation(scoped, info, text, {
        last,
        addressed: true,
        shownFields: EMBED_FIELDS_MAX - 1,
        toRequest: (query) => (query ? { text: query } : { command: "help", args: {} }),
      });
      if (!turn) return;
      const reference = { message_reference: { message_id: message.id, fail_if_not_exists: false } };
      if (turn.view === "sources") {
        await channel.send(
          exactPayload(channel, { ...renderDiscordSources(turn.card), flags: undefined, ...reference }),
        );
        return;
      }
      const answerId = turn.asked
        ? recordQuestion(ctx, info, turn.query, turn.card, {
            user: message.author.id,
            channel: message.channelId,
            workspace: message.guildId ?? undefined,
          })
        : undefined;
      const reply = await renderDiscordReply(
        ctx.kv,
        turn.card,
        answerId ? { feedback: { answerId } } : {},
        (err) => ctx.logger.error({ err, platform: "discord" }, "discord chart failed to draw"),
      );
      const sent = await channel.send(exactPayload(channel, { ...reply.message, ...reference }, reply.files));
      if (turn.asked && ctx.threads) {
        await rememberQuestion(ctx, answerKey(sent.id), turn.query);
        if (direct) await rememberQuestion(ctx, dmKey(message.channelId), turn.query);
      }
    },
    () => channel.sendTyping(),
    // The typing indicator ends by itself when the message is sent.
    undefined,
    (err) => ctx.logger.warn({ err, platform: "discord" }, "discord typing indicator failed"),
    options.progressAfterMs,
  );
}
