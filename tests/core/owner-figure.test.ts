// A figure asked as a thing's own ("Pearfield's revenue") is not another thing's that merely names it: on the
// synthetic orchard pack with one made-up fact, Cidermill's takings, whose words name Pearfield too. And a measure
// asked with a word before it ("Pearfield's annual revenue") is the measure asked, needing a figure of it.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const takings: Fact = {
  ...(knowledge.facts.find((f) => f.id === "applewood-packing-line") as Fact),
  id: "cidermill-takings",
  quote: "Founded by former Pearfield managers, Cidermill now takes 90 million crowns a year in revenue",
  claim: "Cidermill, founded by former Pearfield managers, takes 90 million crowns a year in revenue.",
  metric: "Revenue",
  figures: [{ value: 90_000_000, unit: "crowns", text: "90 million" }],
  entities: ["cidermill", "pearfield"],
  subject: "cidermill",
  keywords: ["revenue", "takings"],
  note: undefined,
};
const pack = { ...knowledge, facts: [...knowledge.facts, takings] };
const core = createCore({ knowledge: pack });
const ctx = buildContext(pack);
const ask = (text: string) => core.answer({ text });
const read = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q));

describe("a figure asked as a thing's own", () => {
  it("reads the thing written with 's as the owner of what is asked", () => {
    expect(read("What is Pearfield's revenue?").owners).toEqual(["pearfield"]);
    expect(read("What revenue does Pearfield make?").owners).toEqual([]);
  });

  it("is not answered by another grower's figure whose words name it", () => {
    const card = ask("What is Pearfield's revenue?");
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("90 million");
  });

  it("is answered by the owner's own figure", () => {
    const card = ask("What is Cidermill's revenue?");
    expect(card.kind).toBe("answer");
    expect(card.citations[0]?.factId).toBe("cidermill-takings");
  });

  it("reads a measure with a word before it as the measure asked", () => {
    expect(read("What is Pearfield's annual revenue?").measure).toBe(
      read("What is Pearfield's revenue?").measure,
    );
    expect(read("What is Pearfield's current revenue?").measure).toBeDefined();
  });
});
