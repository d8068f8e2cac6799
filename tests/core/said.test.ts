// A curated fact and a quoted sentence are held to one test of the time, year and side a question asks about
// (rank/said.ts): the same words pass or fail it alike, whichever of the two carries them. Orchard pack only.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { saidByFact, saidBySentence, saysWhatIsAsked } from "../../src/core/rank/said.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const ctx = buildContext(knowledge);
const read = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q));
const base = knowledge.facts[0] as Fact;

/** A fact carrying the words (and date) given, on the pack's first fact's subject. */
const factSaying = (quote: string, as_of?: string): Fact => ({
  ...base,
  quote,
  claim: quote,
  figures: [],
  ...(as_of ? { as_of } : { as_of: undefined }),
});

/** The verdict on the words as a fact and as a sentence, everything asked counted as covered. */
const verdicts = (question: string, words: string) => {
  const r = read(question);
  return [
    saysWhatIsAsked(ctx, r, saidByFact(ctx, factSaying(words)), () => 1),
    saysWhatIsAsked(ctx, r, saidBySentence(ctx, words, base), () => 1),
  ];
};

describe("one test of time, year and side for facts and sentences", () => {
  it("a year asked about must be one the words state", () => {
    expect(
      verdicts("How many tonnes did Applewood pick in 2031?", "Applewood picked 12,000 tonnes in 2031."),
    ).toEqual([true, true]);
    expect(
      verdicts("How many tonnes did Applewood pick in 2031?", "Applewood picked 12,000 tonnes in 2029."),
    ).toEqual([false, false]);
  });

  it("a code typed among the words asked must be written; a quarter or a magnitude is no code", () => {
    const asked = "How many crates an hour does the packing line fill in mode 5nx?";
    expect(verdicts(asked, "The packing line fills 40 crates an hour.")).toEqual([false, false]);
    expect(verdicts(asked, "In mode 5nx the packing line fills 40 crates an hour.")).toEqual([true, true]);
    expect(
      verdicts(
        "How many crates did Applewood pack in q1?",
        "Applewood packed 40 crates in the first quarter.",
      ),
    ).toEqual([true, true]);
  });

  it("a year is a whole number, not part of a longer one", () => {
    expect(
      verdicts("How many tonnes did Applewood pick in 2031?", "Applewood picked 120315 tonnes."),
    ).toEqual([false, false]);
  });

  it("a relative time asked is not answered by words speaking of another", () => {
    expect(
      verdicts("How many tonnes did Applewood pick last year?", "This year Applewood picked 12,000 tonnes."),
    ).toEqual([false, false]);
    expect(
      verdicts("How many tonnes did Applewood pick last year?", "Last year Applewood picked 12,000 tonnes."),
    ).toEqual([true, true]);
  });

  it("'a year earlier' and 'the year before' are last year", () => {
    for (const asked of ["a year earlier", "the year before"])
      expect(read(`How many tonnes did Applewood pick ${asked}?`).when).toBe(
        read("How many tonnes did Applewood pick last year?").when,
      );
  });

  it("'when' needs a stated time, and a time stated of what is asked", () => {
    const r = read("When did Applewood open its cold store?");
    const dated = "Applewood opened its cold store in March 2030.";
    const undated = "Applewood opened its cold store near the coast.";
    for (const said of [saidByFact(ctx, factSaying(dated)), saidBySentence(ctx, dated, base)])
      expect(saysWhatIsAsked(ctx, r, said, () => 1)).toBe(true);
    for (const said of [saidByFact(ctx, factSaying(undated)), saidBySentence(ctx, undated, base)])
      expect(saysWhatIsAsked(ctx, r, said, () => 1)).toBe(false);
    // A time stated of something else (little of the question's content covered) does not answer.
    expect(saysWhatIsAsked(ctx, r, saidBySentence(ctx, dated, base), () => 0)).toBe(false);
    // A fact's date stands for a stated time though its words give none.
    expect(saysWhatIsAsked(ctx, r, saidByFact(ctx, factSaying(undated, "2030-03")), () => 1)).toBe(true);
  });

  it("'before' needs words on the time before", () => {
    expect(
      verdicts(
        "How many tonnes did Applewood export before the ban?",
        "Applewood exported 4,000 tonnes a year.",
      ),
    ).toEqual([false, false]);
    expect(
      verdicts(
        "How many tonnes did Applewood export before the ban?",
        "Before the ban Applewood exported 4,000 tonnes a year.",
      ),
    ).toEqual([true, true]);
  });

  it("words on the opposite side, without the side asked, do not answer", () => {
    expect(
      verdicts("How many orchards are in the eastern valleys?", "The western valleys hold 300 orchards."),
    ).toEqual([false, false]);
    expect(
      verdicts("How many orchards are in the eastern valleys?", "The eastern valleys hold 300 orchards."),
    ).toEqual([true, true]);
  });

  it("the world asked for needs words on the world, unless it is what a share is of", () => {
    expect(
      verdicts("How many tonnes of apples did the world grow?", "Northland grew 4.2 million tonnes."),
    ).toEqual([false, false]);
    expect(
      verdicts(
        "How many tonnes of apples did the world grow?",
        "The world grew 60 million tonnes of apples.",
      ),
    ).toEqual([true, true]);
    expect(read("What share of the world apple market does Southland hold?").asksWorld).toBe(false);
  });
});

describe("the world asked for, on the orchard pack", () => {
  const core = createCore({ knowledge });
  it("is not answered by one country's figure", () => {
    for (const q of [
      "How many tonnes of apples did the world grow last year?",
      "global apple harvest last year",
    ]) {
      const card = core.answer({ text: q });
      expect(card.kind).toBe("not_found");
      expect(card.headline).not.toContain("4.2 million");
    }
  });

  it("still lets a share of the world's market answer", () => {
    expect(
      core.answer({ text: "What share of the world apple market does Southland hold?" }).headline,
    ).toContain("8%");
  });
});
