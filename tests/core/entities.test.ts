import { describe, expect, it } from "vitest";
import { EntityFinder } from "../../src/core/entities.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/mini-knowledge", import.meta.url).pathname);
const finder = new EntityFinder(knowledge.entities);

describe("entity finder", () => {
  it("resolves a name by alias, case, spacing and hyphens", () => {
    expect(finder.resolve("910b")?.id).toBe("ascend-910b");
    expect(finder.resolve("deepseek-v4-pro")?.id).toBe("deepseek-v4-pro");
    expect(finder.resolve("DeepSeekV4Pro")?.id).toBe("deepseek-v4-pro");
    expect(finder.resolve("昇腾910B")?.id).toBe("ascend-910b");
  });

  it("reads a product name ending in a model number in the plural as the product, and no longer word as it", () => {
    expect(finder.mentions("how many 910Bs were made?").map((m) => m.entity.id)).toEqual(["ascend-910b"]);
    expect(finder.mentions("the 910Bsx line").map((m) => m.entity.id)).toEqual([]);
  });

  it("reads no model number as a misspelling of another: X308 is not the X300", () => {
    const shipped = new EntityFinder(readKnowledge().knowledge.entities);
    expect(shipped.mentions("MI308").map((m) => m.entity.id)).toEqual([]);
    expect(shipped.mentions("GB200").map((m) => m.entity.id)).toEqual([]);
    expect(shipped.mentions("the MI300X").map((m) => m.entity.id)).toEqual(["amd-mi300"]);
  });

  it("given a typo'd chip name, finds the closest chip", () => {
    expect(finder.resolve("Ascnd 910b", ["chip"])?.id).toBe("ascend-910b");
  });

  it("given a chip that is not in the material, finds nothing", () => {
    expect(finder.resolve("M3 Max", ["chip"])).toBeUndefined();
    expect(finder.resolve("RTX 4090", ["chip"])).toBeUndefined();
  });

  it("given a model number that only starts a longer one, finds nothing: H10 is not the H100", () => {
    const shipped = new EntityFinder(readKnowledge().knowledge.entities);
    expect(shipped.resolve("H200", ["chip"])?.id).toBe("nvidia-h200");
    // H20 is a chip of its own (the second source's), not a short H200.
    expect(shipped.resolve("H20", ["chip"])?.id).toBe("nvidia-h20");
    expect(shipped.resolve("H10", ["chip"])).toBeUndefined();
    expect(shipped.resolve("A10", ["chip"])).toBeUndefined();
    expect(shipped.resolve("GB30", ["chip"])).toBeUndefined();
    // A number followed by letters is the same model, named shorter.
    expect(shipped.resolve("S5000", ["chip"])?.id).toBe("mtt-s5000");
  });

  it("given a word that is a whole word of one name, prefers it to a longer name it starts", () => {
    const shipped = new EntityFinder(readKnowledge().knowledge.entities);
    expect(shipped.resolve("910", ["chip"])?.id).toBe("ascend-910");
    expect(shipped.resolve("910B", ["chip"])?.id).toBe("ascend-910b");
  });

  it("limits a lookup to the kinds asked for", () => {
    expect(finder.resolve("Nvidia", ["chip"])).toBeUndefined();
    expect(finder.resolve("Nvidia")?.id).toBe("nvidia");
  });

  it("finds names inside free text, longest first, with word boundaries", () => {
    const ids = (t: string) => finder.mentions(t).map((m) => m.entity.id);
    expect(ids("Is the Huawei Ascend 910B as fast as the A100?")).toEqual(["ascend-910b", "nvidia-a100"]);
    // A maker written just before its product is part of the product's name, in Chinese or not.
    expect(ids("华为昇腾910B的算力")).toEqual(["ascend-910b"]);
    // Apart, they are two things.
    expect(ids("Huawei says the Ascend 910B is fast")).toEqual(["huawei", "ascend-910b"]);
  });

  it("reads a Chinese maker-and-product name as the product, over the shipped knowledge", () => {
    const shipped = new EntityFinder(readKnowledge().knowledge.entities);
    const ids = (t: string) => shipped.mentions(t).map((m) => m.entity.id);
    // The knowledge spells 寒武纪 and 思元690 apart; written together they are still the chip.
    expect(ids("寒武纪思元690和英伟达GB300")).toEqual(["cambricon-siyuan-690", "nvidia-gb300"]);
    expect(shipped.resolve("寒武纪思元690", ["chip"])?.id).toBe("cambricon-siyuan-690");
    expect(ids("摩尔线程MTT S5000")).toEqual(["mtt-s5000"]);
    // The maker's possessive before its product is part of the product's name too.
    expect(ids("海光的DCU")).toEqual(["hygon-dcu"]);
    expect(ids("Huawei's Ascend")).toEqual(["huawei-ascend"]);
    // "us" inside "famous" is no country.
    expect(ids("a famous metaphor")).toEqual([]);
  });

  it("finds a misspelt name in free text", () => {
    expect(finder.mentions("what about Nvidai?").map((m) => m.entity.id)).toEqual(["nvidia"]);
  });

  it("takes neither a short word two edits from a name for it, nor a chip used as a unit for the chip", () => {
    const shipped = new EntityFinder(readKnowledge().knowledge.entities);
    const ids = (t: string) => shipped.mentions(t).map((m) => m.entity.id);
    // "lineup" is two edits from "Linux"; "Mythso" is one swap from "Mythos".
    expect(ids("musk's seven-model lineup")).toEqual(["elon-musk"]);
    expect(ids("how big is Mythso")).toEqual(["claude-mythos"]);
    // "5 million H100-equivalents" measures Google's compute; it says nothing of the H100 itself.
    expect(ids("Google's 5 million H100-equivalents")).toEqual(["google"]);
    expect(ids("等效H100 算力")).toEqual([]);
    expect(ids("the H100 and the A100")).toEqual(["nvidia-h100", "nvidia-a100"]);
    // A possessive without its apostrophe is the name, not a near name ("Metas" is Meta's, not MetaX).
    expect(ids("Whats Metas anual AI investment?")).toEqual(["meta"]);
    // x as "times" is no X.
    expect(ids("how many x smaller is DeepSeek V4 Pro")).toEqual(["deepseek-v4-pro"]);
    expect(ids("what did Musk post on X?")).toEqual(["elon-musk", "x-platform"]);
  });

  it("ranks completions: exact alias, then prefix", () => {
    expect(finder.rank("a", ["chip"]).map((e) => e.id)).toContain("nvidia-a100");
    expect(finder.rank("asc", ["chip"])[0]?.id).toBe("ascend-910b");
  });
});
