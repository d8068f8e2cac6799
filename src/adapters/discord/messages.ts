// Mentions and DMs: the bot answers a message that @mentions it (as a reply to it) and every DM.
// Discord sends the content of such messages without the privileged Message Content intent.
// https://discord.com/developers/docs/events/gateway#message-content-intent
import type { Message } from "discord.js";
import { coreForSources } from "../../runtime/scoped-core.js";
import { answerTurn } from "../../runtime/turn.js";
import type { AdapterContext } from "../adapter.js";
import { channelSettingsOf } from "../channel-settings.js";
import { renderDiscordReply } from "./chart-reply.js";
import { messageRequest } from "./normalise.js";
import { overLimit } from "./rate-limit.js";
import { exactPayload } from "./reply.js";

export async function handleMessage(message: Message, ctx: AdapterContext): Promise<void> {
  const me = message.client.user;
  // Bots, ourselves included, never start a turn: no loops between bots.
  if (message.author.bot || message.system) return;
  const direct = message.guildId === null;
  if (!direct && !message.mentions.users.has(me.id)) return;
  if (!message.channel.isSendable()) return;
  if (!ctx.seen.firstTime(`discord:message:${message.id}`)) return;
  // Admins can turn mentions off in a channel, or narrow its sources (/settings); DMs are always answered.
  const here =
    !direct && message.guildId
      ? await channelSettingsOf(ctx).get({
          platform: "discord",
          workspace: message.guildId,
          channel: message.channelId,
        })
      : undefined;
  if (here && !here.mentions) return;
  const scoped = { ...ctx, core: coreForSources(ctx.core, here?.sources ?? []) };

  // Over the limit, a mention or DM gets no reply: answering a flood would only add to it.
  if (overLimit(ctx, message.author.id, message.channelId, message.guildId)) return;

  const request = messageRequest(message.content, me.id);
  const card = answerTurn(scoped, { platform: "discord", command: direct ? "dm" : "mention" }, request);
  const reply = renderDiscordReply(card, {}, (err) =>
    ctx.logger.error({ err, platform: "discord" }, "discord chart failed to draw"),
  );
  const body = {
    ...reply.message,
    message_reference: { message_id: message.id, fail_if_not_exists: false },
  };
  await message.channel.send(exactPayload(message.channel, body, reply.files));
}
