// Platform input → the core's Request: slash command options and mention text. Pure, no SDK.
// https://discord.com/developers/docs/reference#message-formatting (the <@id> and <@!id> user mentions)
import type { Request } from "../../core/request.js";
import { cleanUserText } from "../../runtime/input.js";
import { PRIVATE_OPTION } from "./commands-payload.js";

export interface OptionValue {
  name: string;
  value?: string | number | boolean | undefined;
}

/** `/compare first second` → `{command: "compare", args: {first, second}}`; `private` is ours, not the core's. */
export function commandRequest(name: string, options: readonly OptionValue[]): Request {
  const args: NonNullable<Request["args"]> = {};
  for (const o of options) {
    if (o.name === PRIVATE_OPTION || o.value === undefined) continue;
    // User text through the one boundary schema; numbers and booleans are Discord's, already typed.
    args[o.name] = typeof o.value === "string" ? cleanUserText(o.value) : o.value;
  }
  return { command: name, args };
}

/** Removes the bot's own mentions ("<@id>" and the legacy nickname form "<@!id>") and tidies the spaces. */
export function stripBotMention(content: string, botId: string): string {
  const mention = new RegExp(`<@!?${botId.replace(/\D/g, "")}>`, "g");
  return content.replace(mention, " ").replace(/\s+/g, " ").trim();
}

/** What a mention or DM asks; a bare mention gets the help card. */
export function messageRequest(content: string, botId: string): Request {
  const text = stripBotMention(cleanUserText(content), botId);
  return text ? { text } : { command: "help", args: {} };
}
