// A share asked of a named whole ("the world apple market") is answered only by a fact whose own words name
// it, not one that matches it through the topic it is filed under (the pear market, filed with the apple
// harvest). And a message asking two things answers each, its first half set off by a comma though it has no
// verb, each found as a whole question's answer is. Orchard pack only.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const core = createCore({ knowledge });
const ask = (text: string) => core.answer({ text });

describe("a share of a named whole", () => {
  it("is not answered by a share of another whole filed under the same topic", () => {
    const card = ask("What share of the world apple market does Northland hold?");
    expect(card.citations[0]?.factId).toBe("northland-market-share");
    expect(card.headline).not.toContain("pear");
  });
});

describe("two things asked in one message", () => {
  it("answers both, each with its own fact", () => {
    const card = ask(
      "How many tonnes of apples did Northland grow, and what share of the world apple market does it hold?",
    );
    expect(card.headline).toContain("4.2 million");
    expect(card.headline).toContain("30%");
  });

  it("takes a first half without a verb for a question when a comma sets it off", () => {
    const card = ask(
      "Northland's apple harvest last year, and what share of the world apple market does it hold?",
    );
    expect(card.headline).toContain("4.2 million");
    expect(card.headline).toContain("30%");
  });
});
