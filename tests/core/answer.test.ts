import { describe, expect, it } from "vitest";
import type { Card } from "../../src/core/card.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { onlySources } from "../../src/knowledge/only-sources.js";

/**
 * The first article's knowledge, as `--source compute-gap-article` serves it: these tests are of its content
 * (what it names, what it leaves out), which a second source must not change.
 */
const firstArticle = () => onlySources(readKnowledge().knowledge, ["compute-gap-article"]);

import { expectValidCard } from "../helpers/card-checks.js";

/** A miss answers nothing: it may cite what the material says nearby, but only as "Nearby" fields. */
function expectHonestMiss(card: Card): void {
  const nearby = new Set(card.fields.filter((f) => f.label.startsWith("Nearby")).map((f) => f.factId));
  for (const c of card.citations) expect(nearby.has(c.factId)).toBe(true);
}

const { knowledge } = readKnowledge(new URL("../fixtures/mini-knowledge", import.meta.url).pathname);
const core = createCore({ knowledge });
const ask = (text: string) => {
  const card = core.answer({ text });
  expectValidCard(card, knowledge);
  return card;
};

describe("gap", () => {
  it("leads with both sides' figures and a ratio computed from them, marked as computed", () => {
    const card = ask("/gap compute");
    expect(card.kind).toBe("gap");
    expect(card.headline).toMatch(/^US 2400 EFLOPS vs China 1053 EFLOPS: about 2\.3×/);
    expect(card.headline).toContain("computed");
    expect(card.headline).toContain("CAICT");
    const row = card.comparison?.rows[0];
    expect(row?.ratio).toMatchObject({ derived: true, display: "2.3×", inputs: "2,400 / 1,053" });
    expect(row?.ratio?.value).toBeCloseTo(2400 / 1053, 6);
    expect(card.citations.slice(0, 2).map((c) => c.factId)).toEqual(["us-compute", "china-compute"]);
  });

  it("reads a Chinese gap question", () => {
    expect(ask("中美算力差距").headline).toMatch(/^US 2400 EFLOPS vs China 1053 EFLOPS/);
  });

  it("with no topic, lists the topics", () => {
    const card = ask("/gap");
    expect(card.fields.map((f) => f.label)).toEqual(["/gap compute", "/gap models"]);
  });

  it("given an unknown topic, says so and offers the topics", () => {
    const card = ask("/gap weather");
    expect(card.kind).toBe("not_found");
    expect(card.suggestions.map((s) => s.command)).toContain("/gap compute");
  });
});

describe("chip and model", () => {
  it("answers /chip 910B with its cited figure", () => {
    const card = ask("/chip 910B");
    expect(card.kind).toBe("chip");
    expect(card.title).toBe("Ascend 910B");
    expect(card.headline).toContain("640 TOPS");
    expect(card.citations[0]?.paragraph).toBe(52);
  });

  it("given a typo'd chip name, answers for the closest chip", () => {
    expect(ask("/chip Ascnd 910b").title).toBe("Ascend 910B");
  });

  it("given a chip that is not in the material, says so and cites nothing", () => {
    const card = ask("/chip M3 Max");
    expect(card.kind).toBe("not_found");
    expect(card.headline).toContain("M3 Max");
  });

  it("answers a model by its Chinese-side name with hyphens", () => {
    expect(ask("/model DeepSeek-V4-Pro").headline).toContain("1.6 trillion");
  });
});

describe("compare", () => {
  it.each([
    ['/compare Mythos "DeepSeek V4 Pro"'],
    ["/compare Mythos vs DeepSeek V4 Pro"],
    ["/compare Mythos, DeepSeek V4 Pro"],
    ["/compare Mythos DeepSeek V4 Pro"],
    ["Mythos vs DeepSeek V4 Pro"],
  ])("%s: both figures and their computed ratio", (q) => {
    const card = ask(q);
    expect(card.kind).toBe("compare");
    expect(card.headline).toContain("10 trillion");
    expect(card.headline).toContain("1.6 trillion");
    const row = card.comparison?.rows[0];
    expect(row?.ratio?.value).toBeCloseTo(6.25, 6);
    expect(row?.ratio?.inputs).toBe("10 trillion / 1.6 trillion");
  });

  it("never invents a figure for a side that has none", () => {
    const card = ask("/compare 910B vs A100");
    expect(card.comparison?.rows.every((r) => r.right.value === null && r.right.display === "—")).toBe(true);
    expect(card.headline).toContain("A100");
  });

  it("given one unknown side, says which one", () => {
    const card = ask("/compare Mythos vs GPT-9");
    expect(card.kind).toBe("not_found");
    expect(card.headline).toContain("GPT-9");
  });
});

describe("ask", () => {
  it("answers a question with the fact that carries the figure", () => {
    const card = ask("How many GPUs does Meta plan to deploy by the end of 2026?");
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("1.2 million");
    expect(card.citations[0]?.paragraph).toBe(21);
  });

  it("prefers the fact whose unit the question asks for", () => {
    expect(ask("What did Mythos cost to train?").headline).toContain("$10 billion");
    expect(ask("How many parameters does Mythos have?").headline).toContain("10 trillion");
  });

  it("answers in Chinese", () => {
    expect(ask("华为昇腾910B的算力是多少").headline).toContain("640");
  });

  it.each([
    "What is the weather in Paris tomorrow?",
    "Who won the 2022 World Cup?",
    "What is the capital of France?",
    "Tell me a joke",
    "How tall is Mount Everest?",
    "best pizza in New York",
    "Explain quantum entanglement",
    "What is Apple's revenue?",
    "How do I reset my password?",
    "明天北京天气怎么样",
    "asdfghjkl qwertyuiop",
    "Who is the president of France?",
  ])("out of scope: %s → not in the material, nothing cited", (q) => {
    const card = ask(q);
    expect(card.kind).toBe("not_found");
    expectHonestMiss(card);
  });
});

describe("source, help and bad input", () => {
  it("/source N gives paragraph N verbatim", () => {
    const card = ask("/source 24");
    expect(card.kind).toBe("source");
    expect(card.passage?.text).toBe(knowledge.paragraphs.get("compute-gap-article")?.[23]);
  });

  it("/source fact-id gives the quote in its paragraph", () => {
    const card = ask("/source mythos-parameters");
    expect(card.citations[0]).toMatchObject({ paragraph: 4, factId: "mythos-parameters" });
  });

  it("/source of something that does not exist is an honest miss", () => {
    expect(ask("/source 999").kind).toBe("not_found");
    expect(ask("/source no-such-fact").kind).toBe("not_found");
  });

  it("/help lists every command with an example", () => {
    const labels = ask("/help").fields.map((f) => f.label.split(" ")[0]);
    expect(labels).toEqual(["/gap", "/chip", "/model", "/compare", "/ask", "/source", "/help"]);
  });

  it("an unknown slash command gets help, not a guess", () => {
    const card = ask("/weather Paris");
    expect(card.kind).toBe("help");
    expect(card.headline).toContain("/weather");
  });

  it("too long input gets a polite card, never a truncated answer", () => {
    const card = ask(`How many GPUs does Meta have? ${"really ".repeat(100)}`);
    expect(card.kind).toBe("error");
    expect(card.headline).toContain("500");
    expectHonestMiss(card);
  });

  it("takes structured commands from the platforms as well as text", () => {
    expect(core.answer({ command: "chip", args: { name: "910B" } }).headline).toContain("640");
    expect(
      core.answer({ command: "compare", args: { first: "Mythos", second: "DeepSeek V4 Pro" } }).kind,
    ).toBe("compare");
    expect(core.answer({ command: "gapbot" }).kind).toBe("help");
  });

  it("answers the same question the same way every time", () => {
    for (const q of ["/gap compute", "How many GPUs will Meta deploy?", "/chip Ascnd 910b", "weather"]) {
      expect(core.answer({ text: q })).toEqual(core.answer({ text: q }));
    }
    expect(createCore({ knowledge }).answer({ text: "/compare US vs China" })).toEqual(
      core.answer({ text: "/compare US vs China" }),
    );
  });
});

describe("ask, over the shipped knowledge", () => {
  const shipped = firstArticle();
  const full = createCore({ knowledge: shipped });

  it("reads 'view', 'opinion' and 'think' as asking what that source says", () => {
    for (const q of ["What is Morgan Stanley's view?", "What does Morgan Stanley think?"]) {
      const card = full.answer({ text: q });
      expectValidCard(card, shipped);
      expect(card.headline, q).toContain("$1.1 trillion");
      expect(card.citations[0]?.paragraph, q).toBe(22);
    }
    expect(full.answer({ text: "What is Kai-Fu Lee's opinion on the gap?" }).headline).toContain("15 months");
  });

  it("reads misspelt words as the words the material uses", () => {
    expect(full.answer({ text: "how many paramters does mythos have" }).headline).toContain("10 trillion");
    expect(full.answer({ text: "how many develpers does CUDA have" }).headline).toContain("4 million");
    expect(full.answer({ text: "how much did mythos cost to trian" }).headline).toContain("$10 billion");
  });

  it("reads a question about growth as asking for the rate, and one about the sum as asking for money", () => {
    expect(full.answer({ text: "How much did US tech capex grow?" }).headline).toContain("77%");
    expect(full.answer({ text: "资本开支同比增长多少" }).headline).toContain("77%");
    expect(full.answer({ text: "How much is US capex?" }).headline).toContain("$725 billion");
  });

  it("still refuses a view the material has nothing on", () => {
    expect(full.answer({ text: "What is the view from the Eiffel Tower?" }).kind).toBe("not_found");
  });
});

describe("honest misses near the material, over the shipped knowledge", () => {
  const shipped = firstArticle();
  const full = createCore({ knowledge: shipped });
  const answer = (q: string) => {
    const card = full.answer({ text: q });
    expectValidCard(card, shipped);
    return card;
  };

  it.each([
    ["How many parameters does GPT-5 have?", "GPT-5"],
    ["How many H20 chips did China buy?", "H20"],
    ["What about the RTX4090?", "RTX4090"],
  ])("names a product the material never mentions: %s", (q, product) => {
    const card = answer(q);
    expect(card.kind).toBe("not_found");
    expect(card.headline).toContain(`does not mention ${product}`);
    expectHonestMiss(card);
  });

  it.each([
    ["How much electricity do US data centers use?", "electricity"],
    ["What is the US share of AI researchers?", "researchers"],
  ])(
    "says what is not measured when the thing asked for is a word the material never uses: %s",
    (q, word) => {
      const card = answer(q);
      expect(card.kind).toBe("not_found");
      expect(card.headline).toContain(`no figures on ${word}`);
      expectHonestMiss(card);
    },
  );

  it("still answers a measured thing written another way, or misspelt", () => {
    expect(answer("how much money does meta invest").headline).toContain("$145 billion");
    expect(answer("how many paramters does mythos have").headline).toContain("10 trillion");
  });

  it("names a person the material never mentions by the whole name typed", () => {
    expect(answer("What did Sam Altman say about China?").headline).toContain("does not mention Sam Altman.");
  });

  it("reads a model number as a name, never as a typo of another, and a maker's misspelt name as the maker", () => {
    const c910 = answer("/chip 910C");
    expect(c910.kind).toBe("not_found");
    expect(c910.headline).toContain("Did you mean Huawei Ascend 910B");
    expect(answer("/chip Siyaun 690").title).toBe("Cambricon Siyuan 690");
    // "Nvdia" is Nvidia misspelt, not the first of Nvidia's chips.
    expect(answer("/chip Nvdia").title).toBe("Nvidia");
  });

  it("knows a product the material names, in the plural too", () => {
    expect(answer("Which chips are the A100s and H100s?").headline).not.toMatch(/does not mention/);
    expect(answer("How much stronger is the GB300?").headline).toContain("30%");
  });

  it.each([
    // Named, but every fact about the question's subject is about someone else.
    "How much did Google spend on capex in 2025?",
    "What is China's capex?",
    "How many H100s does Microsoft have?",
    "Is DeepSeek V4 Pro open source?",
    // "people" is only a word of China's long name, not something any fact says.
    "How many people use DeepSeek?",
    // Money needs a sum of money; a sentence naming the H100 among "very high prices" has none.
    "What is the price of an H100?",
    "What did Nvidia earn in Q1 2026?",
    // A year the material says nothing of.
    "What will China's computing power be in 2030?",
  ])("refuses rather than answer with a neighbouring fact: %s", (q) => {
    const card = answer(q);
    expect(card.kind).toBe("not_found");
    expectHonestMiss(card);
  });
});

describe("a thing the material names without figures, over the shipped knowledge", () => {
  it("leads with what the naming quote says, says it has no figures, and cites that quote", () => {
    const shipped = firstArticle();
    const card = createCore({ knowledge: shipped }).answer({ text: "海光DCU" });
    expectValidCard(card, shipped);
    expect(card.title).toBe("Hygon DCU");
    // The line names the product as the material does (the Shensuan 2), not a bare "no figures".
    expect(card.headline).toContain("Hygon's DCU Shensuan 2");
    expect(card.fields.map((f) => f.value)).toContain("Named, with no figures about it.");
    expect(card.citations[0]?.paragraph).toBe(51);
    expect(card.citations[0]?.quote).toContain("Haiguang DCU");
  });
});

describe("compare with one side missing, over the shipped knowledge", () => {
  const shipped = firstArticle();
  const full = createCore({ knowledge: shipped });

  it("asks for the other side and offers comparisons with figures in common", () => {
    const card = full.answer({ text: "/compare Mythos" });
    expectValidCard(card, shipped);
    expect(card.headline).toMatch(/^Compare Claude Mythos with what\?/);
    expect(card.suggestions[0]?.command).toBe("/compare Claude Mythos vs DeepSeek V4 Pro");
    expectHonestMiss(card);
  });

  it("reads a company compared with a model as the company's model with figures in common", () => {
    const card = full.answer({ text: "/compare Mythos vs DeepSeek" });
    expect(card.title).toBe("Claude Mythos vs DeepSeek V4 Pro");
    expect(card.headline).toContain("1.6 trillion");
  });

  it("reads 'US vs China data centers' as the data-center gap, and names among other words as those names", () => {
    const card = full.answer({ text: "/compare US vs China data centers" });
    expect(card.kind).toBe("gap");
    expect(card.headline).toContain("5,427");
    expect(full.answer({ text: "/compare Mythos params vs DeepSeek V4 Pro" }).title).toBe(
      "Claude Mythos vs DeepSeek V4 Pro",
    );
    // A side that names nothing is still said to be missing, with no made-up suggestion.
    expect(full.answer({ text: "/compare foo vs bar" }).suggestions.map((x) => x.label)).not.toContainEqual(
      expect.stringMatching(/^Did you mean/),
    );
  });

  it("with no figure in common, states what each side's material says of the same kind of thing", () => {
    const card = full.answer({ text: "/compare GLM Image vs RoboBrain 2.5" });
    expectValidCard(card, shipped);
    // Each model's training hardware, side by side, not one's release beside the other's hardware.
    expect(card.headline).toContain("Atlas 800T A2");
    expect(card.headline).toContain("MTT S5000");
    expect(card.citations.slice(0, 2).map((c) => c.paragraph)).toEqual([58, 59]);
    // Figures first where both sides have some.
    expect(full.answer({ text: "/compare CAISI vs Kai-Fu Lee" }).headline).toMatch(/8 months.*15 months/);
  });

  it("reads a side named only by its country's words ('domestic GPUs') as that country's side", () => {
    const card = full.answer({ text: "/compare Nvidia vs domestic GPUs" });
    expectValidCard(card, shipped);
    expect(card.headline).toMatch(/68%.*less than 4%/);
    expect(card.citations[0]?.paragraph).toBe(49);
  });

  it("reads /source with a number past the last paragraph, or a percentage, as a figure", () => {
    const card = full.answer({ text: "/source 5427" });
    expect(card.kind).toBe("source");
    expect(card.citations[0]?.paragraph).toBe(23);
    expect(full.answer({ text: "/source 68%" }).citations[0]?.paragraph).toBe(49);
    expect(full.answer({ text: "/source 80" }).kind).toBe("not_found");
  });

  it("given no names at all, shows how to compare", () => {
    expect(full.answer({ text: "/compare" }).headline).toMatch(/^Name two things to compare/);
  });
});

describe("words beyond the command's own, over the shipped knowledge", () => {
  const shipped = firstArticle();
  const answer = (text: string) => {
    const card = createCore({ knowledge: shipped }).answer({ text });
    expectValidCard(card, shipped);
    return card;
  };

  it("/gap <topic> <words> leads with the topic's fact those words ask for, and keeps the topic's figures", () => {
    const growth = answer("/gap capex growth");
    expect(growth.kind).toBe("gap");
    expect(growth.headline).toContain("77%");
    expect(growth.citations[0]?.factId).toBe("us-capex-growth");
    expect(growth.fields.some((f) => f.value.includes("725"))).toBe(true);
    // The topic alone still leads with its headline figure.
    expect(answer("/gap capex").headline).toContain("$725 billion");
    expect(answer("/gap capex 2027").headline).toContain("$1.1 trillion");
  });

  it("a comparison in words says as much of what the material says of both as the line holds", () => {
    const card = answer("/compare GB300 vs Cambricon Siyuan 690");
    expect(card.kind).toBe("compare");
    expect(card.headline).toContain("30%");
    expect(card.headline).toContain("Siyuan 690");
    expect(card.headline.length).toBeLessThanOrEqual(240);
  });

  it("a model with no figures gets more than one thing the material says of it", () => {
    const card = answer("/model GLM Image");
    expect(card.headline).toContain("open-sourced");
    expect(card.headline).toContain("Atlas 800T A2");
  });

  it.each([
    ["Meta计划部署多少GPU", "1.2 million"],
    ["黄仁勋怎么评价中国芯片", "praised the progress of Chinese semiconductors"],
    ["豆包采购多少芯片", "50,000"],
  ])("reads everyday Chinese verbs (plan, praise, buy) as the English ones: %s", (q, expected) => {
    expect(answer(q).headline).toContain(expected);
  });

  it("sets aside a name the question sets aside ('besides OpenBSD, where else…')", () => {
    const card = answer("Besides OpenBSD, where else did Mythos find vulnerabilities?");
    expect(card.headline).toContain("FFmpeg");
    expect(answer("Apart from Nvidia, who has a share of the GPU server market?").headline).not.toMatch(
      /Nvidia at/,
    );
  });

  it("refuses a question whose asked-for thing the material never names, and a year the sentence lacks", () => {
    for (const q of [
      "What process node does TSMC use for the GB300?",
      "What is Meta's forecast capital expenditure for 2027?",
    ]) {
      const card = answer(q);
      expect(card.kind, q).toBe("not_found");
      expect(card.citations, q).toEqual([]);
    }
    // A unit word is no unknown thing: "by what percentage" asks for a %.
    expect(answer("By what percentage did big tech capex grow year on year?").headline).toContain("77%");
  });

  it("a maker asked for as a chip or a model leads with its products and lists them", () => {
    const card = answer("/chip Cambricon");
    expect(card.title).toBe("Cambricon");
    expect(card.headline).toContain("Siyuan");
    expect(card.fields.find((f) => f.label === "Chips in the material")?.value).toContain(
      "Cambricon Siyuan 690",
    );
    expect(answer("/model Zhipu").fields.find((f) => f.label === "Models in the material")?.value).toBe(
      "GLM-Image",
    );
    // Asked in words, in English or Chinese, the maker's products lead by name.
    for (const q of [
      "Which chips does Cambricon make?",
      "寒武纪有哪些AI芯片？",
      "What are Cambricon's chips called?",
      "What is the name of Cambricon's chip?",
      "寒武纪的芯片叫什么？",
    ]) {
      const byName = answer(q);
      expect(byName.title, q).toBe("Cambricon");
      expect(byName.headline, q).toMatch(
        /^Cambricon's chips in the material: .*Siyuan 370.*Siyuan 590.*Siyuan 690\./,
      );
    }
  });

  it("says what the source calls a thing when the quote uses another name than the line", () => {
    expect(answer("MetaX").footer).toMatch(/The source writes “Muxi Shares” for MetaX, /);
    expect(answer("Iluvatar CoreX").footer).toContain("“Tiantian Zhixin” for Iluvatar CoreX");
    // A mere spelling difference is no other name.
    expect(answer("/model GLM Image").footer).not.toContain("The source writes");
  });

  it.each([
    "Roughly what multiple of China's compute scale does the US have?",
    "How many times larger is US compute?",
    "美国算力是中国的几倍",
  ])("reads a ratio asked in words as the topic's gap: %s", (q) => {
    const card = answer(q);
    expect(card.kind).toBe("gap");
    expect(card.title).toBe("China–US gap: Computing power");
    expect(card.citations[0]?.paragraph).toBe(24);
  });

  it("reads Washington and Beijing as the two governments", () => {
    expect(answer("On what grounds did Washington cut off access to Mythos?").headline).toContain(
      "national security",
    );
  });

  it("prefers the fact about every thing named to one about some of them", () => {
    // Musk on X: his posts there, not the line that names him among others who praised Chinese AI.
    expect(answer("马斯克在X上怎么评价中国AI？").citations[0]?.paragraph).toBe(33);
  });

  it("reads 'what is it called' as a question of what a thing is, in Chinese too", () => {
    for (const q of ["海光 DCU 的型号叫什么", "What is the Hygon DCU called?"])
      expect(answer(q).headline, q).toContain("Shensuan 2");
  });

  it("notes the source's own spelling of a name the line writes otherwise, the speaker's from the paragraph, in the footer", () => {
    const share = answer("What share of the global GPU server market does Nvidia have?");
    expect(share.footer).toContain("“Jibang Consulting” for TrendForce");
    const rally = answer("Which Chinese hard-tech name led the domestic rally this year?");
    expect(rally.footer).toContain("“Cambrian” for Cambricon");
    // Never inside the headline, where it would sit between one claim and the next.
    for (const card of [share, rally]) expect(card.headline).not.toMatch(/in the source|The source writes/);
  });

  it.each([
    // One of a group: the big four's capex is not Microsoft's.
    "How much did Microsoft alone spend on capex this year?",
    // A product's share: Chinese makers' share as a whole is not the Ascend's.
    "What is Huawei Ascend's market share in China's GPU server market?",
    // A sum in a currency the material never gives.
    "What was Innolight's market cap in yuan when it passed Kweichow Moutai?",
    // A market value, where the material only says the stock rallied.
    "What was Biren's market capitalization after its IPO?",
  ])("refuses a figure that belongs to something else than what is asked: %s", (q) => {
    const card = answer(q);
    expect(card.kind).toBe("not_found");
    expectHonestMiss(card);
  });

  it("reads 'alone' as said of the name it follows, not of the one a 'whose' asks for", () => {
    const card = answer("Whose GPU computing power alone exceeds all Chinese AI companies combined?");
    expect(card.headline).toContain("Meta");
    expect([9, 25]).toContain(card.citations[0]?.paragraph);
  });

  it("compares what is named on each side of 'compared with', never a maker with its own product", () => {
    const refused = answer(
      "How many developers does Huawei's Ascend / MindSpore ecosystem have, compared with CUDA's 4 million?",
    );
    expect(refused.kind).toBe("not_found");
    expect(refused.headline).toContain("no count of developers for Huawei Ascend");
    expectHonestMiss(refused);
    const both = answer("how many GPUs does Meta have compared with Google");
    expect(both.title).toBe("Meta vs Google");
    expect(both.headline).toContain("1.2 million");
  });

  it("answers a comparison of two figures with both, each cited", () => {
    const lags = answer(
      "How does Kai-Fu Lee's estimate of the US lead compare with CAISI's estimate for DeepSeek V4 Pro?",
    );
    expect(lags.headline).toContain("8 months");
    expect(lags.headline).toContain("15 months");
    expect(lags.citations.map((c) => c.paragraph)).toEqual(expect.arrayContaining([37, 38]));
    const capex = answer("How does this year's $725B hyperscaler capex compare with the forecast for 2027?");
    expect(capex.headline).toContain("$1.1 trillion");
    expect(capex.headline).toContain("$725 billion");
    // No comparison asked: one fact leads alone.
    expect(answer("What is the 2027 capex forecast?").headline).not.toContain("$725 billion");
  });

  it.each([
    ["Meta一年在AI上砸多少钱", "$145 billion"],
    ["四大科技巨头的capex相当于美国私人投资的多少", "13%"],
    ["寒武纪思元哪几款被列为国产替代", "Siyuan 590"],
    ["Meta到2026年底要部署多少块GPU？", "1.2 million"],
    ["Anthropic是谁带头创立的", "Dario Amodei"],
  ])("reads everyday Chinese: %s", (q, expected) => {
    expect(answer(q).headline).toContain(expected);
  });

  it("reads a swap of two letters as a typo, even of a word the index folds into another", () => {
    // "invest" is indexed as "capex"; "invset" still finds it. "Gartner" is no typo of "partner".
    expect(answer("How much does Meta invset each year in AI compute?").headline).toContain("$145 billion");
    expect(answer("/source Gartner").kind).toBe("not_found");
  });

  it("reads 'besides X, who…' as asking for the others named with X", () => {
    const card = answer("Who, besides Musk, is named as a celebrity who praised Chinese AI?");
    expect(card.headline).toContain("Jensen Huang");
    expect(card.citations[0]?.paragraph).toBe(8);
  });

  it("reads 'the gap' as the subject of what someone said, and as a figure asked for only when asked how big", () => {
    for (const q of [
      "how did Jensen Huang describe the China-US chip gap?",
      "黄仁勋说中美芯片差距只有多少",
    ]) {
      const card = answer(q);
      expect(card.headline, q).toContain("nanoseconds");
      expect(card.citations[0]?.paragraph, q).toBe(31);
    }
    expect(answer("How big is the inference gap between domestic GPUs and Nvidia?").headline).toContain(
      "15%",
    );
  });

  it("answers a message that asks two things with a fact for each, but one question naming two with one", () => {
    const two = answer(
      "what did Amazon, Microsoft, Alphabet and Meta spend on capex this year and how fast did it grow?",
    );
    expect(two.headline).toContain("$725 billion");
    expect(two.headline).toContain("77%");
    const one = answer(
      "In high-end training, which AMD chip and which Moore Threads chip does the Nvidia GB300 outperform?",
    );
    expect(one.headline).toMatch(/MI325X.*MTT40/);
    expect(one.citations[0]?.paragraph).toBe(50);
  });

  it("reads a figure set aside ('besides 4 million developers') as known, and asks for the other", () => {
    const card = answer(
      "Besides 4 million developers, how many open source models does the CUDA ecosystem have?",
    );
    expect(card.headline).toContain("hundreds of thousands");
  });

  it("reads 'which country' as asking for a country beside the one named as the setting", () => {
    const card = answer("Which country's memory chip history does the article hold up as a model for China?");
    expect(card.headline).toContain("South Korea");
    expect(card.citations[0]?.paragraph).toBe(65);
  });

  it("reads chat shorthand: a dropped g, '10T' for ten trillion, 'vulns', a price paid", () => {
    expect(answer("@gapbot how much is Meta investin per year in AI infra").headline).toContain(
      "$145 billion",
    );
    expect(answer("How many times bigger is the US 10T frontier than DeepSeek V4 Pro?").headline).toMatch(
      /6 times/,
    );
    expect(answer("Besides OpenBSD, what software did Mythos find old vulns in?").headline).toContain(
      "FFmpeg",
    );
    expect(answer("How much did Doubao pay per chip in the Iluvatar order?").kind).toBe("not_found");
  });

  it("reads a misspelt topic, and leads a claim in words with what else the material says to it", () => {
    expect(answer("/gap inferance").title).toBe("China–US gap: Inference");
    expect(answer("/gap Nvidia market value").headline).toMatch(/largest company by market value.*Germany/);
    expect(
      answer(
        "Which Claude model did Kai-Fu Lee use as the benchmark when he told the Wall Street Journal the US is ahead?",
      ).headline,
    ).toContain("Claude Fable 5");
  });

  it("reads 'what's the maker whose market value…' as asking for a name, and a figure after a chip as a figure", () => {
    expect(
      answer("What's the Chinese optical module maker whose market value briefly passed Moutai?").headline,
    ).toContain("Innolight");
    expect(answer("910B 640 TOPS - at what precision?").headline).toContain("INT8");
    expect(answer("韩国当年举国之力扶持哪个芯片产业，最终打败了日本？").citations[0]?.paragraph).toBe(65);
  });

  it("reads /compare with no name on either side as a question about two figures", () => {
    const card = answer("/compare capex this year vs 2027");
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("$1.1 trillion");
  });

  it("reads words that frame a question ('does the estimate apply') as no part of it", () => {
    expect(answer("As of when does CAICT's US-vs-China computing power estimate apply?").headline).toContain(
      "early 2025",
    );
  });

  it("reads analysts' shorthand and ratio words", () => {
    expect(answer("hyperscaler capex yoy").headline).toContain("77%");
    expect(
      answer("Per CAICT, by what multiple does US computing power exceed China's?").citations[0]?.paragraph,
    ).toBe(24);
  });

  it.each([
    ["Mythos在OpenBSD里发现了一个多少年没人发现的漏洞", "27 years"],
    ["谁说的 生态好的话60%的性能也能用", "Zheng Weimin"],
    ["国产gpu现在基本能满足政企哪类需求", "inference"],
    ["推理芯片需要具备什么特点", "low power"],
    ["OpenAI iterate 一个 4 trillion 参数的模型要多久", "one month"],
    ["美国科技巨头的资本开支相当于美国私人国内投资的百分之几", "13%"],
  ])("reads Chinese through the glossary into the material's English words: %s", (q, expected) => {
    expect(answer(q).headline).toContain(expected);
  });

  it("still refuses in Chinese what the material does not say", () => {
    for (const q of ["昇腾910B 显存多大", "文心一言有多少参数"]) expect(answer(q).kind, q).toBe("not_found");
  });

  it.each([
    // A count of GPUs needs a count of GPUs, not a sentence with some number in it.
    "How many GPUs are in xAI's Colossus 2 cluster?",
    // China's count is not the US's, though the US figure names China.
    "Exactly how many data centers does China have?",
    // Doubao buys from Iluvatar CoreX: a question about Moore Threads is not answered by it.
    "How many chips does Doubao plan to buy from Moore Threads?",
    // "US dollars" is a currency: Nvidia's market value is given in no currency.
    "What is Nvidia's market capitalization in US dollars?",
  ])("refuses a near miss that tempts with a neighbouring figure: %s", (q) => {
    const card = answer(q);
    expect(card.kind).toBe("not_found");
    expectHonestMiss(card);
  });

  it("answers what is said of a thing through its own: a maker's products, a line's members", () => {
    expect(answer("Which model did Zhipu train on Huawei Ascend chips?").headline).toContain("GLM-Image");
    expect(answer("The Ascend 910B is put on a par with which Nvidia part?").headline).toContain("A100");
    expect(answer("Kai-Fu Lee measured the US lead against which Anthropic model?").headline).toContain(
      "Claude Fable 5",
    );
  });

  it.each([
    ["hey @gapbot who is ahead in AI chips", "China–US gap: Chip supply and access"],
    ["who leads in compute?", "China–US gap: Computing power"],
    ["quick question: which country is ahead in data centers", "China–US gap: Data centers"],
    ["who is ahead?", "United States vs China"],
  ])("reads 'who is ahead in X' as X's gap, after any greeting: %s", (q, title) => {
    expect(answer(q).title).toBe(title);
  });

  it("answers how far ahead the US is with the time lag, which belongs to both sides", () => {
    expect(answer("How far ahead is the US in models?").headline).toContain("15 months");
  });

  it("reads partner and collaborate as one", () => {
    expect(answer("who did zhipu partner with for glm image").headline).toContain("Huawei");
  });

  it("answers 'what share' with a share, not with the figure the asker already gave", () => {
    for (const q of [
      "Google's 5 million H100-equivalents amount to what share of global AI compute?",
      "Google supposedly has 5 million H100-equivalents of compute. What share of the global total is that?",
    ]) {
      const card = answer(q);
      expect(card.headline, q).toContain("1/4");
      expect(card.citations[0]?.paragraph, q).toBe(21);
    }
  });

  it("answers what a source's data shows in words, though it names a measure", () => {
    const card = answer(
      "What does Epoch AI data show about the share of high-end AI chips shipped to Chinese companies?",
    );
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("continued to decline");
    expect(card.citations[0]?.paragraph).toBe(28);
  });

  it("reads 'in the article' (在文中) as no part of a question about a thing's name", () => {
    const card = answer("海光的DCU在文中叫什么名字？");
    expect(card.title).toBe("Hygon DCU");
    expect(card.headline).toContain("Shensuan 2");
  });

  it("reads who is asking ('journalist here:') and chat shorthand ('on par wth') as no part of the question", () => {
    expect(answer("Analyst here: how many GPUs will Meta deploy by end of 2026?").headline).toContain(
      "1.2 million",
    );
    expect(answer("what nvidia chip is the 910B on par wth").headline).toContain("A100");
  });

  it("answers a question about a line of chips through its members, in the words users type", () => {
    for (const q of [
      "cambricon siyuan models listed as domestic substitutes?",
      "Which Cambricon Siyuan chips came out under the domestic substitution push?",
    ]) {
      const card = answer(q);
      expect(card.headline, q).toContain("Siyuan 590");
      expect(card.citations[0]?.paragraph, q).toBe(51);
    }
    expect(answer("which Cambricon chip does the GB300 beat").headline).toContain("Siyuan 690");
    expect(answer("How fast is the Huawei Ascend 910B").headline).toContain("640 TOPS");
  });

  it.each([
    ["Ascend 910C TOPS?", "Ascend 910C"],
    ["华为昇腾910C算力", "华为昇腾910C"],
    ["华为昇腾950的算力是多少?", "华为昇腾950"],
  ])("names a model number of a known line that the material never gives: %s", (q, shown) => {
    const card = answer(q);
    expect(card.kind).toBe("not_found");
    expect(card.headline).toContain(`does not mention ${shown}`);
    expectHonestMiss(card);
  });

  it("reads words about the material ('cited', 'product line') as no part of the question", () => {
    expect(answer("Which AMD product line is cited as a training chip?").headline).toContain("MI300 series");
  });
});
