// A source's publisher says every claim of it that the source gives no one else: on the synthetic orchard pack
// with its report published by the Fruit Board, "what does the Fruit Board say/call…" reads the report's own
// claims, and still not those it gives to someone else.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const published = {
  ...knowledge,
  sources: knowledge.sources.map((s) => ({ ...s, publisher: "Fruit Board" })),
};
const asPublished = createCore({ knowledge: published });
const unpublished = createCore({ knowledge });

describe("a source's publisher as the speaker asked about", () => {
  it("answers with the source's own claim, which the publisher makes", () => {
    for (const [q, id] of [
      ["What does the Fruit Board say Applewood runs?", "applewood-orchards"],
      ["By how many years does the Fruit Board say Southland lags Northland in machinery?", "machinery-lag"],
    ]) {
      expect(asPublished.answer({ text: q }).citations[0]?.factId, q).toBe(id);
      // Without a publisher the source's claims are no one's: the Fruit Board says none of them.
      expect(unpublished.answer({ text: q }).citations[0]?.factId, q).not.toBe(id);
    }
  });

  it("does not give the publisher a claim the source gives someone else", () => {
    const card = asPublished.answer({ text: "When does the Fruit Board say Southland will close the gap?" });
    expect(card.citations[0]?.factId).not.toBe("quill-close-gap");
  });
});
