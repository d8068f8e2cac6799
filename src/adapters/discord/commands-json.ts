// commands/discord-commands.json, generated from commands/: `npm run discord:commands` writes it and
// a test fails when the committed file differs, so reviewers see every change to what Discord gets.
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { adminCommands, commands, messageCommands } from "../../../commands/index.js";
import { type DiscordCommandPayload, discordCommandPayloads } from "./commands-payload.js";
import { validDiscordPayloads } from "./payload-schema.js";

/** Every command Discord gets, generated from commands/ and checked against Discord's rules. */
export function allDiscordPayloads(): DiscordCommandPayload[] {
  return validDiscordPayloads(discordCommandPayloads([...commands, ...adminCommands], messageCommands));
}

export function discordCommandsJson(): string {
  return `${JSON.stringify(allDiscordPayloads(), null, 2)}\n`;
}

/** The checkout's commands/discord-commands.json, from src/ or from dist/src/ alike. */
export function discordCommandsFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("discord:commands: no package.json above this file");
    dir = parent;
  }
  return join(dir, "commands", "discord-commands.json");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = discordCommandsFile();
  writeFileSync(file, discordCommandsJson());
  process.stdout.write(`wrote ${file}\n`);
}
