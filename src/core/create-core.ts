// TEMPORARY stub so adapters can be built against the Core interface while the real core lands.
import { readKnowledge } from "../knowledge/load.js";
import type { Knowledge } from "../knowledge/schema.js";
import type { Core } from "./index.js";

export function createCore(options: { knowledge?: Knowledge; knowledgeDir?: string } = {}): Core {
  const knowledge = options.knowledge ?? readKnowledge(options.knowledgeDir).knowledge;
  return {
    knowledge,
    answer: () => ({
      kind: "not_found",
      title: "Not in the material",
      headline: "Not in the material yet.",
      fields: [],
      citations: [],
      suggestions: [],
    }),
    complete: () => [],
    catalog: () => ({ topics: [], chips: [], models: [], companies: [] }),
  };
}
