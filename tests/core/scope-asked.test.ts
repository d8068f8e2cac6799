// The field a question closes on ("… in pear orchards?") says what the figure asked is of: on the synthetic orchard
// pack, a lag the material gives in one field is no answer to the lag asked in another, while a closing time,
// total or place in the text ("in a year", "in total", "in the report") names no field.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readQuestion } from "../../src/core/frames/reading.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const core = createCore({ knowledge });
const ask = (text: string) => core.answer({ text });
const ctx = buildContext(knowledge);
const scope = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q)).scope;

describe("the field a question closes on", () => {
  it("is read from a closing 'in …', names, times, totals and places in the text aside", () => {
    expect(scope("How many years does Southland lag in pear orchards?")).toEqual(["pear", "orchard"]);
    expect(scope("How many crates does the X9 pick in an hour?")).toEqual([]);
    expect(scope("How many hectares did the growers plant in total?")).toEqual([]);
    expect(scope("What does Quill say in the report?")).toEqual([]);
    expect(scope("What share of the apple market does Northland hold in Southland?")).toEqual([]);
  });

  it("keeps a lag the material gives in another field from answering", () => {
    const card = ask("How many years does Southland lag Northland in pear orchards?");
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("6 years");
  });

  it("still answers in the field the material gives", () => {
    expect(
      ask("How many years does Southland lag Northland in orchard machinery?").citations[0]?.factId,
    ).toBe("machinery-lag");
    expect(ask("How many years does Southland lag Northland?").citations[0]?.factId).toBe("machinery-lag");
  });
});
