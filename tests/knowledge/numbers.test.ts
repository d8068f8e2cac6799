// The number reader behind every validator rule: what it sees as a number, and what value it reads.
import { describe, expect, it } from "vitest";
import { findNumbers, normaliseQuote, occurrences, sameValue } from "../../src/knowledge/numbers.js";

const read = (text: string) => findNumbers(text).map((m) => [m.text, m.value]);

describe("findNumbers", () => {
  it("reads digits with scale words, currency and percent signs into plain units", () => {
    expect(read("over 1.2 million GPUs and $725 billion, up 77%, to $1.1 trillion")).toEqual([
      ["1.2 million", 1_200_000],
      ["$725 billion", 725_000_000_000],
      ["77%", 77],
      ["$1.1 trillion", 1_100_000_000_000],
    ]);
  });

  it("reads thousands separators and fractions", () => {
    expect(read("2,400 EFLOPS, 10,000,000,000 dollars, only 1/8 and 1/4")).toEqual([
      ["2,400", 2400],
      ["10,000,000,000", 10_000_000_000],
      ["1/8", 0.125],
      ["1/4", 0.25],
    ]);
  });

  it("keeps a list's numbers apart rather than reading a thousands separator", () => {
    expect(read("two 1 trillion, two 1.5 trillion")).toEqual([
      ["two", 2],
      ["1 trillion", 1e12],
      ["two", 2],
      ["1.5 trillion", 1.5e12],
    ]);
  });

  it("reads a range written with spaces as its two ends", () => {
    expect(read("AMD will occupy 5% -6%")).toEqual([
      ["5%", 5],
      ["6%", 6],
    ]);
  });

  it("reads spelled-out numbers, multiples and orders of magnitude", () => {
    expect(
      read("seven models, more than twice, a ten thousand card cluster, hundreds of thousands of models"),
    ).toEqual([
      ["seven", 7],
      ["twice", 2],
      ["ten thousand", 10_000],
      ["hundreds of thousands", 100_000],
    ]);
  });

  it("does not read ordinals or vague plurals as numbers", () => {
    expect(read("the first model, the third-largest economy, billions, trillions of dollars, once")).toEqual(
      [],
    );
  });

  it("marks digits stuck to letters as glued: names and codes, not quantities", () => {
    const glued = findNumbers("Ascend 910B, 640 TOPS (INT8), Q1 2026, H100-equivalents").map((m) => [
      m.text,
      m.glued,
    ]);
    expect(glued).toEqual([
      ["910", true],
      ["640", false],
      ["8", true],
      ["1", true],
      ["2026", false],
      ["100", true],
    ]);
  });

  it("gives each number's span in the text", () => {
    const text = "reached $725 billion";
    const [m] = findNumbers(text);
    expect(m && text.slice(m.start, m.end)).toBe("$725 billion");
  });
});

describe("normaliseQuote", () => {
  it("straightens curly quotes and collapses whitespace, and nothing else", () => {
    expect(normaliseQuote("  China’s “big”\n models – 5% -6% ")).toBe(`China's "big" models – 5% -6%`);
  });
});

describe("sameValue and occurrences", () => {
  it("treats floating-point noise as equal but not a different figure", () => {
    expect(sameValue(1.1 * 1e12, 1_100_000_000_000)).toBe(true);
    expect(sameValue(1.6e12, 1.5e12)).toBe(false);
  });

  it("finds every occurrence, overlapping ones included", () => {
    expect(occurrences("10 trillion (10 trillion)", "10 trillion")).toEqual([0, 13]);
    expect(occurrences("aaa", "aa")).toEqual([0, 1]);
    expect(occurrences("abc", "")).toEqual([]);
  });
});

describe("scale letters on the digits", () => {
  const read = (text: string) => findNumbers(text).map((m) => [m.text, m.value, m.glued]);

  it("reads k, M and bn as thousands, millions and billions", () => {
    expect(read("507k Ascend units and 2.9M die")).toEqual([
      ["507k", 507_000, false],
      ["2.9M", 2_900_000, false],
    ]);
    expect(read("a 4bn order")).toEqual([["4bn", 4e9, false]]);
  });

  it("reads B and T as scales on a sum or a decimal only, so that product codes stay codes", () => {
    expect(read("$2.8B raised, $10B of revenue, 1.5T parameters")).toEqual([
      ["$2.8B", 2.8e9, false],
      ["$10B", 1e10, false],
      ["1.5T", 1.5e12, false],
    ]);
    expect(read("the 910B chip")).toEqual([["910", 910, true]]);
  });

  it("leaves a lower-case m (metres, minutes) glued", () => {
    expect(read("7m away")).toEqual([["7", 7, true]]);
  });
});
