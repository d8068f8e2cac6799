// Drafting whom a clause's "its"/"their" refers to: in a clause that opens on names of its own ("In 2025 A and
// B doubled their orchards") it is theirs, and what one says of its own ("A said its app had…") is A's alone;
// only a possessive before any name ("Their rival C sold…") refers back to whom the paragraph spoke of.
// A clause's figure then names no one of the sentences before it. A made-up text.
import { afterAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/knowledge/ingest/write.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { copyFixture, removeCopies } from "./fixture.js";

afterAll(removeCopies);

describe("drafting a clause with a possessive", () => {
  const dir = copyFixture();
  ingest({
    dir,
    id: "orchard-rivals",
    title: "Orchard Rivals",
    publisher: "Grower Weekly",
    text: [
      "Orchard Rivals",
      "Analysts follow Minova, Tamsin, Corvandel and Brisk Orchards closely.",
      "Minova sold 300 pumps in 2025. In 2025 Corvandel and Brisk Orchards doubled their orchards to 900 hectares. Their rival Tamsin sold 200 pumps. Minova said its app had 650 million users.",
    ].join("\n"),
  });
  const { knowledge } = readKnowledge(dir);
  const fact = (part: string) => knowledge.facts.find((f) => f.quote.includes(part));
  const id = (name: string) => knowledge.entities.find((e) => e.name === name)?.id ?? `no ${name}`;

  it("gives 'their' in a clause opening on its own names to those names only", () => {
    expect(fact("900 hectares")?.entities).toEqual([id("Corvandel"), id("Brisk Orchards")]);
  });

  it("gives what a firm says of its own to that firm only", () => {
    expect(fact("650 million users")?.entities).toEqual([id("Minova")]);
  });

  it("still reads a possessive before any name as the ones the paragraph spoke of", () => {
    expect(fact("200 pumps")?.entities).toEqual(
      expect.arrayContaining([id("Tamsin"), id("Corvandel"), id("Brisk Orchards")]),
    );
    expect(fact("200 pumps")?.subject).toBe(id("Tamsin"));
  });
});
