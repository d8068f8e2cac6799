// /source — the verbatim passage behind a fact id or a paragraph number.
import type { CommandDefinition } from "./schema.js";

export const source = {
  name: "source",
  description: "The verbatim source text behind a fact id or a paragraph number",
  usage_hint: "<fact id | paragraph>  e.g. 24",
  options: [
    {
      name: "ref",
      description: "A fact id (shown on cards) or a paragraph number, e.g. 24",
      type: "string",
      required: true,
      max_length: 500,
    },
  ],
  examples: ["/source 24"],
  intent: "source",
  localizations: {
    "zh-CN": {
      name: "出处",
      description: "某条事实编号或段落号背后的原文",
      options: { ref: { name: "引用", description: "事实编号（卡片上显示）或段落号，例如24" } },
    },
  },
} satisfies CommandDefinition;
