// /settings on Discord: an admin (Manage Server) shows or changes this channel's settings; the reply is
// always private. Discord already hides the command from others (default_member_permissions), but a
// server can grant it to anyone, so the permission is checked again here.
// https://discord.com/developers/docs/interactions/application-commands#permissions
import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import {
  notAdminCard,
  parseReplies,
  parseSources,
  settingsCard,
  settingsProblemCard,
} from "../../runtime/channel-settings-command.js";
import type { ChannelSettings } from "../../state/channel-settings.js";
import type { AdapterContext } from "../adapter.js";
import { channelSettingsOf } from "../channel-settings.js";
import { renderDiscord } from "./render.js";
import { exactPayload } from "./reply.js";

const HOW = "/settings with Manage Server, e.g. /settings mentions:false or /settings replies:private";

export async function settingsCommand(
  interaction: ChatInputCommandInteraction,
  ctx: AdapterContext,
): Promise<void> {
  const reply = (card: Parameters<typeof renderDiscord>[0]) =>
    interaction.reply(exactPayload(interaction, renderDiscord(card, { ephemeral: true })));
  const guildId = interaction.guildId;
  if (!guildId || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild, true)) {
    await reply(notAdminCard("members with the Manage Server permission, in a server"));
    return;
  }
  const where = { platform: "discord" as const, workspace: guildId, channel: interaction.channelId };
  const store = channelSettingsOf(ctx);
  const change: Partial<ChannelSettings> = {};
  const mentions = interaction.options.getBoolean("mentions");
  const followUps = interaction.options.getBoolean("follow_ups");
  const replies = interaction.options.getString("replies");
  const sources = interaction.options.getString("sources");
  if (mentions !== null) change.mentions = mentions;
  if (followUps !== null) change.followUps = followUps;
  if (replies !== null) {
    const parsed = parseReplies(replies);
    if (!parsed)
      return void (await reply(settingsProblemCard("replies takes public, private or default", HOW)));
    change.replies = parsed === "default" ? undefined : parsed;
  }
  if (sources !== null) {
    const parsed = parseSources(
      sources,
      ctx.core.knowledge.sources.map((s) => s.id),
    );
    if (typeof parsed === "string") return void (await reply(settingsProblemCard(parsed, HOW)));
    change.sources = parsed;
  }
  const changed = Object.keys(change).length > 0 || replies !== null;
  const now = changed ? await store.update(where, change) : await store.get(where);
  await reply(settingsCard(now, "public", changed, HOW));
}
