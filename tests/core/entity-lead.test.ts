// Which fact leads a thing's card (context.factsAbout): the sentence saying what the thing is comes first,
// but "X is argued/expected to…" says what is said of X, and a figure about X leads before it. Synthetic pack.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const base = knowledge.facts.find((f) => f.id === "harvester-x9-speed") as Fact;
const said: Fact = {
  ...base,
  id: "x9-argued",
  quote: "The Harvester X9 is argued to be the future of picking",
  claim: "The Harvester X9 is argued to be the future of picking.",
  metric: "Description",
  figures: [],
  entities: ["harvester-x9"],
};
const defined: Fact = {
  ...said,
  id: "x9-defined",
  quote: "The Harvester X9 is a self-driving picker",
  claim: "The Harvester X9 is a self-driving picker.",
};

describe("the fact that leads a thing's card", () => {
  it("puts a figure about the thing before a sentence saying what is argued of it", () => {
    const ctx = buildContext({ ...knowledge, facts: [...knowledge.facts, said] });
    expect(ctx.factsAbout("harvester-x9")[0]?.id).toBe("harvester-x9-speed");
  });

  it("puts the sentence saying what the thing is first of all", () => {
    const ctx = buildContext({ ...knowledge, facts: [...knowledge.facts, said, defined] });
    expect(ctx.factsAbout("harvester-x9")[0]?.id).toBe("x9-defined");
  });
});
