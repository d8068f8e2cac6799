import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readIntent, splitCompare } from "../../src/core/intent.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const ctx = buildContext(
  readKnowledge(new URL("../fixtures/mini-knowledge", import.meta.url).pathname).knowledge,
);
const type = (text: string) => readIntent(ctx, { text }).type;

describe("intent of free text", () => {
  it("a name alone is that thing's card", () => {
    expect(readIntent(ctx, { text: "Ascend 910B" })).toMatchObject({ type: "entity", name: "Ascend 910B" });
    expect(readIntent(ctx, { text: "昇腾910B" })).toMatchObject({ type: "entity", name: "Ascend 910B" });
  });

  it("a question of what or whose a thing is, is that thing's card", () => {
    for (const q of ["What is the Ascend 910B?", "Who makes the 910B?", "Which company makes Mythos?"])
      expect(readIntent(ctx, { text: q }), q).toMatchObject({ type: "entity" });
    // Anything asked about the thing beyond what it is stays a question.
    expect(type("How many developers does CUDA have?")).toBe("ask");
    expect(type("What did Mythos cost to train?")).toBe("ask");
    expect(type("How big is the 910B?")).toBe("ask");
    // What a thing said is no question of what it is, even when the words are identity words.
    expect(type("What did Huawei say about chip makers?")).toBe("ask");
    expect(type("What does Huawei think about models?")).toBe("ask");
  });

  it("two names, or 'vs', is a comparison", () => {
    expect(type("Mythos vs DeepSeek V4 Pro")).toBe("compare-mentions");
    expect(type("compare Mythos and DeepSeek V4 Pro")).toBe("compare-mentions");
    expect(type("Mythos DeepSeek V4 Pro")).toBe("compare-mentions");
    // A person is asked about, not compared: "against" here is a benchmark.
    const shipped = buildContext(readKnowledge().knowledge);
    const q = "Kai-Fu Lee measured the US lead against which Anthropic model?";
    expect(shipped.finder.mentions(q).map((m) => m.entity.id)).toContain("kai-fu-lee");
    expect(readIntent(shipped, { text: q }).type).toBe("ask");
    expect(readIntent(shipped, { text: "Mythos vs DeepSeek parameters" }).type).toBe("compare-mentions");
  });

  it("a gap phrase, in English, Chinese or both, is the gap card", () => {
    expect(readIntent(ctx, { text: "中美算力差距" })).toMatchObject({ type: "gap" });
    expect(readIntent(ctx, { text: "US China compute gap" })).toMatchObject({ type: "gap" });
    expect(readIntent(ctx, { text: "算力 gap" })).toMatchObject({ type: "gap" });
  });

  it("a question for the gap on a topic is that topic's gap card; for the gap as a whole, the two sides", () => {
    const shipped = buildContext(readKnowledge().knowledge);
    const kind = (text: string) => readIntent(shipped, { text }).type;
    expect(kind("How big is the gap between China and the US in AI chips?")).toBe("gap");
    expect(kind("What's the difference between the US and China in AI?")).toBe("compare-mentions");
    expect(readIntent(shipped, { text: "What is the gap?" })).toMatchObject({
      type: "compare",
      second: "China",
    });
    // One figure asked for is a question, whatever topic it belongs to.
    expect(kind("What share of high-end GPUs does the US control?")).toBe("ask");
  });

  it("a greeting, a thank-you or an empty /source gets a friendly pointer, not 'not in the material'", () => {
    for (const q of ["hi", "Hello gapbot!", "你好", "thanks!", "谢谢", "ok"])
      expect(readIntent(ctx, { text: q }), q).toMatchObject({ type: "small-talk", say: expect.any(String) });
    expect(readIntent(ctx, { text: "/source" })).toMatchObject({ type: "help" });
    // A greeting before a question is still the question.
    expect(type("hi, how many GPUs will Meta deploy?")).toBe("ask");
  });

  it("anything else, questions above all, is a question", () => {
    expect(type("How many GPUs will Meta deploy?")).toBe("ask");
    expect(type("华为昇腾910B的算力是多少")).toBe("ask");
    expect(type("What is the weather in Paris?")).toBe("ask");
  });

  it("a typed slash line is its command, and an unknown one gets help", () => {
    expect(readIntent(ctx, { text: "/chip 910B" })).toMatchObject({
      type: "entity",
      name: "910B",
      kinds: ["chip", "device"],
    });
    expect(readIntent(ctx, { text: "/gap" })).toMatchObject({ type: "gap", phrase: "" });
    expect(readIntent(ctx, { text: "/nope x" })).toMatchObject({ type: "help" });
  });

  it("drops the bot's own mention, control and zero-width characters", () => {
    expect(readIntent(ctx, { text: "<@U123ABC> Ascend\u200b 910B" })).toMatchObject({
      type: "entity",
      name: "Ascend 910B",
    });
    expect(readIntent(ctx, { text: "@gapbot\u0000 Mythos" })).toMatchObject({
      type: "entity",
      name: "Mythos",
    });
    expect(type("   ")).toBe("empty");
  });

  it("refuses input over 500 characters whole", () => {
    expect(readIntent(ctx, { text: "a".repeat(501) })).toEqual({ type: "too-long", length: 501 });
    expect(readIntent(ctx, { command: "ask", args: { question: "a".repeat(600) } })).toMatchObject({
      type: "too-long",
    });
  });
});

describe("splitting a comparison", () => {
  it.each([
    ['Mythos "DeepSeek V4 Pro"', "Mythos", "DeepSeek V4 Pro"],
    ["Mythos vs DeepSeek V4 Pro", "Mythos", "DeepSeek V4 Pro"],
    ["Mythos versus DeepSeek V4 Pro", "Mythos", "DeepSeek V4 Pro"],
    ["Mythos, DeepSeek V4 Pro", "Mythos", "DeepSeek V4 Pro"],
    ["Mythos 对比 DeepSeek V4 Pro", "Mythos", "DeepSeek V4 Pro"],
    ["Mythos DeepSeek V4 Pro", "Mythos", "DeepSeek V4 Pro"],
  ])("%s", (text, first, second) => {
    expect(splitCompare(ctx, text)).toEqual({ type: "compare", first, second });
  });

  it("leaves the second side empty when there is only one name", () => {
    expect(splitCompare(ctx, "Mythos")).toEqual({ type: "compare", first: "Mythos", second: "" });
  });
});
