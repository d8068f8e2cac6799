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
  examples: ["/source 24", "/source us-compute-eflops"],
  intent: "source",
} satisfies CommandDefinition;
