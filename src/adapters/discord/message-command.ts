// "Ask gapbot" on a message's context menu: the selected message's text, asked as a question. Discord
// sends the target message's content with the interaction, so no Message Content intent is needed. In a
// server's channel it keeps to that channel's settings (/settings), as the slash commands do: its sources,
// and private replies when an admin chose them.
// https://discord.com/developers/docs/interactions/application-commands#message-commands
import type { MessageContextMenuCommandInteraction } from "discord.js";
import type { Card } from "../../core/card.js";
import { coreForSources } from "../../runtime/scoped-core.js";
import { answerTurn } from "../../runtime/turn.js";
import type { AdapterContext } from "../adapter.js";
import { channelSettingsIn } from "../channel-settings.js";
import { renderDiscordReply } from "./chart-reply.js";
import { messageCommandRequest } from "./normalise.js";
import { replyInTime } from "./reply.js";
import { mustBeEphemeral } from "./visibility.js";

/** A message with nothing to ask (only an image, an embed or a sticker): said to the asker alone. */
export function noTextCard(): Card {
  return {
    kind: "error",
    title: "Nothing to ask",
    headline:
      "That message has no text for gapbot to read. Pick a message with a question in it, or use /ask.",
    fields: [],
    citations: [],
    suggestions: [{ label: "Help", command: "/help" }],
  };
}

export async function messageCommand(
  interaction: MessageContextMenuCommandInteraction,
  ctx: AdapterContext,
  deferAfterMs?: number,
): Promise<void> {
  const request = messageCommandRequest(interaction.targetMessage.content);
  const here = await channelSettingsIn(ctx, "discord", interaction.guildId, interaction.channelId);
  const ephemeral = !request || mustBeEphemeral(interaction) || here?.replies === "ephemeral";
  const scoped = { ...ctx, core: coreForSources(ctx.core, here?.sources ?? []) };
  await replyInTime(
    interaction,
    ephemeral,
    () => {
      const card = request
        ? answerTurn(scoped, { platform: "discord", command: "ask-message" }, request)
        : noTextCard();
      return renderDiscordReply(ctx.kv, card, { ephemeral }, (err) =>
        ctx.logger.error({ err, platform: "discord" }, "discord chart failed to draw"),
      );
    },
    deferAfterMs,
  );
}
