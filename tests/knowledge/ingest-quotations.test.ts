// Drafting what a new source quotes (src/knowledge/ingest/quotations.ts): a quotation running over several
// sentences, or picked up again after its speaker is named, is its speaker's in every sentence, and its "we"
// is the speaker's, not the publisher's. A made-up text on a subject the fixture knows nothing of.
import { afterAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { ingest } from "../../src/knowledge/ingest/write.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";
import { copyFixture, removeCopies } from "./fixture.js";

afterAll(removeCopies);

const TEXT = [
  "Dry Orchards",
  'Eastmoor growers are short of pumps this season. "We have the land and we have the trees," said Ivo Marsh, a grower who farms 300 hectares near the river. "What we lack is water. Without pumps an orchard is a very dry garden."',
  'Tomas Brel, the head of Kessling Hydraulics, summed up the year: "We built 400 pumps in 2025. Growers wanted 900 of them."',
  '"The wells are fine," said Nadia Orsk, a union organiser, in March. Later in the year she was blunter. "Nobody counts the idle wells. Half of them could pump again by spring," she said.',
].join("\n");

describe("drafting quotations", () => {
  const dir = copyFixture();
  ingest({ dir, text: TEXT, id: "dry-orchards", title: "Dry Orchards", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);
  const facts = knowledge.facts.filter((f) => f.source === "dry-orchards");
  const fact = (part: string) => facts.find((f) => f.quote.includes(part));
  const id = (name: string) => knowledge.entities.find((e) => e.name === name)?.id ?? `no ${name}`;

  it("passes the check as written", () => {
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });

  it("gives a quotation picked up again after its speaker is named to the same speaker", () => {
    const garden = fact("very dry garden");
    expect(garden?.attribution).toBe(id("Ivo Marsh"));
    expect(garden?.entities).toContain(id("Ivo Marsh"));
  });

  it("gives every sentence of a quotation the speaker a colon introduces it with, not the publisher", () => {
    const built = fact("400 pumps");
    expect(built?.attribution).toBe(id("Tomas Brel"));
    expect(fact("900 of them")?.attribution).toBe(id("Tomas Brel"));
    expect(built?.claim).not.toMatch(/Grower Weekly/);
  });

  it("gives the sentences before 'she said' to the person the paragraph named", () => {
    expect(fact("Half of them could pump")?.attribution).toBe(id("Nadia Orsk"));
  });

  it("answers who said a quoted sentence with its speaker", () => {
    const card = createCore({ knowledge }).answer({
      text: "Who said an orchard without pumps is a very dry garden?",
    });
    expect(card.kind).toBe("answer");
    expect(card.headline).toMatch(/Ivo Marsh/);
    expect(card.citations[0]?.paragraph).toBe(2);
  });
});
