// /help — every command with examples. Slack reserves /help, so there it is /gapbot.
import type { CommandDefinition } from "./schema.js";

export const help = {
  name: "help",
  slack_name: "gapbot",
  description: "What gapbot can answer, with examples",
  options: [],
  examples: ["/help"],
  intent: "help",
  localizations: { "zh-CN": { name: "帮助", description: "gapbot能回答什么，附示例" } },
} satisfies CommandDefinition;
