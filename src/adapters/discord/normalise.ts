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

/** Any user, role or channel mention (<@id>, <@!id>, <@&id>, <#id>): markup, no part of a question. */
const ANY_MENTION = /<(?:@[!&]?|#)\d+>/g;

/**
 * The question a selected message asks (the "Ask gapbot" message command): its text without mentions,
 * asked as /ask would ask it, so a message that starts with a slash is still a question. Undefined when no
 * text is left (an image or a sticker alone).
 */
export function messageCommandRequest(content: string | null | undefined): Request | undefined {
  const question = cleanUserText(content ?? "")
    .replace(ANY_MENTION, " ")
    .replace(/\s+/g, " ")
    .trim();
  return question ? { command: "ask", args: { question } } : undefined;
}
