// One declarative shape for every command; validated with Discord's rules, the strictest of our platforms.
// https://discord.com/developers/docs/interactions/application-commands#application-command-object
import { z } from "zod";

const name = z.string().regex(/^[a-z0-9_-]{1,32}$/, "1–32 lower-case letters, digits, - or _");

export const CommandOption = z.strictObject({
  name,
  description: z.string().min(1).max(100),
  type: z.enum(["string", "boolean"]),
  required: z.boolean().default(false),
  /** Which entity list autocompletes it, where the platform offers autocomplete. */
  autocomplete: z.enum(["topic", "chip", "model", "entity"]).optional(),
  max_length: z.number().int().positive().max(6000).optional(),
});
export type CommandOption = z.infer<typeof CommandOption>;

export const Intent = z.enum(["gap", "chip", "model", "compare", "ask", "source", "help"]);
export type Intent = z.infer<typeof Intent>;

export const CommandDefinition = z.strictObject({
  name,
  /** The name on Slack when it differs: Slack reserves /help. */
  slack_name: name.optional(),
  description: z.string().min(1).max(100),
  /** Shown in Slack's command picker. */
  usage_hint: z.string().max(100).optional(),
  options: z.array(CommandOption).max(25),
  examples: z.array(z.string().startsWith("/")).min(1),
  intent: Intent,
});
export type CommandDefinition = z.input<typeof CommandDefinition>;
export type Command = z.output<typeof CommandDefinition>;
