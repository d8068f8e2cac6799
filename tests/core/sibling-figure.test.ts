// A product's figure is not its sibling's: on the synthetic orchard pack with the Harvester X7 related to the
// X9 (as a line's members are), a figure the material gives the X9 alone does not answer a question on the X7.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const related = {
  ...knowledge,
  entities: knowledge.entities.map((e) =>
    e.id === "harvester-x7" ? { ...e, related: [...e.related, "harvester-x9"] } : e,
  ),
};
const core = createCore({ knowledge: related });
const ask = (text: string) => core.answer({ text });

describe("a figure on a sibling of the thing asked about", () => {
  it("is no answer for the thing, which the material gives no such figure", () => {
    const card = ask("How many crates an hour does the Harvester X7 pick?");
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("900");
  });

  it("still answers for the sibling itself", () => {
    expect(ask("How many crates an hour does the Harvester X9 pick?").citations[0]?.factId).toBe(
      "harvester-x9-speed",
    );
  });
});
