import { describe, expect, it } from "vitest";
import { buildReport, contentWords, groupUnanswered } from "../../src/report/report.js";
import type { QuestionRow } from "../../src/storage/question-log.js";

let n = 0;
function row(over: Partial<QuestionRow>): QuestionRow {
  n++;
  return {
    id: `q${n}`,
    at: n,
    platform: "slack",
    command: "mention",
    kind: "answer",
    text: `question ${n}`,
    facts: [],
    score: null,
    up: 0,
    down: 0,
    reasons: {},
    ...over,
  };
}

describe("contentWords", () => {
  it("drops function words and folds plurals, so that two wordings of a question share their words", () => {
    expect(contentWords("How many GPUs will Google deploy?")).toEqual(["gpu", "google", "deploy"]);
    expect(contentWords("google's gpu deployment")).toContain("gpu");
  });

  it("gives Chinese as character pairs, so that a name written without spaces is shared", () => {
    expect(contentWords("华为算力")).toEqual(["华为", "为算", "算力"]);
    expect(contentWords("华为的芯片是什么")).toContain("华为");
  });
});

describe("groupUnanswered", () => {
  it("puts the questions sharing a word together, most asked first, and a lone question on its own", () => {
    const groups = groupUnanswered([
      "how much electricity do data centers use",
      "what is the weather",
      "electricity price in China",
      "electricity demand growth",
    ]);
    expect(groups[0]).toEqual({
      words: ["electricity"],
      count: 3,
      examples: [
        "how much electricity do data centers use",
        "electricity price in China",
        "electricity demand growth",
      ],
    });
    expect(groups[1]).toEqual({ words: ["weather"], count: 1, examples: ["what is the weather"] });
  });

  it("counts a repeated question once per asking, with one example", () => {
    expect(groupUnanswered(["xyzzy?", "xyzzy?"])).toEqual([
      { words: ["xyzzy"], count: 2, examples: ["xyzzy?"] },
    ]);
  });
});

describe("buildReport", () => {
  it("tallies answered and not-found rates and votes per platform and per command", () => {
    const report = buildReport(
      [
        row({ platform: "slack", command: "mention", kind: "answer", up: 2 }),
        row({ platform: "slack", command: "chip", kind: "chip", down: 1 }),
        row({ platform: "slack", command: "mention", kind: "not_found" }),
        row({ platform: "discord", command: "mention", kind: "help" }),
      ],
      0,
      1000,
    );
    expect(report.totals).toEqual({
      questions: 4,
      answered: 2,
      notFound: 1,
      answeredRate: 0.667,
      votes: { up: 2, down: 1 },
    });
    expect(report.byPlatform).toEqual([
      {
        platform: "slack",
        questions: 3,
        answered: 2,
        notFound: 1,
        answeredRate: 0.667,
        votes: { up: 2, down: 1 },
      },
      {
        platform: "discord",
        questions: 1,
        answered: 0,
        notFound: 0,
        answeredRate: null,
        votes: { up: 0, down: 0 },
      },
    ]);
    expect(report.byCommand.map((c) => [c.command, c.questions])).toEqual([
      ["mention", 3],
      ["chip", 1],
    ]);
  });

  it("lists disliked answers most 👎 first with their facts and reasons, and the lowest scores", () => {
    const report = buildReport(
      [
        row({ text: "a", facts: ["f1"], down: 1, reasons: { wrong_figure: 1 }, score: 9 }),
        row({ text: "b", facts: ["f2", "f3"], down: 3, up: 1, score: 0.5 }),
        row({ text: "c", kind: "not_found", score: null }),
        row({ text: "d", score: 2 }),
      ],
      0,
      1000,
    );
    expect(report.disliked.map((d) => [d.text, d.facts, d.votes])).toEqual([
      ["b", ["f2", "f3"], { up: 1, down: 3 }],
      ["a", ["f1"], { up: 0, down: 1 }],
    ]);
    expect(report.disliked[1]?.reasons).toEqual({ wrong_figure: 1 });
    expect(report.lowScore.map((l) => [l.text, l.score])).toEqual([
      ["b", 0.5],
      ["d", 2],
      ["a", 9],
    ]);
    expect(report.unanswered).toEqual([{ words: [], count: 1, examples: ["c"] }]);
  });

  it("given no rows, reports an empty period with no rate rather than a division by zero", () => {
    const report = buildReport([], 0, 1000);
    expect(report.totals).toEqual({
      questions: 0,
      answered: 0,
      notFound: 0,
      answeredRate: null,
      votes: { up: 0, down: 0 },
    });
    expect([report.unanswered, report.disliked, report.lowScore]).toEqual([[], [], []]);
  });
});
