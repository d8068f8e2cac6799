// Whether a reply must be ephemeral whatever the asker chose: a user-installed app answering in a server
// that never added it may post publicly only for members allowed to use external apps; for anyone else
// Discord shows the reply to the asker alone, so we send it as such rather than let it be changed in flight.
// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-authorizing-integration-owners-object
// https://discord.com/developers/docs/topics/permissions (USE_EXTERNAL_APPS)
import { ApplicationIntegrationType, type BaseInteraction, PermissionFlagsBits } from "discord.js";

/** True in a server where only the asker's own install of the app authorised this interaction. */
export function userInstallOnly(interaction: BaseInteraction): boolean {
  const owners = interaction.authorizingIntegrationOwners ?? {};
  return (
    interaction.guildId !== null &&
    owners[ApplicationIntegrationType.GuildInstall] === undefined &&
    owners[ApplicationIntegrationType.UserInstall] !== undefined
  );
}

/** The asker cannot post an external app's answer in this server, so it goes to them alone. */
export function mustBeEphemeral(interaction: BaseInteraction): boolean {
  if (!userInstallOnly(interaction)) return false;
  return !interaction.memberPermissions?.has(PermissionFlagsBits.UseExternalApps, false);
}
