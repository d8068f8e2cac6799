// The knowledge gapbot ships: it passes every check, and holds what the core and the issue rely on.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultKnowledgeDir, formatProblem, readKnowledge } from "../../src/knowledge/load.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";

const dir = defaultKnowledgeDir();
const loaded = readKnowledge(dir);
const k = loaded.knowledge;
const fact = (id: string) => k.facts.find((f) => f.id === id);
const MATERIAL = "/work/shared/material/compute-gap-article.txt";

describe("the shipped knowledge", () => {
  it("passes every check", () => {
    expect(validateKnowledge(loaded).map(formatProblem)).toEqual([]);
  });

  it("validates in well under a second, so that it can run in every test run", () => {
    // Reading is YAML parsing; what the validator itself adds is what must stay small.
    const start = performance.now();
    validateKnowledge(loaded);
    expect(performance.now() - start).toBeLessThan(300);
  });

  it("has the facts, entities and gap topics the bot answers from", () => {
    expect(k.facts.length).toBeGreaterThanOrEqual(80);
    expect(k.topics.map((t) => t.id).sort()).toEqual(
      expect.arrayContaining([
        "capex",
        "chips",
        "compute",
        "data-centers",
        "ecosystem",
        "inference",
        "lag",
        "market-share",
        "models",
      ]),
    );
  });

  it("pairs each headline's figures like for like", () => {
    const pairs = Object.fromEntries(
      k.topics.flatMap((t) => {
        if (!t.headline) return [];
        const us = fact(t.headline.first)?.figures[t.headline.first_figure];
        const china = fact(t.headline.second)?.figures[t.headline.second_figure];
        return [[t.id, [us?.value, china?.value, us?.unit]]];
      }),
    );
    expect(pairs).toEqual({
      compute: [2400, 1053, "EFLOPS"],
      models: [10e12, 1.6e12, "parameters"],
      "market-share": [68, 4, "%"],
    });
  });

  it("names the mistranslated companies and people by their real names, with the article's spelling as alias", () => {
    const byAlias = (alias: string) =>
      k.entities.find((e) => e.aliases.some((a) => a.toLowerCase() === alias.toLowerCase()))?.name;
    expect(
      ["Tiantian Zhixin", "Boren Technology", "Muxi Shares", "Haiguang", "Cambrian", "Moore Thread"].map(
        byAlias,
      ),
    ).toEqual(["Iluvatar CoreX", "Biren Technology", "MetaX", "Hygon", "Cambricon", "Moore Threads"]);
    expect(
      ["Huang Renxun", "Jibang Consulting", "Da Mo", "Zhongji Xuchuang", "Li Kaifu"].map(byAlias),
    ).toEqual(["Jensen Huang", "TrendForce", "Morgan Stanley", "Innolight", "Kai-Fu Lee"]);
  });

  it.skipIf(!existsSync(MATERIAL))("keeps the article byte for byte as the shared material", () => {
    const source = k.sources.find((s) => s.id === "compute-gap-article");
    expect(source).toBeDefined();
    expect(readFileSync(join(dir, "sources", source?.file ?? ""))).toEqual(readFileSync(MATERIAL));
  });
});
