import { describe, expect, it } from "vitest";
import { compileLexicon } from "../../src/core/lexicon.js";
import { createTokenizer } from "../../src/core/tokenize.js";
import { readKnowledge } from "../../src/knowledge/load.js";

// The shipped vocabulary: its synonyms and the words its stemmer keeps whole.
const lexicon = compileLexicon(readKnowledge().knowledge.vocabulary);
const tokenize = createTokenizer(["昇腾910B", "英伟达", "寒武纪", "华为"], {}, lexicon);

describe("tokenizer", () => {
  it("reads a word and its -ing and -ed forms as one, doubled consonants too", () => {
    expect(tokenize("hitting")).toEqual(tokenize("hit"));
    expect(tokenize("winning")).toEqual(tokenize("win"));
    expect(tokenize("planned")).toEqual(tokenize("plan"));
    // A double letter of the word itself stays.
    expect(tokenize("falling")).toEqual(tokenize("fall"));
    // The -ed of "exceed" is its own.
    expect(tokenize("exceed")).toEqual(["exceed"]);
  });

  it("keeps chip and model names whole", () => {
    expect(tokenize("Ascend 910B vs GB300")).toEqual(expect.arrayContaining(["ascend", "910b", "gb300"]));
    expect(tokenize("DeepSeek V4 Pro and Opus 4.6")).toEqual(expect.arrayContaining(["v4", "4.6"]));
    expect(tokenize("the MTT S5000 cluster")).toEqual(expect.arrayContaining(["mtt", "s5000"]));
  });

  it("keeps Chinese product names whole where ICU alone splits them", () => {
    const seg = new Intl.Segmenter("zh", { granularity: "word" });
    // The reason this tokenizer exists: ICU cuts 英伟达 apart.
    expect([...seg.segment("英伟达")].map((s) => s.segment)).not.toEqual(["英伟达"]);
    expect(tokenize("英伟达的芯片")).toContain("英伟达");
    expect(tokenize("华为昇腾910B的算力是多少")).toEqual(expect.arrayContaining(["昇腾", "华为", "910b"]));
  });

  it("folds synonyms to one term in English and Chinese alike", () => {
    expect(tokenize("computing power")).toEqual(["compute"]);
    expect(tokenize("算力")).toContain("compute");
    expect(tokenize("capital expenditure")).toEqual(["capex"]);
    expect(tokenize("the United States")).toEqual(["us"]);
    expect(tokenize("American")).toEqual(["us"]);
    expect(tokenize("graphics cards")).toEqual(["gpu"]);
    expect(tokenize("GPUs")).toEqual(["gpu"]);
    expect(tokenize("中美")).toEqual(expect.arrayContaining(["china", "us"]));
  });

  it("drops a stop word's other forms too ('claimed' as 'claims'), but not a synonym's ('listed')", () => {
    expect(tokenize("claimed")).toEqual([]);
    expect(tokenize("listed")).toEqual(["ipo"]);
  });

  it("reads a sum in analysts' shorthand as the material writes it, and leaves chip codes alone", () => {
    expect(tokenize("$725B")).toEqual(["725", "billion"]);
    expect(tokenize("$1.1T")).toEqual(["1.1", "trillion"]);
    expect(tokenize("910B")).toEqual(["910b"]);
  });

  it("reads thousands separators and curly quotes the way the source writes numbers", () => {
    expect(tokenize("2,400 EFLOPS")).toEqual(["2400", "compute"]);
    expect(tokenize("China’s chips")).toEqual(expect.arrayContaining(["china", "gpu"]));
  });

  it("drops stop words but never the country 'US'", () => {
    expect(tokenize("How many GPUs does the US have?")).toEqual(["gpu", "us"]);
  });

  it("adds Chinese bigrams for recall, and leaves them out when asked for words only", () => {
    expect(tokenize("算力差距")).toContain("力差");
    expect(tokenize("算力差距", { words: true })).not.toContain("力差");
  });
});
