// Drafting names that look like other words (src/knowledge/ingest/names.ts): a firm named by a common noun
// ("Note AI"), a name shaped like a demonym ("Pomari Robotics"), a known name with a firm's last word after it,
// another spelling given in brackets, a body whose name holds "and", a firm "of" its town. A made-up text.
import { afterAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { ingest } from "../../src/knowledge/ingest/write.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";
import { copyFixture, editYaml, entry, removeCopies } from "./fixture.js";

afterAll(removeCopies);

describe("drafting names that look like other words", () => {
  const text = [
    "Orchard Robots",
    "Note AI, based in Marlow, Kent, raised $200 million in 2025. Note says it delivered 300 pickers last year, and that figure will triple; Note's plant near Marlow is its first.",
    "On the Orchard Picking Suite, Pomari Robotics 2.5 picked 71% of apples and Mythos Robotics 2.0 picked 64%. Israeli growers bought 40 pickers, and US Robotics shipped none.",
    "Crestmoor (克雷斯特, also romanised as Kelaisite Orchards) shipped 5,500 picking robots in 2025.",
    "The National Fruit and Vegetable Commission (国家果蔬委, NFVC) counted 140 makers of picking robots in 2025.",
    "Brindle of Ashford, Kent, builds 800 pickers a year, while Brindle's rival Tamsin Farms builds 300.",
  ].join("\n");
  const dir = copyFixture();
  ingest({ dir, text, id: "orchard-robots", title: "Orchard Robots", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);
  const entity = (name: string) =>
    knowledge.entities.find((e) => e.name === name || e.aliases.includes(name));
  const facts = knowledge.facts.filter((f) => f.source === "orchard-robots");
  const core = createCore({ knowledge });

  it("drafts a firm named by a common noun and a firm's last word, and the draft passes the check", () => {
    expect(entity("Note AI")?.kind).toBe("company");
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });

  it("finds such a firm by its common noun alone where the text capitalises it, but never as an alias", () => {
    const id = entity("Note AI")?.id;
    expect(entity("Note")).toBeUndefined();
    expect(facts.find((f) => f.quote.includes("delivered 300 pickers"))?.entities).toContain(id);
    expect(core.answer({ text: "How much did Note AI raise?" }).headline).toContain("200 million");
    // A question using the common noun in lower case is not about the firm.
    const card = core.answer({ text: "What figure does the text give for Crestmoor's robots?" });
    expect(card.citations.map((c) => c.paragraph)).not.toContain(2);
  });

  it("reads a word ending in -i before a capitalised word as a name, and before a lower-case one as a demonym", () => {
    expect(entity("Pomari Robotics 2.5")).toBeDefined();
    expect(entity("Israeli")).toBeUndefined();
    expect(knowledge.entities.some((e) => /^Israeli/.test(e.name))).toBe(false);
  });

  it("drafts a known name with a firm's last word after it as another thing, but not a country's", () => {
    const robotics = entity("Mythos Robotics 2.0");
    expect(robotics).toBeDefined();
    expect(robotics?.id).not.toBe("mythos");
    expect(knowledge.entities.some((e) => e.name === "US Robotics")).toBe(false);
    const picked = facts.find((f) => f.quote.includes("64%"));
    expect(picked?.entities).not.toContain("mythos");
  });

  it("knows a name written once by the other spelling its bracket gives", () => {
    const crestmoor = entity("Crestmoor");
    expect(crestmoor).toBeDefined();
    expect(entity("Kelaisite Orchards")?.id).toBe(crestmoor?.id);
    expect(entity("克雷斯特")?.id).toBe(crestmoor?.id);
  });

  it("drafts a body whose name holds 'and', known by its Chinese name with and without 'the nation's'", () => {
    const body = entity("National Fruit and Vegetable Commission");
    expect(body?.kind).toBe("organisation");
    expect(entity("国家果蔬委")?.id).toBe(body?.id);
    expect(entity("果蔬委")?.id).toBe(body?.id);
  });

  it("does not name a firm the text names alone after the town it is 'of'", () => {
    expect(entity("Brindle")).toBeDefined();
    expect(knowledge.entities.some((e) => e.name.startsWith("Brindle of"))).toBe(false);
  });

  it("answers a Chinese question in the everyday words of robots and shipments", () => {
    const card = core.answer({ text: "克雷斯特2025年出货了多少台机器人？" });
    expect(card.kind).toBe("answer");
    expect(card.headline).toContain("5,500");
  });
});

describe("drafting a count that leaves out what it counts, and a group written out in full", () => {
  const text = [
    "Orchard Crews",
    "Alder Works employs about 3,400 picking and packing staff, and Birch Mills about 2,100. Cedar Labs's crew has around 1,150 people. Dunmore (丹摩尔), whose sorter drew the most orders last year, has just 420, with an average age of 29; roughly 70% of its staff have no degree.",
    "Picking robots are made by few firms, and the three dominant makers, Alder Works, Birch Mills and Cedar Labs, together hold about 75% of the market for orchard pickers, according to the census.",
  ].join("\n");
  const dir = copyFixture();
  ingest({ dir, text, id: "orchard-crews", title: "Orchard Crews", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);
  const core = createCore({ knowledge });

  it("gives a bare count the measure of the counts before it in its paragraph, found by their words", () => {
    const bare = knowledge.facts.find((f) => f.quote.includes("has just 420"));
    expect(bare?.figures[0]?.unit).toBe("people");
    expect(bare?.keywords).toEqual(expect.arrayContaining(["picking and packing staff"]));
    const card = core.answer({ text: "How many staff does Dunmore have?" });
    expect(card.headline).toContain("420");
  });

  it("gives a bare count after a subject of its own to that subject", () => {
    const birch = knowledge.facts.find((f) => f.quote.startsWith("Birch Mills about 2,100"));
    expect(knowledge.entities.find((e) => e.id === birch?.subject)?.name).toBe("Birch Mills");
  });

  it("answers a count asked in Chinese with a count, not a share", () => {
    const card = core.answer({ text: "丹摩尔有多少员工？" });
    expect(card.headline).toContain("420");
  });

  it("does not answer one member's share with a sentence whose figure the group holds together", () => {
    const card = core.answer({ text: "What share of the orchard picker market does Birch Mills hold?" });
    expect(card.headline).not.toContain("75%");
  });

  it("answers which companies with a sentence that writes out the group's members", () => {
    const card = core.answer({ text: "Which companies dominate orchard pickers?" });
    expect(card.kind).toBe("answer");
    expect(card.citations[0]?.paragraph).toBe(3);
  });
});

describe("drafting whose a figure is, where the first name is not", () => {
  const text = [
    "Orchard Deals",
    "Alder Works, based in Marlow, raised $1 billion in 2025 at a $39 billion valuation, making it the region's most valuable grower and worth about twice as much as Birch Mills's listed value. Alder Works says it delivered 300 pickers last year, mainly to Cedar Labs's farm in Ostrow.",
    "Dunmore Robotics runs a plant in Salem, Oregon, with room for 10,000 pickers a year. Tamsin of Ashford, Kent, which raised $403 million in 2025, builds its pickers with Jabil. Kestrel reckons that Dunmore Robotics and Tamsin together shipped about 900 pickers.",
    "On the Orchard Picking Suite, a test of 1,200 tasks run by growers, Pomari Robotics 2.5 picked 71% of apples. The best Chinese entry, Crestmoor X9, picked 59%.",
  ].join("\n");
  const dir = copyFixture();
  // The country's adjective is one of its names, as in the shipped knowledge.
  editYaml(dir, "entities/all.yaml", (doc) => {
    entry<{ aliases: string[] }>(doc, "entities", "china").aliases.push("Chinese");
  });
  ingest({ dir, text, id: "orchard-deals", title: "Orchard Deals", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);
  const facts = knowledge.facts.filter((f) => f.source === "orchard-deals");
  const subjectOf = (part: string) => {
    const id = facts.find((f) => f.quote.includes(part))?.subject;
    return knowledge.entities.find((e) => e.id === id)?.name;
  };

  it("gives a figure set against another's to the clause's own subject, not the one it is set against", () => {
    expect(subjectOf("twice as much as Birch Mills")).toBe("Alder Works");
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });

  it("gives what one says of itself ('says it delivered') to the one saying it", () => {
    expect(subjectOf("delivered 300 pickers")).toBe("Alder Works");
  });

  it("gives a clause opening on 'which' to the name just before it, and reads a town with its state as a place", () => {
    expect(subjectOf("which raised $403 million")).toBe("Tamsin");
    expect(knowledge.entities.find((e) => e.name === "Ashford")?.kind ?? "country").toBe("country");
  });

  it("gives a figure to the name after the scene a clause opens on, and to the thing a country's adjective qualifies", () => {
    expect(subjectOf("picked 71%")).toBe("Pomari Robotics 2.5");
    expect(subjectOf("picked 59%")).toBe("Crestmoor X9");
  });
});

describe("drafting the part of a sentence a figure stands in", () => {
  const text = [
    "Orchard Prices",
    "Alder Works has no paid tier, and Birch Mills's membership plan, launched in 2025, costs 49 crowns a month.",
    "Cedar Labs cut the price of its X5 picker by 80% in June 2025, and in August released the Z7-120b, a picker that dealers sell for about $150 per orchard.",
    "Growers say Gemini 2.5 Pro picks 300 crates a day. By the census's count, Northland growers announced at least 41 separate price cuts for their flagship picking machines between May 2024 and February 2026, nearly two and a half times as many as the 17 announced by the three leading Southland growers, Dunmore, Tamsin and Orlo, over the same period.",
    "China awarded roughly 5,100 orchard doctorates in 2025, compared with about 3,300 in the United States.",
  ].join("\n");
  const dir = copyFixture();
  ingest({ dir, text, id: "orchard-prices", title: "Orchard Prices", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);
  const facts = knowledge.facts.filter((f) => f.source === "orchard-prices");
  const entity = (name: string) =>
    knowledge.entities.find((e) => e.name === name || e.aliases.includes(name));
  const core = createCore({ knowledge });

  it("gives a figure to the name of the part after ', and', not to the name before it", () => {
    const plan = facts.find((f) => f.quote.includes("49 crowns"));
    expect(plan?.subject).toBe(entity("Birch Mills")?.id);
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });

  it("cuts off a figure after a product code the first part does not write, so the cut is not its price", () => {
    expect(facts.find((f) => f.quote.includes("80%"))?.figures.map((g) => g.text)).toEqual(["80%"]);
    const card = core.answer({ text: "What does Cedar Labs's X5 cost per orchard after the price cut?" });
    expect(card.headline).not.toContain("150");
  });

  it("drafts a name ending in -i before a version number, and keeps 'two and a half times' whole", () => {
    expect(entity("Gemini 2.5 Pro")).toBeDefined();
    expect(facts.some((f) => /^a half times/.test(f.quote))).toBe(false);
  });

  it("answers two countries compared on words no gap topic holds with the figures in those words", () => {
    const card = core.answer({ text: "/compare orchard doctorates China vs US 2025" });
    expect(card.headline).toContain("5,100");
    expect(card.citations[0]?.source).toBe("orchard-prices");
  });
});

describe("answering a share of what is asked, and of those set outside it", () => {
  const text = [
    "Orchard Shares",
    "Teshan Consulting estimates that only 12%-15% of Chinese crates in 2025 went into cider.",
    "Kestrel reckons growers outside the US and China accounted for less than 4% of apple crates in 2025.",
  ].join("\n");
  const dir = copyFixture();
  editYaml(dir, "entities/all.yaml", (doc) => {
    entry<{ aliases: string[] }>(doc, "entities", "china").aliases.push("Chinese");
  });
  ingest({ dir, text, id: "orchard-shares", title: "Orchard Shares", publisher: "Grower Weekly" });
  const core = createCore({ knowledge: readKnowledge(dir).knowledge });

  it("reads what a share is of up to the verb, past words such as 'actually' and 'went'", () => {
    const card = core.answer({ text: "What share of Chinese crates actually went into cider?" });
    expect(card.headline).toContain("12%-15%");
  });

  it("answers a share of those outside A and B when asked so, but not A's share", () => {
    expect(
      core.answer({ text: "What share of apple crates came from growers outside the US and China?" })
        .headline,
    ).toContain("4%");
    const us = core.answer({ text: "What share of US apple crates went to growers in 2025?" });
    expect(us.headline).not.toContain("4%");
  });
});

describe("answering a name the question writes that is part of an entity's name only", () => {
  const text = [
    "Orchard Apps",
    "Growers say Gemini 2.5 Pro picks 300 crates a day, more than any other picker.",
    "Dunmore Labs said in October 2025 that Orchard Chat had 800 million weekly active users, and Tamsin Farms said its Gemini app had 650 million monthly users.",
  ].join("\n");
  const dir = copyFixture();
  ingest({ dir, text, id: "orchard-apps", title: "Orchard Apps", publisher: "Grower Weekly" });
  const core = createCore({ knowledge: readKnowledge(dir).knowledge });

  it("does not answer a measure of 'the Gemini app' with another app's, though 'Gemini' is a word of an entity's name", () => {
    const card = core.answer({ text: "How many weekly active users does the Gemini app have?" });
    expect(card.headline).not.toContain("800");
  });
});

describe("drafting a figure 'of them'", () => {
  const text = [
    "Orchard Magnets",
    "Those magnets are a worry. China produces about 90% of the world's sintered pear magnets, and Teshan Consulting estimates that a full-size picker contains 2-4kg of them.",
  ].join("\n");
  const dir = copyFixture();
  ingest({ dir, text, id: "orchard-magnets", title: "Orchard Magnets", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);

  it("finds a figure of 'them' by what the figure before it counted", () => {
    const them = knowledge.facts.find((f) => f.quote.includes("2-4kg of them"));
    expect(them?.keywords).toContain("sintered pear magnets");
    const card = createCore({ knowledge }).answer({ text: "How many kg of pear magnets are in a picker?" });
    expect(card.headline).toContain("2-4");
  });
});

describe("answering a share of a total with a share of a growth", () => {
  const text = [
    "Orchard Demand",
    "Teshan Consulting estimates that cider mills will account for about 6% of China's growth in apple demand between 2024 and 2030.",
  ].join("\n");
  const dir = copyFixture();
  ingest({ dir, text, id: "orchard-demand", title: "Orchard Demand", publisher: "Grower Weekly" });
  const core = createCore({ knowledge: readKnowledge(dir).knowledge });

  it("does not answer a share of the total with a share of its growth, but answers a share of the growth", () => {
    const total = core.answer({
      text: "What share of China's total apple demand will cider mills take by 2030?",
    });
    expect(total.headline).not.toContain("6%");
    const growth = core.answer({
      text: "What share of China's growth in apple demand will cider mills account for?",
    });
    expect(growth.headline).toContain("6%");
  });
});
