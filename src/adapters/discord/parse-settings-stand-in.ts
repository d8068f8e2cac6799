// TEMPORARY stand-in for parseSettings from src/config/env.ts (written on another branch, not yet in main).
// Same signature and result; reads only what the register script and the shard child need.
// Delete this file and import { parseSettings } from "../../config/env.js" once main has it.
import type { Settings } from "../../config/settings.js";

export type ParseResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

export function parseSettings(env: NodeJS.ProcessEnv): ParseResult {
  const get = (name: string) => env[name]?.trim() || undefined;
  const token = get("DISCORD_TOKEN");
  const shards = get("DISCORD_SHARDS");
  const settings: Settings = {
    port: Number(get("PORT") ?? 3000),
    logLevel: (get("LOG_LEVEL") as Settings["logLevel"]) ?? "info",
    rateLimit: { perUserPerMinute: 20, perChannelPerMinute: 60 },
  };
  if (token) {
    settings.discord = {
      token,
      applicationId: get("DISCORD_APPLICATION_ID"),
      guildId: get("DISCORD_GUILD_ID"),
      apiUrl: get("DISCORD_API_URL"),
      shards: shards === undefined || shards === "auto" ? "auto" : Number(shards),
    };
  }
  return { ok: true, settings };
}
