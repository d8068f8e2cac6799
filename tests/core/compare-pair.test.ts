// /compare in words: a fact on the two things alone leads before one naming them among others of their kind
// (synthetic orchard pack: "Pearfield's value passed Cidermill's" before the three growers' joint planting).
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const core = createCore({ knowledge });

describe("a comparison in words of two companies", () => {
  it("leads with what the material says of the two alone, whichever is named first", () => {
    for (const [first, second] of [
      ["Cidermill", "Pearfield"],
      ["Pearfield", "Cidermill"],
    ]) {
      const card = core.answer({ command: "compare", args: { first, second } });
      expect(card.headline.startsWith("Pearfield's market value passed Cidermill's"), card.headline).toBe(
        true,
      );
      expect(card.citations[0]?.factId).toBe("pearfield-value-passed");
    }
  });
});
