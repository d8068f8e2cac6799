// /help — every command with examples. Slack reserves /help, so there it is /gapbot.
import type { CommandDefinition } from "./schema.js";

export const help = {
  name: "help",
  slack_name: "gapbot",
  description: "What gapbot can answer, with examples",
  options: [],
  examples: ["/help"],
  intent: "help",
} satisfies CommandDefinition;
