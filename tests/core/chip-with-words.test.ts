// "/chip <name> <what about it>": what the material says of that is the answer; where it says nothing of it,
// the reply is a miss, not the thing's card, whose figures would read as the answer. Identity words
// ("specs", "details") still ask for the card. On the synthetic orchard pack (the X9 is a device).
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { expectValidCard } from "../helpers/card-checks.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const core = createCore({ knowledge });
const chip = (name: string) => {
  const card = core.answer({ command: "chip", args: { name } });
  expectValidCard(card, knowledge);
  return card;
};

describe("/chip with words after the name", () => {
  it("answers what the material says of them", () => {
    expect(chip("Harvester X9 picking speed").headline).toContain("900 crates");
  });

  it("is a miss when the material says nothing of them", () => {
    const card = chip("Harvester X9 torque");
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("900");
    expect(card.suggestions.map((s) => s.label).join(" ")).toContain("Harvester X9");
  });

  it("with words asking only who or what it is, is the thing's card", () => {
    for (const name of ["Harvester X9 specs", "Harvester X9 details"]) {
      const card = chip(name);
      expect(card.kind, name).not.toBe("not_found");
      expect(card.title, name).toBe("Harvester X9");
    }
  });
});
