import { describe, expect, it } from "vitest";
import { ACTION_SHARE, renderSlack } from "../../../src/adapters/slack/render.js";
import { createCore } from "../../../src/core/index.js";
import { readKnowledge } from "../../../src/knowledge/load.js";
import { allStrings } from "../../helpers/slack-block-kit.js";

const shipped = readKnowledge().knowledge;
const core = createCore({ knowledge: shipped });
const QUERIES = [
  ...shipped.topics.map((t) => `/gap ${t.id.replace(/-/g, " ")}`),
  "/chip 910B",
  "/compare US vs China",
  "/source 24",
  "/help",
  "hi",
  "/gap weather",
  "and China?",
  "what is the weather in Paris?",
];

describe("Slack cards say each thing once", () => {
  it("name a source's title once at most (the footer), not again beside each paragraph", () => {
    for (const q of QUERIES) {
      const { blocks } = renderSlack(core.answer({ text: q, platform: "slack" }), { query: q });
      // The header and the blocks after it, not the notification text.
      const text = allStrings(blocks.slice(1)).join("\n");
      for (const s of shipped.sources) {
        const count = text.split(s.title).length - 1;
        expect(count, `${q}: ${s.title}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("offer Share only under an answer: never under help, small talk or a miss", () => {
    for (const q of QUERIES) {
      const card = core.answer({ text: q, platform: "slack" });
      const { blocks } = renderSlack(card, { query: q, ephemeral: true });
      const share = JSON.stringify(blocks).includes(ACTION_SHARE);
      expect(share, `${q} (${card.kind})`).toBe(!["help", "not_found", "error"].includes(card.kind));
    }
  });
});
