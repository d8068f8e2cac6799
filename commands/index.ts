// Every command, listed explicitly (no folder scanning) and validated once at import.
import { ask } from "./ask.js";
import { askMessage } from "./ask-message.js";
import { chip } from "./chip.js";
import { compare } from "./compare.js";
import { gap } from "./gap.js";
import { help } from "./help.js";
import { model } from "./model.js";
import {
  type AdminCommand,
  AdminCommandDefinition,
  type Command,
  CommandDefinition,
  type MessageCommand,
  MessageCommandDefinition,
} from "./schema.js";
import { settings } from "./settings.js";
import { source } from "./source.js";

export type { AdminCommand, Command, CommandOption, Intent, Locale, MessageCommand } from "./schema.js";
export { LOCALES } from "./schema.js";

export const commands: readonly Command[] = [gap, chip, model, compare, ask, source, help].map((c) =>
  CommandDefinition.parse(c),
);

/** Admin commands: they change the bot's behaviour in a channel and never reach the core. */
export const adminCommands: readonly AdminCommand[] = [settings].map((c) => AdminCommandDefinition.parse(c));

/** Commands on a message's context menu (Discord's message commands). */
export const messageCommands: readonly MessageCommand[] = [askMessage].map((c) =>
  MessageCommandDefinition.parse(c),
);

/** The commands a platform registers as commands of their own. */
export function commandsFor(platform: "slack" | "discord"): Command[] {
  return commands.filter((c) => c.platforms.includes(platform));
}

export function findCommand(name: string): Command | undefined {
  const n = name.replace(/^\//, "").toLowerCase();
  return commands.find((c) => c.name === n || c.slack_name === n);
}

export function findMessageCommand(name: string): MessageCommand | undefined {
  return messageCommands.find((c) => c.name === name);
}
