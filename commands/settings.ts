// /settings — an admin's settings for one channel (Discord; on Slack it is /gapbot settings). Each option
// left out keeps its value; none at all shows the settings.
import type { AdminCommandDefinition } from "./schema.js";

export const settings = {
  name: "settings",
  description: "This channel's gapbot settings (admins): mentions, follow-ups, reply visibility, sources",
  options: [
    {
      name: "mentions",
      description: "Answer @mentions in this channel",
      type: "boolean",
      required: false,
    },
    {
      name: "follow_ups",
      description: "Answer follow-up messages in threads",
      type: "boolean",
      required: false,
    },
    {
      name: "replies",
      description: "Who sees answers to commands: public, private or default",
      type: "string",
      required: false,
      max_length: 20,
    },
    {
      name: "sources",
      description: "Which sources answers may use: all, or source ids separated by commas",
      type: "string",
      required: false,
      max_length: 500,
    },
  ],
  examples: ["/settings", "/settings mentions:false", "/settings replies:private"],
  action: "settings",
  admin: true,
  platforms: ["discord"],
  localizations: {
    "zh-CN": {
      name: "设置",
      description: "本频道的 gapbot 设置（管理员）：提及、跟进、回复可见性、来源",
      options: {
        mentions: { name: "提及", description: "在本频道回答 @提及" },
        follow_ups: { name: "跟进", description: "在话题中回答后续消息" },
        replies: { name: "回复", description: "谁能看到命令的回答：public、private 或 default" },
        sources: { name: "来源", description: "回答可使用的来源：all，或以逗号分隔的来源编号" },
      },
    },
  },
} satisfies AdminCommandDefinition;
