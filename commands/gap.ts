// /gap — one of the China–US gap topics, or the list of them.
import type { CommandDefinition } from "./schema.js";

export const gap = {
  name: "gap",
  description: "The China–US gap on one topic: compute, models, capex, chips, market share…",
  usage_hint: "[topic]  e.g. compute, models, capex, ecosystem",
  options: [
    {
      name: "topic",
      description: "compute, models, lag, capex, chips, market share, data centers, ecosystem, inference",
      type: "string",
      required: false,
      autocomplete: "topic",
      max_length: 500,
    },
  ],
  examples: ["/gap compute", "/gap capex", "/gap"],
  intent: "gap",
  localizations: {
    "zh-CN": {
      name: "差距",
      description: "中美在某一主题上的差距：算力、模型、资本开支、芯片、市场份额…",
      options: {
        topic: {
          name: "主题",
          description: "算力、模型、差距时间、资本开支、芯片、市场份额、数据中心、生态、推理",
        },
      },
    },
  },
} satisfies CommandDefinition;
