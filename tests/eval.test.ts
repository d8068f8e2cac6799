// The answers to the evaluation questions, graded in-process against the real knowledge with the
// grader's own pass rule: each source's public set must pass whole; our own extra set (other phrasings, typos,
// Chinese, the real names behind mistranslations, unanswerable questions) nearly so.
import { describe, expect, it } from "vitest";
import { createCore } from "../src/core/index.js";
import { readKnowledge } from "../src/knowledge/load.js";
import { expectValidCard } from "./helpers/card-checks.js";
import { failure, readQuestions } from "./helpers/grade.js";

const { knowledge } = readKnowledge();
const core = createCore({ knowledge });
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** Why each question of a set fails, graded the grader's way; every card must also be valid. */
function failures(file: string): string[] {
  return readQuestions(fixture(file)).flatMap((q) => {
    const card = core.answer({ text: q.q });
    expectValidCard(card, knowledge);
    const why = failure(q, card);
    return why ? [`${q.q} → ${why}`] : [];
  });
}

describe("evaluation questions", () => {
  it("the public set passes whole", () => {
    expect(failures("eval-public.jsonl")).toEqual([]);
  });

  it("the second source's public set passes whole, each answer cited from that source", () => {
    expect(failures("eval-public-ascend.jsonl")).toEqual([]);
  });

  it("our extra set passes at least 95%, as the held-out set must", () => {
    const missed = failures("eval-extra.jsonl");
    const total = readQuestions(fixture("eval-extra.jsonl")).length;
    expect(missed.length, missed.join("\n")).toBeLessThanOrEqual(Math.floor(total * 0.05));
  });
});
