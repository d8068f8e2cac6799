// What is now ("how many … today", "currently", 目前) is not what is planned or expected: a plan answers a question
// about the plan, and a question about the present only when the text says what is now too. On the synthetic
// orchard pack, with made-up paragraphs.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const lines = knowledge.paragraphs.get("orchard-report") ?? [];
const coreWith = (text: string) => {
  const paragraphs = new Map(knowledge.paragraphs);
  paragraphs.set("orchard-report", [...lines, text]);
  return createCore({ knowledge: { ...knowledge, paragraphs } });
};
const PLAN = "Cidermill plans to run 300 cider presses by the end of 2027.";

describe("the present asked about", () => {
  it("is not answered by a plan", () => {
    for (const text of [
      "How many cider presses does Cidermill run today?",
      "目前Cidermill有多少台cider presses？",
    ]) {
      const card = coreWith(PLAN).answer({ text });
      expect(card.kind, text).toBe("not_found");
      expect(card.headline, text).not.toContain("300");
    }
  });

  it("leaves the plan to a question about the plan, or about both", () => {
    for (const text of [
      "How many cider presses will Cidermill run?",
      "How many cider presses does Cidermill run now, and how many will it run by 2027?",
    ])
      expect(coreWith(PLAN).answer({ text }).headline, text).toContain("300");
  });

  it("is answered by a text that says what is now beside the plan", () => {
    const card = coreWith(
      "Cidermill currently runs 120 cider presses and plans to run 300 by the end of 2027.",
    ).answer({ text: "How many cider presses does Cidermill run today?" });
    expect(card.headline).toContain("120");
  });
});
