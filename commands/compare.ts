// /compare — two chips, models, companies or countries side by side.
import type { CommandDefinition } from "./schema.js";

export const compare = {
  name: "compare",
  description: "Two chips, models or companies side by side, with ratios where units match",
  usage_hint: "<a> vs <b>  e.g. Mythos vs DeepSeek V4 Pro",
  options: [
    {
      name: "first",
      description: "The first chip, model or company",
      type: "string",
      required: true,
      autocomplete: "entity",
      max_length: 250,
    },
    {
      name: "second",
      description: "The second chip, model or company",
      type: "string",
      required: true,
      autocomplete: "entity",
      max_length: 250,
    },
  ],
  examples: ['/compare Mythos "DeepSeek V4 Pro"', "/compare Ascend 910B vs A100", "/compare US vs China"],
  intent: "compare",
  localizations: {
    "zh-CN": {
      name: "对比",
      description: "并排比较两款芯片、模型或公司，单位一致时给出比值",
      options: {
        first: { name: "第一项", description: "第一个芯片、模型或公司" },
        second: { name: "第二项", description: "第二个芯片、模型或公司" },
      },
    },
  },
} satisfies CommandDefinition;
