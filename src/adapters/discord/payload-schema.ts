// Discord's rules for what registration PUTs, checked with zod on the generated payloads (as discord.js's
// builders check theirs): a payload Discord would refuse fails here, at generation, with its path.
// https://discord.com/developers/docs/interactions/application-commands#application-command-object
import { z } from "zod";
import type { DiscordCommandPayload } from "./commands-payload.js";

const chatName = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const menuName = /^[-_ \p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const lower = (s: string) => s === s.toLowerCase();
const chatNameSchema = z.string().regex(chatName).refine(lower, "lower case");
const localizations = <T extends z.ZodType>(value: T) => z.record(z.enum(["zh-CN"]), value);
const description = z.string().min(1).max(100);
const contexts = z.array(z.union([z.literal(0), z.literal(1), z.literal(2)])).min(1);
const integrationTypes = z.array(z.union([z.literal(0), z.literal(1)])).min(1);
const permissions = z.string().regex(/^\d+$/).nullable();

const Option = z.strictObject({
  type: z.union([z.literal(3), z.literal(5)]),
  name: chatNameSchema,
  name_localizations: localizations(chatNameSchema),
  description,
  description_localizations: localizations(description),
  required: z.boolean(),
  autocomplete: z.boolean().optional(),
  max_length: z.number().int().min(1).max(6000).optional(),
});

const ChatCommand = z
  .strictObject({
    type: z.literal(1),
    name: chatNameSchema,
    name_localizations: localizations(chatNameSchema),
    description,
    description_localizations: localizations(description),
    options: z.array(Option).max(25),
    contexts,
    integration_types: integrationTypes,
    default_member_permissions: permissions,
  })
  .refine(
    (c) => c.options.every((o, i) => o.required || c.options.slice(i).every((later) => !later.required)),
    "required options come before optional ones",
  )
  .refine((c) => characters(c) <= 4000, "name, description and options hold 4000 characters at most");

const MessageCommand = z.strictObject({
  type: z.literal(3),
  name: z.string().regex(menuName),
  name_localizations: localizations(z.string().regex(menuName)),
  description: z.literal(""),
  contexts,
  integration_types: integrationTypes,
  default_member_permissions: permissions,
});

/** Every command, with the per-application limits: 100 slash commands, 5 message commands, names unique. */
export const DiscordCommandPayloads = z
  .array(z.discriminatedUnion("type", [ChatCommand, MessageCommand]))
  .refine((all) => all.filter((c) => c.type === 1).length <= 100, "100 slash commands at most")
  .refine((all) => all.filter((c) => c.type === 3).length <= 5, "5 message commands at most")
  .refine(
    (all) => new Set(all.map((c) => `${c.type}:${c.name}`)).size === all.length,
    "names are unique within a type",
  );

/** The combined length Discord counts: names, descriptions and options' (the longest localization of each). */
interface Counted {
  name: string;
  name_localizations: Record<string, string | undefined>;
  description: string;
  description_localizations: Record<string, string | undefined>;
}

function characters(c: Counted & { options: Counted[] }): number {
  const longest = (base: string, l: Record<string, string | undefined>) =>
    Math.max(base.length, ...Object.values(l).map((s) => s?.length ?? 0));
  return (
    longest(c.name, c.name_localizations) +
    longest(c.description, c.description_localizations) +
    c.options.reduce(
      (sum, o) =>
        sum + longest(o.name, o.name_localizations) + longest(o.description, o.description_localizations),
      0,
    )
  );
}

/** The payloads, or an error naming every rule broken and where. */
export function validDiscordPayloads(payloads: DiscordCommandPayload[]): DiscordCommandPayload[] {
  const parsed = DiscordCommandPayloads.safeParse(payloads);
  if (!parsed.success) throw new Error(`discord commands: ${z.prettifyError(parsed.error)}`);
  return payloads;
}
