// The first article's answers to questions of the kinds issue 15's blind sets found missed, over the shipped
// knowledge (both sources): content tests, kept apart from the mechanisms' tests on the made-up orchard pack.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge();
const core = createCore({ knowledge });
const ask = (text: string) => core.answer({ text });
const first = (text: string) => ask(text).citations[0]?.factId;

describe("the first article's answers", () => {
  it("states both sides' figures and the computed ratio for a comparison asked in words", () => {
    const card = ask("How much larger is US computing power than China's?");
    expect(card.headline).toContain("2,400 EFLOPS");
    expect(card.headline).toContain("1,053 EFLOPS");
    expect(card.headline).toContain("Computed: US about 2.3× China (2,400 / 1,053 EFLOPS).");
  });

  it("answers who holds a role and what a speaker concluded, in English and Chinese", () => {
    expect(ask("Who chairs iFlytek?").headline).toContain("Liu Qingfeng");
    expect(ask("谁是科大讯飞的董事长？").headline).toContain("Liu Qingfeng");
    expect(first("What did CAISI conclude about DeepSeek V4 Pro?")).toBe("deepseek-lag-8-months");
    expect(ask("What did CAICT conclude about Japan?").kind).toBe("not_found");
  });

  it("leads a claim the article assesses with its assessment", () => {
    expect(ask("who is winning the AI race?").headline).toMatch(
      /^The article treats such high praise of China's AI with suspicion\. The claim it discusses: Elon Musk/,
    );
  });

  it("names a line's other members, and abstains on a share of a thing no fact measures", () => {
    expect(first("cambricon siyuan models listed besides the 690")).toBe("domestic-chipmakers-emerged");
    expect(ask("What share of China's AI data centers run on domestic chips?").kind).toBe("not_found");
  });

  it("gives no sentence whose only number is part of a name to a question for a count", () => {
    expect(ask("How many CloudMatrix 384 systems has Huawei sold?").kind).toBe("not_found");
  });

  it("answers with the runner-up on the very thing named when the top hit misses what is asked", () => {
    expect(first("华为昇腾910B的性能如何？")).toBe("ascend-910b-640-tops");
    expect(ask("How many TOPS does the Ascend 910C deliver?").kind).toBe("not_found");
  });

  it("answers a comparison asked in Chinese whose words the glossary reads several ways (竞争对手)", () => {
    expect(first("GB300比竞争对手强多少？")).toBe("gb300-30pct-stronger");
  });

  it("answers paragraphs no fact used to carry, in the article's own words", () => {
    expect(first("what's that line about a day in AI being like a year")).toBe("intergenerational-gap-root");
    expect(first("How should China's AI field react to the praise?")).toBe("stay-clear-headed-and-calm");
    expect(
      ask("Domestic GPUs are moving from a single point breakthrough on inference to what on training?")
        .headline,
    ).toContain("gradual adaptation");
  });

  it("reads a model's name with the measure alone as asking the figure: none for a model the article gives none", () => {
    for (const q of ["/model Opus 4.6 parameters", "Opus 4.6 parameters"])
      expect(ask(q).kind, q).toBe("not_found");
    expect(ask("mythos params").headline).toContain("10 trillion");
    expect(ask("DeepSeek V4 Pro参数量").headline).toContain("1.6 trillion");
  });

  it("refuses plausible questions the article does not answer", () => {
    for (const q of [
      "What was Nvidia's market share in China before the export ban?",
      "What is Amazon's share of the big four's capex?",
      "What's the GDP of Germany?",
      "whats nvidia's market cap in dollars",
      "What's the name of Kai-Fu Lee's AI company?",
      "In what year did the US impose the chip export ban on China?",
      "/compare Hygon vs Cambricon revenue",
    ])
      expect(ask(q).kind, q).toBe("not_found");
  });

  it("answers a country held up as an example, in the words of a lesson or a precedent (vocabulary phrases)", () => {
    for (const q of [
      "Which country's semiconductor history does the article hold up as an example?",
      "Which country does the article point to as a lesson for China's chips?",
    ]) {
      const card = ask(q);
      expect(card.kind, q).toBe("answer");
      expect(card.headline, q).toContain("South Korea");
      expect(card.citations[0]?.paragraph, q).toBe(65);
    }
  });

  it("gives a chip's figure to that chip, not to the peer it is compared with (related lists its own, not peers)", () => {
    expect(ask("How many TOPS does the Nvidia A100 deliver?").kind).toBe("not_found");
    expect(ask("What is the Ascend 910B's computing power?").headline).toContain("640 TOPS");
    expect(ask("Which Nvidia chip is the 910B comparable to?").headline).toContain("A100");
  });

  it("answers who overtook whom in market value, and a terse comparison of a value with a GDP, in words", () => {
    expect(ask("Which company overtook Moutai?").citations[0]?.factId).toBe("innolight-above-moutai");
    expect(ask("Nvidia market value vs Germany GDP").citations[0]?.factId).toBe(
      "nvidia-value-above-germany-gdp",
    );
  });
});
