// /chip or /model with a name the material writes but keeps no entry for: the sentences that write it,
// quoted and cited; a name it never writes stays not found. Synthetic orchard pack with one paragraph added.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { expectValidCard } from "../helpers/card-checks.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const lines = knowledge.paragraphs.get("orchard-report") ?? [];
const paragraphs = new Map(knowledge.paragraphs);
paragraphs.set("orchard-report", [
  ...lines,
  "Eastland growers still sort their crates by hand. Their Sortomats, bought second-hand, break down every season.",
]);
const pack = { ...knowledge, paragraphs };
const core = createCore({ knowledge: pack });
const chip = (name: string) => {
  const card = core.answer({ command: "chip", args: { name } });
  expectValidCard(card, pack);
  return card;
};

describe("a name the material writes but has no entry for", () => {
  it("quotes the sentence that writes it, singular or plural, cited to its paragraph", () => {
    const card = chip("Sortomat");
    expect(card.kind).toBe("answer");
    expect(card.headline).toBe("Their Sortomats, bought second-hand, break down every season.");
    expect(card.citations[0]).toMatchObject({ paragraph: lines.length + 1 });
  });

  it("stays not found for a name the material never writes, nor only inside another word", () => {
    expect(chip("Plumomat").kind).toBe("not_found");
    expect(chip("Sorto").kind).toBe("not_found");
    // A common word the material writes is no name, even where a sentence starts with it.
    expect(chip("their").kind).toBe("not_found");
  });
});
