import { describe, expect, it } from "vitest";
import type { Card } from "../../src/core/card.js";
import { moreCard, requestLine, withReading } from "../../src/core/index.js";
import { fixtureCore } from "../helpers/slack-core.js";

const core = fixtureCore();
const LAST = "what is the US's computing power?";

describe("followUp", () => {
  it("given 'and China?', keeps the last question and changes its subject, in the question's words", () => {
    expect(core.followUp(LAST, "and China?")).toEqual({
      type: "question",
      query: "what is China's computing power?",
      reading: "what is China's computing power?",
    });
  });

  it("given 'what about X' or a bare name, reads the same way; the answer is about the new subject", () => {
    const about = core.followUp(LAST, "What about China");
    const bare = core.followUp(LAST, "China?");
    expect(about).toEqual(bare);
    if (about.type !== "question") throw new Error("expected a question");
    expect(core.answer({ text: about.query }).headline).toMatch(/China/);
  });

  it("given Chinese ('那中国呢?', '和华为比呢?'), changes the subject, in Chinese where the question was", () => {
    expect(core.followUp("美国的算力是多少？", "那中国呢？")).toMatchObject({ query: "中国的算力是多少？" });
    expect(core.followUp(LAST, "和华为比呢?")).toMatchObject({
      type: "question",
      reading: expect.stringContaining("Huawei"),
    });
  });

  it("given a subject of a kind the last question did not name, replaces the first thing it named", () => {
    expect(core.followUp("How does Nvidia compare?", "and Huawei?")).toMatchObject({
      query: "How does Huawei compare?",
    });
  });

  it("given a last question naming nothing, asks its topic about the new subject", () => {
    expect(core.followUp("/gap compute", "and China?")).toEqual({
      type: "question",
      query: "compute China",
      reading: "compute China",
    });
  });

  it("given why?, source?, more or thanks, says so instead of asking the core", () => {
    for (const t of ["why?", "Source?", "sources", "出处？"])
      expect(core.followUp(LAST, t)).toEqual({ type: "sources" });
    for (const t of ["more", "Tell me more", "更多"])
      expect(core.followUp(LAST, t)).toEqual({ type: "more" });
    for (const t of ["thanks!", "ok", "谢谢"]) expect(core.followUp(LAST, t)).toEqual({ type: "ignore" });
  });

  it("given a whole new question, answers it as typed, with no reading", () => {
    expect(core.followUp(LAST, "How many data centers does the US have?")).toEqual({
      type: "question",
      query: "How many data centers does the US have?",
    });
  });
});

describe("requestLine", () => {
  it("writes a structured command as it would be typed, two names to compare with vs", () => {
    expect(requestLine({ text: " and China? " })).toBe("and China?");
    expect(requestLine({ command: "chip", args: { name: "910B" } })).toBe("/chip 910B");
    expect(requestLine({ command: "compare", args: { first: "A100", second: "Ascend 910B" } })).toBe(
      "/compare A100 vs Ascend 910B",
    );
    expect(requestLine({ command: "help", args: {} })).toBe("/help");
  });
});

describe("moreCard and withReading", () => {
  const card: Card = {
    kind: "gap",
    title: "Compute",
    headline: "h",
    fields: [1, 2, 3].map((i) => ({ label: `F${i}`, value: String(i), factId: `f${i}` })),
    citations: [],
    suggestions: [],
    footer: "Early 2025",
  };

  it("gives the fields past those shown, and nothing when all were shown", () => {
    expect(moreCard(card, 2)?.fields.map((f) => f.label)).toEqual(["F3"]);
    expect(moreCard(card, 3)).toBeUndefined();
  });

  it("says the reading first in the footer, keeping the card's own footer", () => {
    expect(withReading(card, "China's computing power").footer).toBe(
      "Reading this as: China's computing power · Early 2025",
    );
  });
});
