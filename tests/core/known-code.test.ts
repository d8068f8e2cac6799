// A word after a name that looks like a model number ("Cidermill 3kg") but that the material itself writes is
// a thing it speaks of, not a model it never names; a code it never writes is still refused. Orchard pack
// with one made-up paragraph.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const lines = knowledge.paragraphs.get("orchard-report") ?? [];
const paragraphs = new Map(knowledge.paragraphs);
paragraphs.set("orchard-report", [
  ...lines,
  "Cidermill now packs its juice apples in 3kg boxes for the winter markets.",
]);
const core = createCore({ knowledge: { ...knowledge, paragraphs } });

describe("a code after a name", () => {
  it("that the material writes is not refused as a model it never names", () => {
    const card = core.answer({ text: "Cidermill 3kg boxes?" });
    expect(card.headline).not.toContain("does not mention");
  });

  it("that the material never writes is refused", () => {
    const card = core.answer({ text: "Cidermill 7kg boxes?" });
    expect(card.kind).toBe("not_found");
    expect(card.headline).toContain("does not mention");
  });
});
