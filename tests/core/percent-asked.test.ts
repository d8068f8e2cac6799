// A percentage asked for in so many words ("what yield percentage…") is answered only by a figure in a share's
// unit: a sentence giving the measure in other units answers another question. Orchard pack with one made-up
// paragraph each way.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { PERCENT, readQuestion } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const lines = knowledge.paragraphs.get("orchard-report") ?? [];
const withParagraph = (text: string) => {
  const paragraphs = new Map(knowledge.paragraphs);
  paragraphs.set("orchard-report", [...lines, text]);
  return { ...knowledge, paragraphs };
};
const question = "What yield percentage do Applewood's orchards reach?";

describe("a percentage asked for", () => {
  it("reads as the share unit asked", () => {
    const ctx = buildContext(knowledge);
    expect(readQuestion(ctx, question, ctx.finder.mentions(question)).unitsTyped).toContain(PERCENT);
    const plain = "What yield do Applewood's orchards reach?";
    expect(readQuestion(ctx, plain, ctx.finder.mentions(plain)).unitsTyped).not.toContain(PERCENT);
  });

  it("is not answered by the measure in other units", () => {
    const core = createCore({
      knowledge: withParagraph("Applewood's orchards reach yields of 12 tonnes a hectare in a good season."),
    });
    const card = core.answer({ text: question });
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("12 tonnes");
  });

  it("is answered by the measure in percent", () => {
    const core = createCore({
      knowledge: withParagraph(
        "Applewood's orchards reach yields of 92% of their potential in a good season.",
      ),
    });
    expect(core.answer({ text: question }).headline).toContain("92%");
  });
});
