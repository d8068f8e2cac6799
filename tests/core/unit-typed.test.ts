// A unit of measure the question writes by name ("in KT") asks for a figure in it: a figure in another unit
// answers another question. Everyday counting nouns and plurals of abbreviations ("GPUs") ask no unit, and a
// share names the unit of its whole. Orchard pack, with a made-up abbreviation unit and fact.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { unitsWritten } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact, Knowledge } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const store: Fact = {
  ...(knowledge.facts.find((f) => f.id === "applewood-packing-line") as Fact),
  id: "applewood-cold-store",
  quote: "Applewood's cold store holds 12 KT of apples",
  claim: "Applewood's cold store holds 12 KT of apples.",
  metric: "Cold store capacity",
  figures: [{ value: 12, unit: "KT", text: "12" }],
  keywords: ["cold store", "storage"],
  note: undefined,
};
const pack: Knowledge = {
  ...knowledge,
  vocabulary: {
    ...knowledge.vocabulary,
    units: { ...knowledge.vocabulary.units, known: [...knowledge.vocabulary.units.known, "KT", "ORBs"] },
  },
  facts: [...knowledge.facts, store],
};
const ctx = buildContext(pack);
const core = createCore({ knowledge: pack });

describe("a unit asked by name", () => {
  it("is read from the question as written, or in lower case after a figure or 'in'", () => {
    expect(unitsWritten(ctx, "How many KT of apples did Northland grow?")).toEqual(["KT"]);
    expect(unitsWritten(ctx, "northland apples in kt")).toEqual(["KT"]);
    expect(unitsWritten(ctx, "How many tonnes of apples did Northland grow?")).toEqual([]);
    // An abbreviation's plural counts things; it asks no unit.
    expect(unitsWritten(ctx, "How many ORBs does Applewood run?")).toEqual([]);
  });

  it("is not answered by a figure in another unit", () => {
    const card = core.answer({ text: "How many KT of apples did Northland grow last year?" });
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("4.2 million");
    expect(
      core.answer({ text: "How many tonnes of apples did Northland grow last year?" }).headline,
    ).toContain("4.2 million");
  });

  it("is answered by a figure in it", () => {
    const card = core.answer({ text: "How many KT does Applewood's cold store hold?" });
    expect(card.kind).toBe("answer");
    expect(card.citations[0]?.factId).toBe("applewood-cold-store");
  });

  it("for a sum of money, is not answered by a value stated in words", () => {
    expect(core.answer({ text: "What is Applewood worth?" }).kind).toBe("answer");
    const card = core.answer({ text: "What is Applewood worth in crowns?" });
    expect(card.kind).toBe("not_found");
  });

  it("after a device's name, says the device has no figure in it rather than showing its other figures", () => {
    const card = core.answer({ command: "chip", args: { name: "Harvester X9 40 KT" } });
    expect(card.kind).toBe("not_found");
    expect(card.headline).toContain("KT");
    expect(card.headline).toContain("Harvester X9");
  });
});
