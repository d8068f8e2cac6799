// A name right before the kind a "which…" question asks for qualifies that kind ("which <Northland> machines",
// "which <Pearfield> machine"): the answer names a thing of that country or one the maker makes; the name is not a
// subject the answer must be about, and a fact naming only the maker does not say which of its things. On the
// synthetic orchard pack with sentences added, all but one as a fact.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";
import { expectValidCard } from "../helpers/card-checks.js";

const dir = new URL("../fixtures/synthetic-pack", import.meta.url).pathname;
const { knowledge } = readKnowledge(dir);
const lines = knowledge.paragraphs.get("orchard-report") ?? [];
const added = [
  "Professor Quill says the Harvester X7 and the Harvester X5 are well ahead of the Gleaner 2 on hillsides.",
  "Most Southland growers rent Pearfield machines for the pear harvest.",
  "For the pear harvest, the Harvester X5 is the machine Southland growers rent most.",
  "Vineyards rent the Harvester X9.",
  "Vineyards rent the Harvester X7 and the Harvester X5 as well.",
  // No fact quotes this one: a question is answered by the sentence itself.
  "Cherry growers in Eastland lease the Harvester X9 each summer.",
];
const at = (i: number) => lines.length + 1 + i;
const fact = (i: number, id: string, rest: Partial<Fact>): Fact => ({
  id,
  source: "orchard-report",
  paragraph: at(i),
  quote: added[i] as string,
  claim: added[i] as string,
  metric: "Description",
  figures: [],
  side: "north",
  entities: [],
  topics: [],
  keywords: [],
  ...rest,
});
const facts = [
  fact(0, "hillside-leaders", {
    entities: ["harvester-x7", "harvester-x5", "gleaner-2"],
    attribution: "mara-quill",
  }),
  fact(1, "pear-rentals", { side: "south", entities: ["southland", "pearfield"] }),
  fact(2, "pear-rental-machine", { side: "south", entities: ["harvester-x5", "southland"] }),
  fact(3, "vineyards-one", { entities: ["harvester-x9"] }),
  fact(4, "vineyards-two", { entities: ["harvester-x7", "harvester-x5"] }),
];
const paragraphs = new Map(knowledge.paragraphs);
paragraphs.set("orchard-report", [...lines, ...added]);
const pack = { ...knowledge, paragraphs, facts: [...knowledge.facts, ...facts] };
const core = createCore({ knowledge: pack });
const ask = (text: string) => {
  const card = core.answer({ text });
  expectValidCard(card, pack);
  return card;
};

describe("a name qualifying the kind asked for", () => {
  it("is answered by a fact naming that country's things, though the fact does not name the country", () => {
    const card = ask("Which Northland machines does Professor Quill say are well ahead of the Gleaner 2?");
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("Harvester X7");
    expect(card.headline).toContain("Harvester X5");
    expect(card.citations[0]?.paragraph).toBe(at(0));
  });

  it("is not answered by a fact naming another country's things", () => {
    const card = ask("Which Southland machines does Professor Quill say are well ahead of the Gleaner 2?");
    expect(card.kind).toBe("not_found");
  });

  it("asks for one of the maker's things: a fact naming the maker alone does not say which", () => {
    const card = ask("Which Pearfield machine do Southland growers rent for the pear harvest?");
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("Harvester X5");
    expect(card.citations[0]?.paragraph).toBe(at(2));
  });

  it("is refused when no fact names a thing of the maker asked", () => {
    // Applewood makes nothing in the pack, and no fact on the pear rentals names Applewood.
    const card = ask("Which Applewood machine do Southland growers rent for the pear harvest?");
    expect(card.kind).toBe("not_found");
  });

  it("in the plural, asks for a list: a fact naming several of the things leads before one naming one", () => {
    const list = ask("Which Pearfield machines do vineyards rent?");
    expect(list.kind).toBe("answer");
    expect(list.citations[0]?.paragraph).toBe(at(4));
    // In the singular, the shorter sentence naming one machine leads, as the search ranks it.
    const one = ask("Which Pearfield machine do vineyards rent?");
    expect(one.citations[0]?.paragraph).toBe(at(3));
  });

  it("holds for a sentence no fact quotes: it names a thing of the country, or it does not answer", () => {
    const card = ask("Which Northland machines do cherry growers lease each summer?");
    expect(card.kind).toBe("answer");
    expect(card.citations[0]?.paragraph).toBe(at(5));
    expect(ask("Which Southland machines do cherry growers lease each summer?").kind).toBe("not_found");
  });

  it("is not answered by the thing set aside ('besides A, which…'): A is none of the things asked for", () => {
    const card = ask(
      "Besides the Harvester X9, which Pearfield machines do cherry growers lease each summer?",
    );
    expect(card.kind).toBe("not_found");
  });
});
