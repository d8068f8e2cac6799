import { describe, expect, it } from "vitest";
import { SMALL_TALK_SUGGESTIONS_MAX } from "../../../src/core/compose/small-talk.js";
import { createCore } from "../../../src/core/index.js";
import { renderText } from "../../../src/core/render-text.js";
import { readKnowledge } from "../../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../../fixtures/mini-knowledge", import.meta.url).pathname);
const core = createCore({ knowledge });

describe("small talk", () => {
  it("a greeting, a thank-you or an 'ok', in English or Chinese, gets one line and at most two suggestions", () => {
    const manual = core.answer({ text: "/help" });
    for (const text of ["thanks!", "hi", "ok", "你好", "Hello gapbot!", "谢谢", "got it"]) {
      const card = core.answer({ text });
      expect(card.kind, text).toBe("help");
      expect(card.fields, text).toEqual([]);
      expect(card.citations, text).toEqual([]);
      expect(card.headline.split("\n"), text).toHaveLength(1);
      expect(card.suggestions.length, text).toBeGreaterThan(0);
      expect(card.suggestions.length, text).toBeLessThanOrEqual(SMALL_TALK_SUGGESTIONS_MAX);
      // Far shorter than the manual it used to be.
      expect(renderText(card).length, text).toBeLessThan(renderText(manual).length / 3);
    }
  });

  it("each suggestion it offers answers with a card of its own", () => {
    for (const s of core.answer({ text: "thanks!" }).suggestions) {
      expect(["not_found", "error"]).not.toContain(core.answer({ text: s.command }).kind);
    }
  });

  it("a greeting before a question still gets the question answered", () => {
    expect(core.answer({ text: "hi, what is the compute gap?" }).kind).not.toBe("help");
  });
});
