// A sentence answers for a thing asked about when it names that thing or what is its own (a maker through what
// it makes, a line through its members), never through the thing's sibling or its maker: on the synthetic
// orchard pack, with the Harvester X7 related to the X9 (its successor) and sentences no fact quotes.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Entity } from "../../src/knowledge/schema.js";
import { expectValidCard } from "../helpers/card-checks.js";

const dir = new URL("../fixtures/synthetic-pack", import.meta.url).pathname;
const { knowledge } = readKnowledge(dir);
const lines = knowledge.paragraphs.get("orchard-report") ?? [];
const added = [
  "The Harvester X7 rides on a welded steel chassis. Pearfield will keep refining the chassis for its next machines.",
];
const paragraphs = new Map(knowledge.paragraphs);
paragraphs.set("orchard-report", [...lines, ...added]);
// The X7 is related to the X9, as a successor is: the X9 is among the X7's relations, not its own.
const entities: Entity[] = knowledge.entities.map((e) =>
  e.id === "harvester-x7" ? { ...e, related: [...e.related, "harvester-x9"] } : e,
);
const pack = { ...knowledge, entities, paragraphs };
const core = createCore({ knowledge: pack });
const ask = (text: string) => {
  const card = core.answer({ text });
  expectValidCard(card, pack);
  return card;
};

describe("a sentence names a thing asked about only through what is its own", () => {
  it("answers for the thing it names, for its maker and for the line it belongs to", () => {
    for (const q of [
      "What chassis does the Harvester X7 ride on?",
      "What chassis do Pearfield's machines ride on?",
      "What chassis does the Pearfield X-line ride on?",
    ]) {
      const card = ask(q);
      expect(card.kind, q).toBe("answer");
      expect(card.headline, q).toContain("welded steel chassis");
    }
  });

  it("does not answer for a sibling related to it, nor with a sentence naming only the maker", () => {
    const card = ask("What chassis does the Harvester X9 ride on?");
    expect(card.kind).toBe("not_found");
    expect(card.headline).not.toContain("chassis for its next machines");
  });
});
