// Mentions and DMs: the bot answers a message that @mentions it (as a reply to it) and every DM.
// Discord sends the content of such messages without the privileged Message Content intent.
// https://discord.com/developers/docs/events/gateway#message-content-intent
import type { Message } from "discord.js";
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
  // Admins can turn mentions off in a channel (/settings mentions:false); DMs are always answered.
  if (!direct && message.guildId) {
    const where = { platform: "discord" as const, workspace: message.guildId, channel: message.channelId };
    if (!(await channelSettingsOf(ctx).get(where)).mentions) return;
  }

  // Over the limit, a mention or DM gets no reply: answering a flood would only add to it.
  if (overLimit(ctx, message.author.id, message.channelId, message.guildId)) return;

  const request = messageRequest(message.content, me.id);
  const card = answerTurn(ctx, { platform: "discord", command: direct ? "dm" : "mention" }, request);
  const reply = renderDiscordReply(card, {}, (err) =>
    ctx.logger.error({ err, platform: "discord" }, "discord chart failed to draw"),
  );
  const body = {
    ...reply.message,
    message_reference: { message_id: message.id, fail_if_not_exists: false },
  };
  await message.channel.send(exactPayload(message.channel, body, reply.files));
}
