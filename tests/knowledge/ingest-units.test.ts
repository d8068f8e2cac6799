// Ingest reads a figure's unit in the knowledge's own units (vocabulary.yaml), not in a list in the code.
import { describe, expect, it } from "vitest";
import { readNumbers } from "../../src/knowledge/ingest/figures.js";

const unitsIn = (text: string, units: string[]) =>
  readNumbers(text, () => undefined, units).flatMap((r) => (r.kind === "figure" ? [r.figure.unit] : []));

describe("ingest's units", () => {
  it("spells a unit as the knowledge does, and a word for it only where the knowledge has that unit", () => {
    expect(unitsIn("The orchard shipped 40 Crates last week", ["crates"])).toEqual(["crates"]);
    expect(unitsIn("The lab bought 5 GPU for its cluster", ["GPUs"])).toEqual(["GPUs"]);
    expect(unitsIn("The lab bought 5 GPU for its cluster", ["crates"])).toEqual(["gpu"]);
    expect(unitsIn("It reached 300 EFLOPS", ["EFLOPS"])).toEqual(["EFLOPS"]);
  });

  it("counts the noun a participle follows, not the words after the participle", () => {
    expect(unitsIn("Police found 240 gaming crates taped inside suitcases.", ["crates"])).toEqual(["crates"]);
    expect(unitsIn("Growers kept 12 million barrels stored offshore.", [])).toEqual(["barrels"]);
    // A participle before the noun is part of its phrase.
    expect(unitsIn("It sold 500 connected pumps.", [])).toEqual(["pumps"]);
  });
});
