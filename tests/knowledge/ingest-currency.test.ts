// Drafting sums of money in a new source's currencies: "US$13 billion" and "HK$4.3 billion" are sums in their
// dollars (the letters before "$" were read as a code and the sum ignored), and a currency the draft gives
// sums in ("HKD", "yuan") is money, so a question about money is answered in it. A made-up text.
import { afterAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readNumbers } from "../../src/knowledge/ingest/figures.js";
import { ingest } from "../../src/knowledge/ingest/write.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";
import { copyFixture, removeCopies } from "./fixture.js";

afterAll(removeCopies);

const figures = (text: string) =>
  readNumbers(text, () => undefined).map((r) => (r.kind === "figure" ? r.figure : r.kind));

describe("reading a sum in a country's dollars", () => {
  it("reads the letters before the $ as whose dollars, part of the figure", () => {
    expect(figures("Sales reached US$13 billion, and the listing raised HK$4.3 billion.")).toMatchObject([
      { value: 13e9, unit: "USD", text: "US$13 billion" },
      { value: 4.3e9, unit: "HKD", text: "HK$4.3 billion" },
    ]);
    expect(figures("Capex of US$52 billion-56 billion is planned.")[0]).toMatchObject({
      unit: "USD",
      text: "US$52 billion-56 billion",
    });
  });

  it("leaves letters that name no currency before a $ a code", () => {
    expect(figures("The QX$5 valve is sold out.")).toEqual(["ignored"]);
  });
});

describe("drafting sums in a currency the pack did not know", () => {
  const dir = copyFixture();
  ingest({
    dir,
    id: "orchard-money",
    title: "Orchard Money",
    publisher: "Grower Weekly",
    text: [
      "Orchard Money",
      "Velmora Farms reported revenue of 39.2 billion yuan in 2025. Velmora Farms employs 3,000 pickers.",
      "Brackwell Cider listed its shares in Eastmoor in 2025, raising HK$4.3 billion. Brackwell Cider sold 2 million bottles.",
    ].join("\n"),
  });
  const loaded = readKnowledge(dir);
  const { knowledge } = loaded;
  const core = createCore({ knowledge });

  it("passes the check as written", () => {
    expect(validateKnowledge(loaded)).toEqual([]);
  });

  it("lists each currency it gives sums in as money", () => {
    expect(knowledge.vocabulary.units.money).toEqual(expect.arrayContaining(["HKD", "yuan"]));
  });

  it("answers a question about money with the fact giving the sum, in its currency", () => {
    const raised = core.answer({ text: "How much money did Brackwell Cider raise?" });
    expect(raised.kind).toBe("answer");
    expect(knowledge.facts.find((f) => f.id === raised.citations[0]?.factId)?.figures[0]).toMatchObject({
      unit: "HKD",
      text: "HK$4.3 billion",
    });
    const revenue = core.answer({ text: "Velmora Farms 营收是多少" });
    expect(revenue.kind).toBe("answer");
    expect(revenue.headline).toContain("39.2 billion yuan");
  });
});
