// /ask — a question in plain English or Chinese, answered from the material with citations.
import type { CommandDefinition } from "./schema.js";

export const ask = {
  name: "ask",
  description: "Ask a question about the China–US AI compute gap, in English or Chinese",
  usage_hint: "<question>  e.g. How many GPUs will Meta deploy?",
  options: [
    {
      name: "question",
      description: "Your question, e.g. How many developers does CUDA have?",
      type: "string",
      required: true,
      max_length: 500,
    },
  ],
  examples: ["/ask How many GPUs will Meta deploy by the end of 2026?", "/ask 中美算力差距"],
  intent: "ask",
  localizations: {
    "zh-CN": {
      name: "提问",
      description: "用中文或英文提问中美AI算力差距",
      options: { question: { name: "问题", description: "你的问题，例如：CUDA有多少开发者？" } },
    },
  },
} satisfies CommandDefinition;
