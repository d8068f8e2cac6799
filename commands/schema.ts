// One declarative shape for every command; validated with Discord's rules, the strictest of our platforms.
// https://discord.com/developers/docs/interactions/application-commands#application-command-object
// https://discord.com/developers/docs/reference#locales
import { z } from "zod";

const name = z.string().regex(/^[a-z0-9_-]{1,32}$/, "1–32 lower-case letters, digits, - or _");
/** A localized chat command or option name: Discord's pattern, in lower case where the script has case. */
const localizedName = z
  .string()
  .regex(/^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u, "1–32 letters, digits, - or _, no spaces")
  .refine((s) => s === s.toLowerCase(), "lower case where the script has case");
const description = z.string().min(1).max(100);

/** The locales we translate into (Discord's locale codes). Every command carries each of them. */
export const LOCALES = ["zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

const OptionLocalization = z.strictObject({ name: localizedName, description });

export const CommandOption = z.strictObject({
  name,
  description,
  type: z.enum(["string", "boolean"]),
  required: z.boolean().default(false),
  /** Which entity list autocompletes it, where the platform offers autocomplete. */
  autocomplete: z.enum(["topic", "chip", "model", "entity"]).optional(),
  max_length: z.number().int().positive().max(6000).optional(),
});
export type CommandOption = z.infer<typeof CommandOption>;

export const Intent = z.enum(["gap", "chip", "model", "compare", "ask", "source", "help"]);
export type Intent = z.infer<typeof Intent>;

const CommandLocalization = z.strictObject({
  name: localizedName,
  description,
  /** Each option's name and description, by the option's own name. */
  options: z.record(name, OptionLocalization).default({}),
});

const CommandFields = z.strictObject({
  name,
  /** The name on Slack when it differs: Slack reserves /help. */
  slack_name: name.optional(),
  description,
  /** Shown in Slack's command picker. */
  usage_hint: z.string().max(100).optional(),
  options: z.array(CommandOption).max(25),
  examples: z.array(z.string().startsWith("/")).min(1),
  intent: Intent,
  /**
   * For server admins only: on Discord only members with Manage Server see it, and only where the bot
   * was added to the server (not in DMs or user installs); on Slack it is a subcommand, not a command.
   */
  admin: z.boolean().default(false),
  /** Where the command is its own command. Slack gets admin commands as `/gapbot <name>` instead. */
  platforms: z
    .array(z.enum(["slack", "discord"]))
    .min(1)
    .default(["slack", "discord"]),
  localizations: z.strictObject({ "zh-CN": CommandLocalization }),
});

/** Every option translated, and no translation of an option the command lacks. */
function translated(
  c: Pick<z.output<typeof CommandFields>, "options" | "localizations">,
  ctx: z.RefinementCtx,
): void {
  for (const [locale, l] of Object.entries(c.localizations)) {
    const declared = new Set(c.options.map((o) => o.name));
    const localized = Object.keys(l.options);
    for (const key of localized.filter((k) => !declared.has(k)))
      ctx.addIssue({
        code: "custom",
        path: ["localizations", locale, "options", key],
        message: "no such option",
      });
    for (const o of c.options.filter((o) => !localized.includes(o.name)))
      ctx.addIssue({
        code: "custom",
        path: ["localizations", locale, "options"],
        message: `"${o.name}" untranslated`,
      });
  }
}

export const CommandDefinition = CommandFields.superRefine(translated);
export type CommandDefinition = z.input<typeof CommandDefinition>;
export type Command = z.output<typeof CommandDefinition>;

/**
 * An admin command: it changes how the bot behaves rather than asking the core, so it has an action of
 * its own instead of an intent, and is for admins only.
 */
export const AdminCommandDefinition = CommandFields.omit({ intent: true })
  .extend({ action: z.enum(["settings"]), admin: z.literal(true) })
  .superRefine(translated);
export type AdminCommandDefinition = z.input<typeof AdminCommandDefinition>;
export type AdminCommand = z.output<typeof AdminCommandDefinition>;

/**
 * A message context-menu command (right-click a message → Apps): the selected message's text is the input.
 * Discord's rules: a name of 1–32 characters that may hold spaces and capitals, and no description.
 * https://discord.com/developers/docs/interactions/application-commands#message-commands
 */
export const MessageCommandDefinition = z.strictObject({
  name: z.string().regex(/^[-_ \p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u),
  /** The core intent the message's text is asked as. */
  intent: z.literal("ask"),
  localizations: z.strictObject({
    "zh-CN": z.strictObject({ name: z.string().regex(/^[-_ \p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u) }),
  }),
});
export type MessageCommandDefinition = z.input<typeof MessageCommandDefinition>;
export type MessageCommand = z.output<typeof MessageCommandDefinition>;
