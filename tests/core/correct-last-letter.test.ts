// Typo correction of a word typed without its last letter ("paramete", "shortfal"): it reads as the one word the
// material uses that is one letter longer, when no other word starts with it, rather than as a prefix, which the
// search weighs at half. A shorter start of a word ("paramet") stays a prefix, and a word the material uses is
// never corrected.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const ctx = buildContext(
  readKnowledge(new URL("../fixtures/knowledge-small", import.meta.url).pathname).knowledge,
);

describe("a word typed without its last letter", () => {
  it("reads as the one word the material uses with that letter", () => {
    expect(ctx.retriever.correct("paramete")).toBe("parameter");
  });

  it("leaves a shorter start of a word, and a word the material uses, as they are", () => {
    expect(ctx.retriever.correct("paramet")).toBeUndefined();
    expect(ctx.retriever.correct("parameter")).toBeUndefined();
  });
});
