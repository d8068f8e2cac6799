// /model — what the material says about one AI model.
import type { CommandDefinition } from "./schema.js";

export const model = {
  name: "model",
  description: "Figures and facts about one AI model, e.g. Mythos, DeepSeek V4 Pro",
  usage_hint: "<name>  e.g. Mythos, DeepSeek V4 Pro",
  options: [
    {
      name: "name",
      description: "The model: Mythos, DeepSeek V4 Pro, GLM Image, RoboBrain 2.5…",
      type: "string",
      required: true,
      autocomplete: "model",
      max_length: 500,
    },
  ],
  examples: ["/model Mythos", "/model DeepSeek V4 Pro"],
  intent: "model",
  localizations: {
    "zh-CN": {
      name: "模型",
      description: "某个AI模型的数据与事实，例如Mythos、DeepSeek V4 Pro",
      options: {
        name: { name: "名称", description: "模型：Mythos、DeepSeek V4 Pro、GLM Image、RoboBrain 2.5…" },
      },
    },
  },
} satisfies CommandDefinition;
