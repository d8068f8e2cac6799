import { describe, expect, it } from "vitest";
import { buildContext } from "../../../src/core/context.js";
import { createCore } from "../../../src/core/index.js";
import { readIntent } from "../../../src/core/intent.js";
import { readKnowledge } from "../../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../../fixtures/mini-knowledge", import.meta.url).pathname);
const core = createCore({ knowledge });
const ctx = buildContext(knowledge);

describe("a follow-up without a subject of its own", () => {
  it("names only things after a follow-up cue: says there is no earlier question to follow, never that messages are read alone", () => {
    for (const text of [
      "and China?",
      "what about the US?",
      "And what about Mythos?",
      "how about it?",
      "and?",
      "那中国呢？",
    ]) {
      expect(readIntent(ctx, { text }).type, text).toBe("follow-up");
      const card = core.answer({ text });
      expect(card.kind, text).toBe("not_found");
      expect(card.headline, text).toMatch(/follows on from an earlier question, which I do not have here/);
      expect(card.headline, text).not.toMatch(/on its own/);
      expect(card.citations, text).toEqual([]);
    }
  });

  it("offers the named thing's own card, not a question that would only come back here", () => {
    const card = core.answer({ text: "and Mythos?" });
    const commands = card.suggestions.map((s) => s.command);
    expect(commands.some((c) => core.answer({ text: c }).kind === "model")).toBe(true);
    for (const c of commands) expect(core.answer({ text: c }).title).not.toBe(card.title);
  });

  it("a follow-up cue before a whole question is the question", () => {
    for (const text of ["and how much computing power does China have?", "what about the compute gap?"]) {
      expect(readIntent(ctx, { text }).type, text).not.toBe("follow-up");
    }
  });
});
