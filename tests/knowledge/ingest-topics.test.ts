// Topics a new source proposes from its own words (src/knowledge/ingest/topics.ts): a word the text dwells
// on and measures by, that no topic covers, becomes a draft topic listing the facts that use it, US and China
// apart; a term the text defines is one too; a US and a China figure lead as a pair only when the text
// measures the same thing for both; ingesting again replaces the draft topics. A made-up text.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createCore } from "../../src/core/index.js";
import { ingest } from "../../src/knowledge/ingest/write.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";
import { copyFixture, removeCopies } from "./fixture.js";

afterAll(removeCopies);

const TEXT = [
  "Water for Orchards",
  "Irrigation has become the quiet limit on fruit growing on both sides of the Pacific, as orchards grow and rivers shrink.",
  "According to the consultancy Brookvale, orchards in the United States drew about 84 gigalitres of irrigation water in 2024, up from the year before.",
  "The Hanlin Institute estimates that orchards in China drew about 61 gigalitres of irrigation water in 2024, and expects irrigation demand there to keep rising.",
  "Irrigation is also about pumps. The United States has about 420 irrigation districts, while Brookvale counts 12 large pump makers selling into them.",
  "China pays less for the water itself: irrigation in China costs about 30% less per gigalitre than in the United States, Brookvale says, and about 70% of Chinese orchards irrigate at night.",
  "ETR, or evapotranspiration ratio, is the share of applied water that a tree actually uses; an ETR of 0.9 would mean that almost nothing is wasted. China's average ETR was about 0.62 in 2024, Hanlin says. In the United States, the largest growers report averages of about 0.81.",
  "Irrigation in the United States is more automated, and Brookvale puts the share of US orchards with sensor-driven irrigation at 45%, against 18% in China.",
].join("\n");

const SOURCE = { id: "orchard-water", title: "Water for Orchards", publisher: "Grower Weekly" };

function drafted(text = TEXT) {
  const dir = copyFixture();
  ingest({ dir, text, ...SOURCE });
  return { dir, knowledge: readKnowledge(dir).knowledge };
}

describe("topics a new source proposes", () => {
  const { dir, knowledge } = drafted();
  const topic = (id: string) => knowledge.topics.find((t) => t.id === id);

  it("passes the check as written, each a draft in its own file", () => {
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
    const irrigation = topic("irrigation");
    expect(irrigation?.draft).toBe(true);
    expect(parse(readFileSync(join(dir, "topics/irrigation.yaml"), "utf8")).draft).toBe(true);
  });

  it("lists the facts that use the word, US and China apart, and each of them names the topic", () => {
    const irrigation = topic("irrigation");
    expect(irrigation?.first.length).toBeGreaterThan(0);
    expect(irrigation?.second.length).toBeGreaterThan(0);
    for (const id of [...(irrigation?.first ?? []), ...(irrigation?.second ?? [])]) {
      const f = knowledge.facts.find((x) => x.id === id);
      expect(f?.topics).toContain("irrigation");
      expect(f?.side).toBe(irrigation?.first.includes(id) ? "us" : "china");
    }
  });

  it("pairs the US and China figures the text measures alike, and never two shares of different wholes", () => {
    const irrigation = topic("irrigation");
    const us = knowledge.facts.find((f) => f.id === irrigation?.headline?.first);
    const china = knowledge.facts.find((f) => f.id === irrigation?.headline?.second);
    expect(us?.quote).toContain("84 gigalitres");
    expect(china?.quote).toContain("61 gigalitres");
    expect(us?.metric).toBe(china?.metric);
    for (const t of knowledge.topics.filter((x) => x.draft && x.headline)) {
      const f = knowledge.facts.find((x) => x.id === t.headline?.first);
      expect(f?.figures[0]?.unit).not.toBe("%");
    }
  });

  it("makes a topic of a term the text defines, by the term alone", () => {
    const etr = topic("etr");
    expect(etr?.title).toBe("ETR");
    expect(etr?.keywords.join(" ")).not.toMatch(/ratio/);
  });

  it("sets beside a term's figure the other side's, given in the same paragraph without the term, and says not which is ahead", () => {
    const etr = topic("etr");
    const us = knowledge.facts.find((f) => f.quote.includes("0.81"));
    expect(etr?.first).toContain(us?.id);
    const card = createCore({ knowledge }).answer({ text: "/gap etr" });
    expect(card.headline).toMatch(/0\.81/);
    expect(card.headline).toMatch(/0\.62/);
    expect(card.headline).not.toMatch(/ahead|×/);
  });

  it("proposes no topic for an everyday word or a name, however often used", () => {
    const ids = knowledge.topics.map((t) => t.id);
    for (const word of ["about", "brookvale", "united", "china", "also", "gigalitre"])
      expect(ids).not.toContain(word);
  });

  it("answers /gap with the topic at once", () => {
    const card = createCore({ knowledge }).answer({ text: "/gap irrigation" });
    expect(card.kind).toBe("gap");
    expect(card.headline).toMatch(/84 gigalitres/);
    expect(card.headline).toMatch(/61 gigalitres/);
  });

  it("ingested again without the word, removes the draft topic it proposed before", () => {
    const again = TEXT.replace(/[Ii]rrigation/g, "Watering");
    ingest({ dir, text: again.replace(/irrigate/g, "water"), ...SOURCE });
    expect(existsSync(join(dir, "topics/irrigation.yaml"))).toBe(false);
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });
});
