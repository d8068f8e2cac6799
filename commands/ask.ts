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
} satisfies CommandDefinition;
