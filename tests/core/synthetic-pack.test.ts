// The core over a made-up subject (tests/fixtures/synthetic-pack: orchards, its own names, sides and units):
// everything it needs of the material comes from the pack's knowledge/, so it answers with no code change.
// These tests pin the mechanisms (subjects, groups, relative times, abstaining, unit hints), not any article.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";
import { expectValidCard } from "../helpers/card-checks.js";
import { misplacedLabels } from "../helpers/subject-labels.js";

const dir = new URL("../fixtures/synthetic-pack", import.meta.url).pathname;
const loaded = readKnowledge(dir);
const { knowledge } = loaded;
const core = createCore({ knowledge });
const ask = (text: string) => {
  const card = core.answer({ text });
  expectValidCard(card, knowledge);
  return card;
};

describe("a synthetic pack on another subject", () => {
  it("passes the knowledge check with its own units, sides and vocabulary", () => {
    expect(validateKnowledge(loaded)).toEqual([]);
  });

  it("compares its two sides by their own labels, with a computed ratio", () => {
    const card = ask("/gap harvest");
    expect(card.headline).toMatch(
      /^Northland 4\.2 million tonnes vs Southland 1\.4 million tonnes: about 3×/,
    );
    expect(card.title).toBe("Southland–Northland gap: Harvest");
    expect(card.comparison?.left.name).toBe("Northland");
  });

  it("reads a unit from the pack's hints and answers with the fact in it", () => {
    expect(ask("how fast is the Harvester X9?").citations[0]?.factId).toBe("harvester-x9-speed");
    expect(ask("what share of the world apple market does Southland have?").citations[0]?.factId).toBe(
      "southland-market-share",
    );
  });

  it("labels a group's figure with the group, and finds the group by its collective name", () => {
    const card = ask("how many hectares did the three big growers plant?");
    expect(card.kind).toBe("answer");
    expect(card.title).toBe("Applewood, Pearfield and Cidermill: Land planted");
  });

  it("given one member of a group, does not answer with the group's figure", () => {
    const card = ask("how many hectares did Pearfield plant?");
    expect(card.kind).toBe("not_found");
  });

  it("given a relative time the fact does not speak of, abstains", () => {
    expect(ask("how many tonnes of apples did Southland grow last year?").kind).toBe("answer");
    expect(ask("how many tonnes of apples did Southland grow this year?").kind).toBe("not_found");
  });

  it("corrects a typo in the key word from the pack's own words", () => {
    expect(ask("how many orchrds does Applewood run?").citations[0]?.factId).toBe("applewood-orchards");
  });

  it("labels an opinion with its holder", () => {
    expect(ask("what does Mara Quill think?").title).toMatch(/^Mara Quill:/);
  });

  it("abstains on what the pack does not cover", () => {
    expect(ask("what is the weather in Southland?").kind).toBe("not_found");
    expect(ask("how much did Northland earn from apples?").kind).toBe("not_found");
  });

  it("puts no figure on a subject the pack does not give it, over every card", () => {
    const things = knowledge.entities.filter((e) => e.kind !== "person" && e.kind !== "organisation");
    const cards = [
      ...knowledge.topics.map((t) => core.answer({ command: "gap", args: { topic: t.id } })),
      ...things.flatMap((a) =>
        things.map((b) => core.answer({ command: "compare", args: { first: a.name, second: b.name } })),
      ),
      ...knowledge.entities.map((e) => core.answer({ text: e.name })),
    ];
    expect(cards.flatMap((c) => misplacedLabels(knowledge, c))).toEqual([]);
  });

  it("answers a comparison asked in words with both sides' figures and their ratio, marked as computed", () => {
    for (const q of [
      "How much larger was Northland's apple harvest than Southland's?",
      "Which grew more apples, Northland or Southland?",
    ]) {
      const card = ask(q);
      expect(card.kind, q).toBe("answer");
      expect(card.headline, q).toContain("4.2 million tonnes");
      expect(card.headline, q).toContain("1.4 million tonnes");
      expect(card.headline, q).toContain(
        "Computed: Northland about 3× Southland (4.2 million / 1.4 million tonnes)",
      );
      expect(
        card.citations
          .slice(0, 2)
          .map((c) => c.factId)
          .sort(),
        q,
      ).toEqual(["northland-apples", "southland-apples"]);
    }
    expect(
      ask("Northland or Southland: which has a larger share of the world apple market?").headline,
    ).toContain("Computed: Northland about 3.8× Southland (30% / 8%)");
  });

  it("reads a short misspelt topic word as the one topic one letter away", () => {
    for (const q of ["/gap tonn", "/gap aple"])
      expect(ask(q).title, q).toBe("Southland–Northland gap: Harvest");
    expect(ask("/gap xqzv").kind).toBe("not_found");
  });

  it("reads its own side ids (sides.yaml's north and south): a country asked for speaks through its side's facts, and charts colour each side by its place", () => {
    expect(knowledge.sides.map((x) => x.id)).toEqual(["north", "south"]);
    const card = ask("how many tonnes of apples did Southland grow last year?");
    expect(card.citations[0]?.factId).toBe("southland-apples");
    // A count asked of one side is not answered by the other side's count.
    expect(ask("how many hectares did Southland plant this year?").kind).toBe("not_found");
    const chart = ask("/gap harvest").chart;
    expect(chart?.items.map((i) => [i.label, i.side])).toEqual([
      ["Northland", "first"],
      ["Southland", "second"],
    ]);
  });
});

// An answer on the wrong subject or of the wrong kind is a miss, with what the material says nearby: each kind
// below answered once with the nearest fact (or sentence) before the answer test checked it.
describe("a fact on another subject or of another kind is no answer", () => {
  it("asked what a body said of one side, does not answer with what it said of the other side", () => {
    const card = ask("What did the Fruit Board put Northland's share of the world apple market at?");
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("8%");
    expect(
      ask("What did the Fruit Board put Southland's share of the world apple market at?").headline,
    ).toContain("8%");
  });

  it("asked a figure of a country, does not take one body's figure for the country's", async () => {
    const { buildContext } = await import("../../src/core/context.js");
    const { readQuestion } = await import("../../src/core/frames/reading.js");
    const { answers, rankFacts } = await import("../../src/core/rank/rank.js");
    const ctx = buildContext(knowledge);
    const test = (q: string, id: string) => {
      const r = readQuestion(ctx, q, ctx.finder.mentions(q));
      const hit = rankFacts(ctx, r).find((h) => h.item.id === id);
      return hit !== undefined && answers(ctx, r, hit);
    };
    expect(test("How much did Northland grant growers this year?", "grower-fund-grant")).toBe(false);
    expect(test("How much did the Grower Fund grant Cidermill this year?", "grower-fund-grant")).toBe(true);
  });

  it("asked what A gave B, does not answer with what A gave C (nor with a sentence naming A alone)", () => {
    expect(ask("How much did the Grower Fund grant Cidermill this year?").citations[0]?.factId).toBe(
      "grower-fund-grant",
    );
    expect(ask("How much did the Grower Fund grant Applewood this year?").kind).toBe("not_found");
    expect(ask("What share of the world apple market does the Fruit Board give Applewood?").kind).toBe(
      "not_found",
    );
  });

  it("asked when, answers only with a fact or sentence stating a time", () => {
    expect(ask("When did Applewood come to run 35 orchards?").kind).toBe("not_found");
    const card = ask("When did Northland grow 4.2 million tonnes of apples?");
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("last year");
  });

  it("reads a year written with 年 straight after a name as a year the answer must cover", async () => {
    const { buildContext } = await import("../../src/core/context.js");
    const { readQuestion } = await import("../../src/core/frames/reading.js");
    const ctx = buildContext(knowledge);
    const q = "北国2023年收获了多少吨苹果?";
    expect(readQuestion(ctx, q, ctx.finder.mentions(q)).years).toEqual(["2023"]);
    expect(ask(q).kind).toBe("not_found");
  });

  it("asked what A is worth, does not answer with a value stated only against another's ('passed B's')", () => {
    expect(ask("how much is Pearfield worth?").kind).toBe("not_found");
    expect(ask("What is Pearfield's market value?").kind).toBe("not_found");
    expect(ask("Whose market value passed Cidermill's?").citations[0]?.factId).toBe("pearfield-value-passed");
    expect(ask("how much is Applewood worth?").citations[0]?.factId).toBe("applewood-market-value");
  });

  it("asked a measure by name ('what yield'), answers only with a fact measuring it", () => {
    expect(ask("What yield does the Harvester X9 get?").kind).toBe("not_found");
    expect(ask("What speed does the Harvester X9 reach?").citations[0]?.factId).toBe("harvester-x9-speed");
  });
});
