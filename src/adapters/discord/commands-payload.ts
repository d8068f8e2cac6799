// Our command definitions → Discord's application command JSON (what registration PUTs). Pure.
// https://discord.com/developers/docs/interactions/application-commands#application-command-object
import type { Command } from "../../../commands/index.js";

/** STRING = 3, BOOLEAN = 5 (application command option types). */
export type DiscordOptionType = 3 | 5;

export interface DiscordCommandOption {
  type: DiscordOptionType;
  name: string;
  description: string;
  required: boolean;
  autocomplete?: boolean;
  max_length?: number;
}

export interface DiscordCommandPayload {
  /** 1: CHAT_INPUT, a slash command. */
  type: 1;
  name: string;
  description: string;
  options: DiscordCommandOption[];
  /** 0 guild, 1 the bot's DMs: where the command can be used. */
  contexts: number[];
  /** 0: installed to a guild. */
  integration_types: number[];
}

/** Added to every command: the answer goes to the asker alone (an ephemeral reply). */
export const PRIVATE_OPTION = "private";

const OPTION_TYPES: Record<Command["options"][number]["type"], DiscordOptionType> = { string: 3, boolean: 5 };

export function discordCommandPayloads(commands: readonly Command[]): DiscordCommandPayload[] {
  return commands.map((c) => {
    const options: DiscordCommandOption[] = c.options.map((o) => {
      const option: DiscordCommandOption = {
        type: OPTION_TYPES[o.type],
        name: o.name,
        description: o.description,
        required: o.required,
      };
      if (o.autocomplete) option.autocomplete = true;
      if (o.max_length !== undefined && o.type === "string") option.max_length = o.max_length;
      return option;
    });
    if (!c.options.some((o) => o.name === PRIVATE_OPTION)) {
      // Optional, so it goes last: Discord wants required options first.
      options.push({
        type: 5,
        name: PRIVATE_OPTION,
        description: "Only you see the answer",
        required: false,
      });
    }
    return {
      type: 1,
      name: c.name,
      description: c.description,
      options,
      contexts: [0, 1],
      integration_types: [0],
    };
  });
}
