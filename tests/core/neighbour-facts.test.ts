// A question the material does not answer gets no neighbouring fact: a date of something else for "when was X
// released", another thing's score, a figure for the opposite place ("eastern" / "western"), a share for "how
// many", a count of another year. On a made-up text drafted by `gapbot ingest` into the small fixture.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { ingest } from "../../src/knowledge/ingest/write.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { copyFixture, removeCopies } from "../knowledge/fixture.js";

afterAll(removeCopies);

const TEXT = [
  "Orchard Machines",
  "The Harvester X9 was released in May 2023 by Tarrow Pumps.",
  "By the end of March 2024, the Gleaner 7 machines had picked 1.2 million crates, compared with 0.9 million for the Harvester X9.",
  "The Gleaner 7 family ranges from small to large machines, and the whole family is released under an open licence.",
  "On the Orchard Test, the best northern machine, Tarrow Pumps's Harvester X9, scores 78%.",
  "New pump houses in the western valleys must reach a rating of 1.2 or lower.",
  "About 40% of Northland orchards use cold storage.",
  "Northland awarded about 5,100 doctorates in orchard science in 2025.",
  "Among Northland doctorates of 2019, 84% still work on orchards.",
].join("\n");

const dir = copyFixture();
ingest({ dir, text: TEXT, id: "orchard-machines", title: "Orchard Machines", publisher: "Grower Weekly" });
const { knowledge } = readKnowledge(dir);
const core = createCore({ knowledge });
const ask = (text: string) => core.answer({ text });

describe("no neighbouring fact for what the material does not say", () => {
  it("says when a thing was released only from a sentence saying it was released", () => {
    expect(ask("When was the Harvester X9 released?").headline).toMatch(/May 2023/);
    expect(ask("When was the Gleaner 7 released?").kind).toBe("not_found");
  });

  it("does not give another thing's score for the one asked", () => {
    expect(ask("What does the Harvester X9 score on the Orchard Test?").headline).toMatch(/78%/);
    expect(ask("What does the Gleaner 7 score on the Orchard Test?").kind).toBe("not_found");
  });

  it("does not answer for the eastern valleys with the western valleys' figure", () => {
    expect(ask("What rating must new pump houses in the western valleys reach?").headline).toMatch(/1\.2/);
    expect(ask("What rating must new pump houses in the eastern valleys reach?").kind).toBe("not_found");
  });

  it("does not answer 'how many' with a share", () => {
    expect(ask("What share of Northland orchards use cold storage?").headline).toMatch(/40%/);
    expect(ask("How many Northland orchards use cold storage?").kind).toBe("not_found");
  });

  it("counts a thing in the units the text counts it in, named by an everyday synonym, and only for the year asked", () => {
    expect(ask("How many PhDs did Northland award in 2025?").headline).toMatch(/5,100/);
    expect(ask("How many PhDs did Northland award in 2019?").kind).toBe("not_found");
  });

  it("keeps the text as written", () => {
    expect(readFileSync(join(dir, "sources", "orchard-machines.txt"), "utf8")).toContain("Gleaner 7");
  });
});
