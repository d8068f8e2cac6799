// Wordings a new asker uses for questions the orchard pack answers, or rightly does not: a summing word that
// describes the yardstick, a share of a total, a year asked for, a sum of money asked for by its unit, a typo
// that drops a letter, and words that frame a request. Each pins a mechanism, not any article's wording.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { EntityFinder } from "../../src/core/entities.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { readIntent } from "../../src/core/intent.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Entity } from "../../src/knowledge/schema.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";
import { expectValidCard } from "../helpers/card-checks.js";

const loaded = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const { knowledge } = loaded;
const core = createCore({ knowledge });
const ctx = buildContext(knowledge);
const ask = (text: string) => {
  const card = core.answer({ text });
  expectValidCard(card, knowledge);
  return card;
};
const read = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q));

describe("wordings that read as what they ask", () => {
  it("the pack with its own sum of money stays valid", () => {
    expect(validateKnowledge(loaded)).toEqual([]);
  });

  it("a summing word after 'than' describes the yardstick: no sum is asked", () => {
    expect(read("Which grower runs more orchards than Pearfield and Cidermill put together?").sum).toBe(
      false,
    );
    expect(read("Which grower alone exceeds Pearfield and Cidermill combined in orchards?").sum).toBe(false);
    expect(read("How many hectares did Applewood, Pearfield and Cidermill plant together?").sum).toBe(true);
  });

  it("a share of a total asks for the share, not for a sum", () => {
    expect(read("Southland's harvest as a share of total world apple tonnes?").sum).toBe(false);
    expect(read("How many tonnes did Northland and Southland grow in total?").sum).toBe(true);
  });

  it("asked for a year, answers only with a fact stating one, not a span of years", () => {
    const card = ask("In what year did Northland grow 4.2 million tonnes of apples?");
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("last year");
    // "within five years" is a span: no year.
    expect(ask("In what year will Southland close the gap?").kind).toBe("not_found");
    expect(ask("When will Southland close the gap?").kind).toBe("answer");
  });

  it("asked for a worth in its unit of money, does not answer with a worth stated in words", () => {
    expect(ask("how much is Applewood worth?").citations[0]?.factId).toBe("applewood-market-value");
    expect(ask("whats Applewood's market value in crowns?").kind).toBe("not_found");
  });

  it("reads a word typed without one of its letters as the longer word, on a tie with a shorter one", () => {
    // "harvestr" is one letter from "harvester" and from "harvest": a typist drops letters more often.
    expect(ctx.retriever.known("harvest") && ctx.retriever.known("harvester")).toBe(true);
    expect(ctx.retriever.correct("harvestr")).toBe("harvester");
  });

  it("words that frame a request name nothing the answer must match", () => {
    expect(read("explain the machinery lag").content).not.toContain("explain");
    expect(read("how is Southland trying to catch up, given the machinery lag?").content).not.toContain(
      "try",
    );
  });

  it("asked one side's share, does not quote a sentence holding the other side's curated share", () => {
    expect(ask("What share of the world pear market does Northland hold?").citations[0]?.factId).toBe(
      "northland-pear-share",
    );
    expect(ask("What share of the world pear market does Southland hold?").kind).toBe("not_found");
  });

  it("answers a claim in words in the source's own words too, and a figure by its claim alone", () => {
    const card = ask("Which harvesters serve small farms?");
    expect(card.citations[0]?.factId).toBe("small-farm-harvesters");
    expect(card.headline).toContain("In the source's words: “the X7 and the X5 serve small farms”.");
    expect(ask("how fast is the Harvester X9?").headline).not.toContain("source's words");
  });

  it("asked whose a figure is ('according to whose statistics'), answers with a fact that says whose", () => {
    const q = "According to whose statistics is Southland's share of the world apple market 8%?";
    expect(read(q).asksSource).toBe(true);
    expect(read(q).content).not.toContain("statistic");
    expect(ask(q).citations[0]?.factId).toBe("southland-market-share");
    // The material gives Northland's share on no one's authority: whose it is, it does not say.
    expect(ask("What is the source of the data on Northland's share of the world apple market?").kind).toBe(
      "not_found",
    );
    expect(ask("What is Northland's share of the world apple market?").citations[0]?.factId).toBe(
      "northland-market-share",
    );
  });

  it("reads a maker's products asked for with the maker's name between ('which X products…'), in Chinese too", () => {
    for (const q of [
      "Which Pearfield products does the report mention?",
      "which Pearfield products are named?",
      "报告提到了Pearfield的哪些产品？",
    ])
      expect(readIntent(ctx, q), q).toMatchObject({ type: "entity", name: "Pearfield" });
  });

  it("does not read a question on products naming a company that makes none as asking for its products", () => {
    // Applewood grows apples; the pack gives it no product of its own.
    expect(readIntent(ctx, "Which products does Applewood expect growers to buy?").type).not.toBe("entity");
    expect(readIntent(ctx, "Which products does Pearfield expect growers to buy?")).toMatchObject({
      type: "entity",
      name: "Pearfield",
    });
  });

  it("/compare with a measure beside the names that neither side's facts speak of is not in the material", () => {
    const card = ask("/compare Applewood vs Pearfield profits");
    expect(card.kind).toBe("not_found");
    expect(card.headline).toContain("profits");
    expect(ask("/compare Applewood vs Pearfield market value").kind).toBe("compare");
    expect(ask("/compare Applewood vs Pearfield").kind).toBe("compare");
  });

  it("asked for a person's company the knowledge relates to them none of, says the material does not name it", () => {
    for (const q of [
      "What is Mara Quill's company called?",
      "What's the name of Professor Quill's firm?",
      "Mara Quill创办的公司叫什么？",
    ]) {
      const card = ask(q);
      expect(card.kind, q).toBe("not_found");
      expect(card.headline, q).toContain("does not name Mara Quill's company");
    }
    expect(ask("Who is Mara Quill?").kind).toBe("answer");
  });

  it("asked who beats one side's whole, answers with the other side's fact that sets it against that side", () => {
    for (const q of [
      "Who picks more apples than all Southland growers put together?",
      "Which company picks more apples than all Southland growers put together?",
    ])
      expect(ask(q).citations[0]?.factId, q).toBe("applewood-beats-southland");
    // A count asked of one side is still not the other side's figure.
    expect(ask("How many hectares did Southland plant this year?").kind).toBe("not_found");
  });

  it("a relative time named as the baseline of a change ('vs last year') is not the time asked for", () => {
    expect(read("How much did the three big growers' planting grow vs last year?").when).toBe(-1);
    expect(read("How much did the planting grow compared with the previous year?").when).toBe(-1);
    expect(read("How many tonnes did Southland grow last year?").when).toBeGreaterThanOrEqual(0);
  });

  it("reads 'A's verdict on B' as asking what A said about B", () => {
    const q = "What is the Fruit Board's verdict on Southland's share of the world apple market?";
    expect(read(q).speakers).toEqual(["fruit-board"]);
    expect(read(q).content).not.toContain("verdict");
    expect(ask(q).citations[0]?.factId).toBe("southland-market-share");
  });

  it("asked the state before a restriction, does not answer with a fact of the time after", () => {
    expect(ask("What was Southland's share of the world apple market before the export ban?").kind).toBe(
      "not_found",
    );
    expect(ask("What is Southland's share of the world apple market?").kind).toBe("answer");
  });

  it("asked a member's share of its group's total, does not answer with the group's own figure", () => {
    expect(ask("What is Applewood's share of the three big growers' hectares?").kind).toBe("not_found");
    expect(ask("How many hectares did the three big growers plant?").citations[0]?.factId).toBe(
      "growers-hectares",
    );
  });

  it("reads a question about money as one though the material's word was put in for the asker's", () => {
    const q = "How much did Pearfield fund the Harvester X9?";
    const typed = "How much did Pearfield pay for the Harvester X9?";
    expect(readQuestion(ctx, q, ctx.finder.mentions(q), typed).money).toBe(true);
    expect(read(q).money).toBe(false);
    // A GDP is a measure: asked for, a figure is wanted.
    expect(read("What's the GDP of Eastland?").quantitative).toBe(true);
  });

  it("reads a word one letter from a word of a name as that name misspelt", () => {
    expect(ask("what did Mara Quil say?").citations.map((c) => c.factId)).toContain("quill-close-gap");
    // Read as Pearfield, the rule for a worth stated only against another's applies.
    expect(ask("What is Pearfeild's market value?").kind).toBe("not_found");
  });

  it("reads a model number one digit from a one-word name as another product, not a typo", () => {
    const chip = (id: string, name: string): Entity =>
      ({ id, kind: "chip", name, aliases: [], related: [], members: [] }) as unknown as Entity;
    const finder = new EntityFinder([chip("gx300", "GX300"), chip("orchardia", "Orchardia")]);
    expect(finder.mentions("how fast is the GX300?").map((m) => m.entity.id)).toEqual(["gx300"]);
    expect(finder.mentions("how fast is the GX400?")).toEqual([]);
    // A word with no digit one letter off is still the name misspelt.
    expect(finder.mentions("how fast is Orchadia?").map((m) => m.entity.id)).toEqual(["orchardia"]);
  });

  it("asked a sum of money, does not quote a sentence whose curated figures are no money, whatever its words", () => {
    expect(ask("How much did Applewood invest in its packing line?").kind).toBe("not_found");
    expect(ask("How fast is Applewood's packing line?").citations[0]?.factId).toBe("applewood-packing-line");
  });

  it("does not give a group's figure to a company related to one of its members", () => {
    expect(ask("How much land did Applewood Holding plant?").kind).toBe("not_found");
    expect(ask("How many hectares did the three big growers plant?").citations[0]?.factId).toBe(
      "growers-hectares",
    );
  });

  it("reads money and a share's phrase in Chinese", () => {
    expect(read("Gleaner 2的价格是多少？").money).toBe(true);
    expect(read("南国占世界苹果市场的份额是多少？").shareOf.length).toBeGreaterThan(0);
  });

  it("a question offering both of two opposites ('upstream or downstream?') sets neither against a fact", () => {
    expect(read("Are Applewood's orchards upstream or downstream?").opposites).toEqual([]);
    expect(read("Are Applewood's orchards upstream?").opposites.map(([asked]) => asked)).toEqual([
      "upstream",
    ]);
  });

  it("'per the report' says whose the figure is: it asks no rate, and the figure answers", () => {
    expect(
      read("How many tonnes of apples did Southland grow last year, per the report?").per,
    ).toBeUndefined();
    expect(read("How many crates does the X9 pick per hour?").per).toBe("hour");
    const card = ask("How many tonnes of apples did Southland grow last year, per the report?");
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("1.4 million tonnes");
  });

  it("words asking for some of a list ('name a few of the …', 'several') name nothing the answer must match", () => {
    expect(read("Name a few of the machines in Pearfield's X-line").content).not.toContain("few");
    expect(read("Name several machines in the X-line").content).toEqual(
      read("Machines in the X-line").content,
    );
  });

  it("a value asked by its unit of money alone ('A's market value in crowns?') asks for a sum, not words", () => {
    expect(read("Applewood market value in crowns?").money).toBe(true);
    expect(read("Applewood market value?").money).toBe(false);
    const card = ask("Applewood market value in crowns?");
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("most valuable");
  });
});
