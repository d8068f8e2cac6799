// "Ask gapbot" — a message context-menu command: right-click a message, Apps → Ask gapbot, and the
// message's text is asked as a question. Discord only (Slack's message shortcuts need a modal round trip).
import type { MessageCommandDefinition } from "./schema.js";

export const askMessage = {
  name: "Ask gapbot",
  intent: "ask",
  localizations: { "zh-CN": { name: "问 gapbot" } },
} satisfies MessageCommandDefinition;
