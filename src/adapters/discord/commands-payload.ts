// Our command definitions → Discord's application command JSON (what registration PUTs). Pure.
// https://discord.com/developers/docs/interactions/application-commands#application-command-object
// https://discord.com/developers/docs/interactions/application-commands#contexts (integration_types, contexts)
import type { AdminCommand, Command, Locale, MessageCommand } from "../../../commands/index.js";
import { LOCALES } from "../../../commands/index.js";

/** STRING = 3, BOOLEAN = 5 (application command option types). */
export type DiscordOptionType = 3 | 5;

export type Localizations = Partial<Record<Locale, string>>;

export interface DiscordCommandOption {
  type: DiscordOptionType;
  name: string;
  name_localizations: Localizations;
  description: string;
  description_localizations: Localizations;
  required: boolean;
  autocomplete?: boolean;
  max_length?: number;
}

/** Where a command may be used: a server, the bot's DM, or any other DM or group DM (user installs). */
export const InteractionContext = { guild: 0, botDm: 1, privateChannel: 2 } as const;
/** How the app was installed: to a server, or to a user's account. */
export const IntegrationType = { guildInstall: 0, userInstall: 1 } as const;
/** MANAGE_GUILD (1 << 5), as the decimal string Discord's default_member_permissions takes. */
export const MANAGE_GUILD = "32";

interface CommonPayload {
  name: string;
  name_localizations: Localizations;
  contexts: number[];
  integration_types: number[];
  /** Null: everyone may use it (server admins can still narrow it); a bit set: only members holding it. */
  default_member_permissions: string | null;
}

export interface DiscordChatCommandPayload extends CommonPayload {
  /** 1: CHAT_INPUT, a slash command. */
  type: 1;
  description: string;
  description_localizations: Localizations;
  options: DiscordCommandOption[];
}

export interface DiscordMessageCommandPayload extends CommonPayload {
  /** 3: MESSAGE, on a message's context menu; Discord requires an empty description. */
  type: 3;
  description: "";
}

export type DiscordCommandPayload = DiscordChatCommandPayload | DiscordMessageCommandPayload;

/** Added to every command: the answer goes to the asker alone (an ephemeral reply). */
export const PRIVATE_OPTION = "private";
const PRIVATE_DESCRIPTION = "Only you see the answer";
const PRIVATE_LOCALIZED: Record<Locale, { name: string; description: string }> = {
  "zh-CN": { name: "仅自己可见", description: "只有你能看到回答" },
};

const OPTION_TYPES: Record<Command["options"][number]["type"], DiscordOptionType> = { string: 3, boolean: 5 };

/** Everywhere for everyone: servers that added the bot, and a user's own install in any server or DM. */
const ANYWHERE = {
  contexts: [InteractionContext.guild, InteractionContext.botDm, InteractionContext.privateChannel],
  integration_types: [IntegrationType.guildInstall, IntegrationType.userInstall],
  default_member_permissions: null,
};
/** Admin commands: only in servers that added the bot, only for members with Manage Server. */
const SERVER_ADMINS = {
  contexts: [InteractionContext.guild],
  integration_types: [IntegrationType.guildInstall],
  default_member_permissions: MANAGE_GUILD,
};

function localized(pick: (locale: Locale) => string | undefined): Localizations {
  const out: Localizations = {};
  for (const locale of LOCALES) {
    const value = pick(locale);
    if (value !== undefined) out[locale] = value;
  }
  return out;
}

/** What a chat command's payload is made from: an answering command or an admin command alike. */
type ChatCommand = Pick<
  Command | AdminCommand,
  "name" | "description" | "options" | "localizations" | "admin" | "platforms"
>;

export function discordCommandPayloads(
  chat: readonly ChatCommand[],
  message: readonly MessageCommand[] = [],
): DiscordCommandPayload[] {
  return [
    ...chat.filter((c) => c.platforms.includes("discord")).map(chatPayload),
    ...message.map(messagePayload),
  ];
}

function chatPayload(c: ChatCommand): DiscordChatCommandPayload {
  const options: DiscordCommandOption[] = c.options.map((o) => {
    const option: DiscordCommandOption = {
      type: OPTION_TYPES[o.type],
      name: o.name,
      name_localizations: localized((l) => c.localizations[l].options[o.name]?.name),
      description: o.description,
      description_localizations: localized((l) => c.localizations[l].options[o.name]?.description),
      required: o.required,
    };
    if (o.autocomplete) option.autocomplete = true;
    if (o.max_length !== undefined && o.type === "string") option.max_length = o.max_length;
    return option;
  });
  if (!c.admin && !c.options.some((o) => o.name === PRIVATE_OPTION)) {
    // Optional, so it goes last: Discord wants required options first.
    options.push({
      type: 5,
      name: PRIVATE_OPTION,
      name_localizations: localized((l) => PRIVATE_LOCALIZED[l].name),
      description: PRIVATE_DESCRIPTION,
      description_localizations: localized((l) => PRIVATE_LOCALIZED[l].description),
      required: false,
    });
  }
  return {
    type: 1,
    name: c.name,
    name_localizations: localized((l) => c.localizations[l].name),
    description: c.description,
    description_localizations: localized((l) => c.localizations[l].description),
    options,
    ...(c.admin ? SERVER_ADMINS : ANYWHERE),
  };
}

function messagePayload(c: MessageCommand): DiscordMessageCommandPayload {
  return {
    type: 3,
    name: c.name,
    name_localizations: localized((l) => c.localizations[l].name),
    description: "",
    ...ANYWHERE,
  };
}
