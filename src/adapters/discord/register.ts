// `npm run discord:register`: PUTs the slash commands generated from commands/ (to one guild while
// developing, else globally) and prints what changed. A bulk overwrite: commands we no longer declare go.
// https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
import process from "node:process";
import { pathToFileURL } from "node:url";
import { REST, Routes } from "discord.js";
import { parseSettings } from "../../config/env.js";
import type { DiscordSettings } from "../../config/settings.js";
import { allDiscordPayloads } from "./commands-json.js";
import type { DiscordCommandPayload } from "./commands-payload.js";

export interface RegisterResult {
  /** "guild 123" or "global". */
  target: string;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

export async function registerDiscordCommands(
  settings: DiscordSettings,
  payloads: DiscordCommandPayload[] = allDiscordPayloads(),
): Promise<RegisterResult> {
  if (!settings.applicationId) {
    throw new Error(
      "discord:register: DISCORD_APPLICATION_ID is not set (the Application ID on the app's General Information page)",
    );
  }
  const rest = new REST(settings.apiUrl ? { api: settings.apiUrl } : {}).setToken(settings.token);
  const route = settings.guildId
    ? Routes.applicationGuildCommands(settings.applicationId, settings.guildId)
    : Routes.applicationCommands(settings.applicationId);
  // With localizations, so a changed translation counts as a change.
  const before = (await rest.get(route, {
    query: new URLSearchParams({ with_localizations: "true" }),
  })) as Record<string, unknown>[];
  await rest.put(route, { body: payloads });
  return {
    target: settings.guildId ? `guild ${settings.guildId}` : "global",
    ...diffCommands(before, payloads),
  };
}

/** Which names a bulk overwrite adds, changes, removes or leaves as they were. */
export function diffCommands(
  before: readonly Record<string, unknown>[],
  after: readonly DiscordCommandPayload[],
): Omit<RegisterResult, "target"> {
  // A slash command and a message command may share a name: each is known by its type and name.
  const key = (c: { type?: unknown; name?: unknown }) => `${Number(c.type ?? 1)}:${String(c.name)}`;
  const old = new Map(before.map((c) => [key(c), c]));
  const result: Omit<RegisterResult, "target"> = { added: [], changed: [], removed: [], unchanged: [] };
  for (const c of after) {
    const existing = old.get(key(c));
    if (!existing) result.added.push(c.name);
    else if (comparable(existing) !== comparable(c as unknown as Record<string, unknown>))
      result.changed.push(c.name);
    else result.unchanged.push(c.name);
  }
  const kept = new Set(after.map(key));
  result.removed = [...old.entries()].filter(([k]) => !kept.has(k)).map(([, c]) => String(c.name));
  return result;
}

/** Only the fields we send, with Discord's defaults filled in: a GET adds ids and drops false flags. */
function comparable(c: Record<string, unknown>): string {
  const options = (c.options as Record<string, unknown>[] | undefined) ?? [];
  return JSON.stringify({
    type: c.type ?? 1,
    name: c.name,
    name_localizations: c.name_localizations ?? {},
    description: c.description ?? "",
    description_localizations: c.description_localizations ?? {},
    options: options.map((o) => ({
      type: o.type,
      name: o.name,
      name_localizations: o.name_localizations ?? {},
      description: o.description,
      description_localizations: o.description_localizations ?? {},
      required: o.required ?? false,
      autocomplete: o.autocomplete ?? false,
      max_length: o.max_length ?? null,
    })),
    contexts: c.contexts ?? null,
    integration_types: c.integration_types ?? null,
    default_member_permissions: c.default_member_permissions ?? null,
  });
}

export function formatRegisterResult(r: RegisterResult, applicationId: string): string {
  const total = r.added.length + r.changed.length + r.unchanged.length;
  const where = r.target === "global" ? "globally" : `to ${r.target}`;
  const lines = [`Registered ${total} Discord commands ${where} (application ${applicationId}).`];
  for (const key of ["added", "changed", "removed", "unchanged"] as const) {
    lines.push(`  ${`${key}:`.padEnd(11)}${r[key].length > 0 ? r[key].join(", ") : "—"}`);
  }
  return `${lines.join("\n")}\n`;
}

async function main(): Promise<number> {
  const parsed = parseSettings(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.problems.map((p) => `gapbot: ${p}`).join("\n")}\n`);
    return 1;
  }
  const discord = parsed.settings.discord;
  if (!discord) {
    process.stderr.write(
      "discord:register: DISCORD_TOKEN is not set (the bot token, from the app's Bot page)\n",
    );
    return 1;
  }
  const result = await registerDiscordCommands(discord);
  process.stdout.write(formatRegisterResult(result, discord.applicationId ?? ""));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      const message = (err as Error)?.message ?? String(err);
      process.stderr.write(
        `${message.startsWith("discord:register") ? "" : "discord:register: "}${message}\n`,
      );
      process.exitCode = 1;
    },
  );
}
