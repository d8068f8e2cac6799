// A Chinese question for a figure whose measure (the word before 是多少, ending as measures do: 率, 量, 额…)
// holds no word the glossary knows is refused as a measure the material has no figures on, as "how much
// electricity" is in English; a measure it knows is answered. Orchard pack only.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const core = createCore({ knowledge });
const ask = (text: string) => core.answer({ text });

describe("a Chinese measure asked before 是多少", () => {
  it("is refused, by name, when the glossary knows no word of it", () => {
    const card = ask("Northland 收成自给率是多少？");
    expect(card.kind).toBe("not_found");
    expect(card.headline).toContain("自给率");
  });

  it("is answered when it is a measure the material knows, with or without a measure ending", () => {
    expect(ask("Northland 收成量是多少？").headline).toContain("4.2 million");
    expect(ask("Northland的收成是多少？").headline).toContain("4.2 million");
  });

  it("leaves what is counted after the asking word to the search ('用了多少张…')", () => {
    expect(ask("Northland 种了多少吨苹果？").headline).not.toContain("no figures on");
  });
});
