// A verb asked in one form finds the material's sentence in another: "raise" finds "raised", "priced" finds
// "price", though an -ed or -ing ending took the word's silent e. A made-up text drafted by `gapbot ingest`.
import { afterAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { stem } from "../../src/core/text.js";
import { ingest } from "../../src/knowledge/ingest/write.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { copyFixture, removeCopies } from "../knowledge/fixture.js";

afterAll(removeCopies);

describe("the stem of a verb that ends in a silent e", () => {
  it("is the same for every form of the verb", () => {
    for (const group of [
      ["raise", "raised", "raising", "raises"],
      ["price", "priced", "pricing", "prices"],
      ["decline", "declined", "declining"],
      ["estimate", "estimated", "estimates"],
    ])
      expect(new Set(group.map((w) => stem(w)))).toHaveLength(1);
  });

  it("stays the start of the noun made from the verb", () => {
    expect("calculation".startsWith(stem("calculated"))).toBe(true);
  });
});

describe("a question asking in another form of the verb", () => {
  const dir = copyFixture();
  ingest({
    dir,
    id: "orchard-funding",
    title: "Orchard Funding",
    publisher: "Grower Weekly",
    text: [
      "Orchard Funding",
      "Velmora Robotics spent $40 million on a picker plant in Eastmoor in 2025.",
      "Velmora Robotics, a picker maker in Eastmoor, raised $120 million in 2025.",
      "Brackwell Farms sold 2 million bottles of cider in 2025. Brackwell Farms priced its cider at 14 crowns a bottle.",
    ].join("\n"),
  });
  const core = createCore({ knowledge: readKnowledge(dir).knowledge });

  it("answers 'how much did they raise' from the sentence saying what they raised", () => {
    const card = core.answer({ text: "How much did Velmora Robotics raise?" });
    expect(card.kind).toBe("answer");
    expect(card.headline).toMatch(/\$120 million/);
  });

  it("answers a question on the price from the sentence saying what it was priced at", () => {
    const card = core.answer({ text: "What price did Brackwell Farms set for its cider?" });
    expect(card.kind).toBe("answer");
    expect(card.headline).toMatch(/14 crowns/);
  });
});
