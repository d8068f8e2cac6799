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
} satisfies CommandDefinition;
