// How Slack input becomes a core Request — slash commands, mention and DM text, button values — and back.
// A request travels in a button as its "query", the line a user would type ("/chip 910B"), so a click
// can recompute the very card it sits on (the core is deterministic).
import { type Command, findCommand } from "../../../commands/index.js";
import type { Request } from "../../core/request.js";
import { decodeEntities, escapeEntities } from "./escape.js";
import { BUTTON_VALUE_MAX } from "./limits.js";

/** The command as Slack users type it: help is /gapbot, because Slack reserves /help. */
export function slackCommandName(command: Command): string {
  return `/${command.slack_name ?? command.name}`;
}

/**
 * The core request for a slash command's text. /compare goes as a whole line, `{text: "/compare …"}`:
 * Slack has one text box, and the core's parser already splits "a vs b", "a, b" and two quoted names.
 * Every other command puts its text in its first option; an empty text leaves the option out.
 */
export function commandRequest(command: Command, text: string): Request {
  const t = decodeEntities(text).trim();
  if (command.intent === "compare") return { text: t ? `/${command.name} ${t}` : `/${command.name}` };
  const first = command.options[0];
  if (!first || !t) return { command: command.name, args: {} };
  return { command: command.name, args: { [first.name]: t } };
}

/** The query line for a slash command: the core's command name, so "/gapbot" reads "/help". */
export function commandQuery(command: Command, text: string): string {
  const t = decodeEntities(text).trim();
  return t ? `/${command.name} ${t}` : `/${command.name}`;
}

/**
 * The request for a query line: a known command ("/chip 910B", "/gapbot") becomes the same request
 * its slash command would make; anything else is free text for the core.
 */
export function requestFromQuery(query: string): Request {
  const q = query.trim();
  const m = /^\/(\S+)(?:\s+([\s\S]*))?$/.exec(q);
  const command = m?.[1] ? findCommand(m[1]) : undefined;
  return command ? commandRequest(command, m?.[2] ?? "") : { text: q };
}

/**
 * The query line as buttons carry it: a command line in its canonical form ("/gapbot" reads "/help",
 * entities decoded), free text as typed. The same line always yields the same request and the same card.
 */
export function canonicalQuery(query: string): string {
  const q = query.trim();
  const m = /^\/(\S+)(?:\s+([\s\S]*))?$/.exec(q);
  const command = m?.[1] ? findCommand(m[1]) : undefined;
  return command ? commandQuery(command, m?.[2] ?? "") : q;
}

/**
 * The question in a mention or a DM: our own `<@BOT>` mention removed (or, before we know our id, the
 * leading mention), Slack's entities decoded, whitespace collapsed. Other markup is left for the core,
 * and the renderer escapes whatever of it comes back.
 */
export function messageQuery(raw: string, botUserId?: string): string {
  const own = botUserId
    ? new RegExp(`<@${botUserId.replace(/[^A-Z0-9]/gi, "")}(?:\\|[^>]*)?>`, "g")
    : /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/i;
  return decodeEntities(raw.replace(own, " ")).replace(/\s+/g, " ").trim();
}

/**
 * A query as a button value, or undefined when it does not fit in one. Escaped like text, so the
 * payload holds no raw `<` anywhere; {@link queryFromButton} reverses it.
 */
export function buttonValue(query: string): string | undefined {
  const value = escapeEntities(query);
  return value.length > 0 && value.length <= BUTTON_VALUE_MAX ? value : undefined;
}

export function queryFromButton(value: string): string {
  return decodeEntities(value);
}
