// /chip — what the material says about one chip.
import type { CommandDefinition } from "./schema.js";

export const chip = {
  name: "chip",
  description: "Figures and facts about one AI chip, e.g. Ascend 910B, H100, GB300",
  usage_hint: "<name>  e.g. 910B, A100, GB300",
  options: [
    {
      name: "name",
      description: "The chip: Ascend 910B, A100, H100, GB300, MTT S5000…",
      type: "string",
      required: true,
      autocomplete: "chip",
      max_length: 500,
    },
  ],
  examples: ["/chip 910B", "/chip GB300"],
  intent: "chip",
  localizations: {
    "zh-CN": {
      name: "芯片",
      description: "某款AI芯片的数据与事实，例如昇腾910B、H100、GB300",
      options: { name: { name: "名称", description: "芯片：昇腾910B、A100、H100、GB300、MTT S5000…" } },
    },
  },
} satisfies CommandDefinition;
