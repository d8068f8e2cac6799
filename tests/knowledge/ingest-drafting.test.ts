// Drafting a new source's facts in general (src/knowledge/ingest/): units written as symbols, ranges with
// their unit after the upper end, who reports a figure as against whose it is, people known by their
// surname, and the words a figure's metric is named by. A made-up text on a subject the fixture knows nothing of.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readNumbers } from "../../src/knowledge/ingest/figures.js";
import { figureClauses } from "../../src/knowledge/ingest/text.js";
import { ingest } from "../../src/knowledge/ingest/write.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/schema.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";
import { copyFixture, removeCopies } from "./fixture.js";

afterAll(removeCopies);

const figures = (text: string) =>
  readNumbers(text, () => undefined).flatMap((r) => (r.kind === "figure" ? [r.figure] : []));

describe("reading figures", () => {
  it("keeps a unit symbol as written, so that MW and mW stay apart", () => {
    expect(figures("The mill used about 210 TWh of power and 45 GW at peak.")).toMatchObject([
      { value: 210, unit: "TWh", qualifier: "about" },
      { value: 45, unit: "GW" },
    ]);
    expect(figures("A round trip takes 60 ms over 6,400 km of fibre.")).toMatchObject([
      { value: 60, unit: "ms" },
      { value: 6400, unit: "km" },
    ]);
  });

  it("reads a range as one figure whose unit is written after its upper end", () => {
    expect(figures("That would be 11-13% of demand.")).toMatchObject([
      { value: 11, max: 13, unit: "%", text: "11-13%" },
    ]);
    expect(figures("Contracts run for 10 to 20 years.")).toMatchObject([
      { value: 10, max: 20, unit: "years", text: "10 to 20 years".slice(0, 8) },
    ]);
    expect(figures("Demand rises to between 520 and 610 TWh by the end.")).toMatchObject([
      { value: 520, max: 610, unit: "TWh", text: "between 520 and 610" },
    ]);
    expect(figures("A system costs between $300 million and $500 million.")[0]).toMatchObject({
      value: 300e6,
      max: 500e6,
      unit: "USD",
    });
  });

  it("reads a fraction written in words as one figure, but not 'that one quarter' of a year", () => {
    expect(figures("They hold almost four-fifths of the total.")).toMatchObject([
      { value: 0.8, unit: "fraction", text: "four-fifths", qualifier: "about" },
    ]);
    expect(figures("Two thirds of them run at night.")[0]).toMatchObject({
      unit: "fraction",
      text: "Two thirds",
    });
    expect(figures("It shipped everything in that one quarter.")[0]?.unit).not.toBe("fraction");
  });

  it("reads a range whose unit symbol is glued to its upper end, but not a code", () => {
    expect(figures("A full-size picker holds 2-4kg of magnets.")).toMatchObject([
      { value: 2, max: 4, unit: "kg", text: "2-4" },
    ]);
    expect(figures("The X2-4kg crate is sold out.")).toEqual([]);
  });

  it("does not read a change from one figure to another, or two years, as a range", () => {
    const change = figures("Output grew from 120 to 410 crates.");
    expect(change.map((f) => f.max)).toEqual([undefined, undefined]);
    expect(change).toHaveLength(2);
    expect(figures("Prices held between 2019 and 2024 at 7 dollars.").every((f) => f.max === undefined)).toBe(
      true,
    );
  });
});

describe("cutting a sentence per figure", () => {
  const cut = (text: string) => {
    const pieces = figureClauses({ text, start: 0, end: text.length });
    for (const p of pieces) expect(text.slice(p.start, p.end)).toBe(p.text);
    return pieces.map((p) => p.text);
  };

  it("gives each of two figures set side by side its own clause, the conjunction in neither", () => {
    expect(
      cut("In 2024 we count about 2,900 growers in Northland, and 1,380 growers moving to Southland."),
    ).toEqual(["In 2024 we count about 2,900 growers in Northland", "1,380 growers moving to Southland."]);
    expect(
      cut("In Northland, 71% of new growers went into orchards; in Southland the figure was 48%."),
    ).toEqual(["In Northland, 71% of new growers went into orchards", "in Southland the figure was 48%."]);
  });

  it("cuts off a bare figure after a subject of its own, but not one that leaves its measure to the first", () => {
    expect(
      cut(
        "Northland growers picked roughly 83% of the crop, or 15,300 crates, while Southland growers picked fewer than 2,500.",
      ),
    ).toEqual([
      "Northland growers picked roughly 83% of the crop, or 15,300 crates",
      "Southland growers picked fewer than 2,500.",
    ]);
    const elided =
      "Teshan has disclosed an orchard of about 30,000 trees, while Kolani's is estimated at 350,000 H100-equivalents.";
    expect(cut(elided)).toEqual([elided]);
  });

  it("keeps a sentence whole where one side has no figure but a year or a version", () => {
    const whole =
      "The X9 flagship picks 35 crates a minute, and the whole family is sold under the Apache 2.0 licence.";
    expect(cut(whole)).toEqual([whole]);
    const years =
      "Output rose from 120 to 410 crates in Northland, and it stayed there between 2019 and 2024.";
    expect(cut(years)).toEqual([years]);
  });
});

const TEXT = [
  "Orchard Power",
  "According to the research firm Lanternfield Analytics, orchards in Northland used about 210 TWh of electricity last season, roughly 5% of the region's total. Lanternfield Analytics expects that figure to reach between 520 and 610 TWh, which would be 11-13% of demand.",
  "Mara Quell, Lanternfield Analytics's head of research, cautions that much of this is speculative. Quell said the queue is the real limit. Quell said about 40% of the queue will never be built.",
  "A cold-storage agreement, or CSA, is a contract under which a grower rents chilled space for 10 to 20 years.",
  "The Pellworth Institute estimates that about 45 GW of pumps are installed in Northland, of which about 14 GW run at night. It expects growers to order 30 GW of new pumps by 2028. That leaves a gap of 5-8 GW.",
  "CSV, or chilled storage volume, is the share of a warehouse kept below freezing; a CSV of 100% would mean every shelf of the warehouse is chilled, and a CSV of 50% half of them.",
  "Only three firms make the big pumps, and Tarrow Pumps, Kessling Hydraulics and Ormond Works together hold about 75% of the market, according to Pellworth Institute. Prices rose through mid-2025.",
  "Growers now buy the HX900 MK2 controller, which Tarrow Pumps sells for about $4,000.",
  "A pump house is the building where river water enters the orchard network. Northland pump houses each hold 12 pumps, and a pump house on the river can lift 3,000 litres of water a minute.",
  '"We plant at night because the pumps are idle then," said Gao Weilan, Tarrow Pumps\'s founder, at a fair in Eastmoor.',
  'In March 2025 Liu Chen left Kessling Hydraulics to join Ormond Works. "The big pumps were elsewhere," Liu told growers in Eastmoor.',
  "Elena Vasquez-Roth, Ormond Works's chief engineer, said the pumps were scarce.",
  "Ormond Works's Gleaner 5 picks 700 crates an hour.",
  "Last season Brackley Fruit packed 500 crates a day. In Eastmoor, Brackley says that about 30% of them go east.",
].join("\n");

function draft(): { facts: Fact[]; dir: string } {
  const dir = copyFixture();
  ingest({ dir, text: TEXT, id: "orchard-power", title: "Orchard Power", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);
  return { facts: knowledge.facts.filter((f) => f.source === "orchard-power"), dir };
}

describe("drafting facts", () => {
  const { facts, dir } = draft();
  const { knowledge } = readKnowledge(dir);
  const entity = (name: string) =>
    knowledge.entities.find((e) => e.name === name || e.aliases.includes(name));
  const fact = (part: string) => facts.find((f) => f.quote.includes(part));

  it("passes the check as written", () => {
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });

  it("gives a figure to what it is said of, and the firm that says so the attribution", () => {
    const used = fact("210 TWh");
    const firm = entity("Lanternfield Analytics");
    expect(firm).toBeDefined();
    expect(used?.attribution).toBe(firm?.id);
    expect(used?.subject).not.toBe(firm?.id);
    expect(used?.entities).toContain(firm?.id);
    expect(fact("45 GW")?.attribution).toBe(entity("Pellworth Institute")?.id);
  });

  it("gives a figure said of 'that figure' the measure of the one before it, and its words to search by", () => {
    const before = fact("210 TWh");
    const after = fact("between 520");
    expect(after?.metric).toBe(before?.metric);
    expect(after?.keywords.join(" ")).toMatch(/electricity/i);
  });

  it("gives a figure opening on 'That' the time of the sentence before it", () => {
    expect(fact("gap of 5-8 GW")?.as_of).toBe(fact("30 GW of new pumps")?.as_of);
    expect(fact("gap of 5-8 GW")?.as_of).toMatch(/2028/);
  });

  it("names a figure's metric by the words that measure it, not by its unit alone", () => {
    const metric = fact("210 TWh")?.metric ?? "";
    expect(metric).toMatch(/electricity/i);
    expect(metric).toMatch(/orchards|used/i);
    expect(fact("between 520")?.figures[0]).toMatchObject({ value: 520, max: 610, unit: "TWh" });
  });

  it("drafts a person from a role after the name, known later by the surname alone, and no unit as a name", () => {
    const person = entity("Mara Quell");
    expect(person?.kind).toBe("person");
    expect(person?.aliases).toContain("Quell");
    expect(knowledge.entities.filter((e) => e.aliases.includes("Quell") || e.name === "Quell")).toHaveLength(
      1,
    );
    expect(entity("GW")).toBeUndefined();
    expect(entity("TWh")).toBeUndefined();
  });

  it("drafts people from the words around a name: a surname shaped like a demonym, a year before, a hyphen", () => {
    expect(entity("Gao Weilan")?.kind).toBe("person");
    expect(entity("Elena Vasquez-Roth")?.kind).toBe("person");
    // Named in full after a year, and later by the first word alone, which is the surname.
    const liu = entity("Liu Chen");
    expect(liu?.kind).toBe("person");
    expect(liu?.aliases).toContain("Liu");
    // A firm known later by its first word, which "says" something, stays a firm.
    expect(entity("Brackley Fruit")?.kind).not.toBe("person");
  });

  it("gives a figure to the thing named after its owner's 's, not to the owner", () => {
    const picks = fact("700 crates");
    expect(picks?.subject).toBe(entity("Gleaner 5")?.id);
    expect(picks?.entities).toContain(entity("Ormond Works")?.id);
  });

  it("gives a quotation to whoever it is said by, not to the publisher", () => {
    expect(fact("We plant at night")?.attribution).toBe(entity("Gao Weilan")?.id);
  });

  it("drafts an acronym the text spells out as a term known by both", () => {
    const csa = entity("CSA");
    expect(csa?.kind).not.toBe("company");
    expect(csa?.aliases).toContain("cold-storage agreement");
  });

  it("answers who a person is with the sentence that introduces them, not a figure they are quoted on", () => {
    const card = createCore({ knowledge }).answer({ text: "Who is Mara Quell?" });
    expect(card.headline).toMatch(/head of research/);
    expect(card.citations[0]?.paragraph).toBe(3);
  });

  it("answers what a term is with the sentence that defines it, spelled out, before sentences giving it figures", () => {
    const core = createCore({ knowledge });
    const csv = core.answer({ text: "What is CSV?" });
    expect(csv.headline).toMatch(/chilled storage volume, is the share/i);
    expect(entity("CSV")?.aliases).toContain("chilled storage volume");
    const house = core.answer({ text: "What is a pump house?" });
    expect(house.headline).toMatch(/^A pump house is the building/);
  });

  it("gives a figure several firms hold together to their group, never to one member, and says so when asked", () => {
    const share = fact("together hold about 75%");
    const group = knowledge.entities.find((e) => e.id === share?.subject);
    expect(group?.kind).toBe("group");
    expect(group?.members).toEqual(
      expect.arrayContaining([entity("Tarrow Pumps")?.id, entity("Kessling Hydraulics")?.id]),
    );
    const card = createCore({ knowledge }).answer({
      text: "What is Kessling Hydraulics's own share of the pump market?",
    });
    expect(card.kind).toBe("not_found");
  });

  it("names a product by codes written together, and no date as a code", () => {
    expect(entity("HX900 MK2")).toBeDefined();
    expect(entity("MK2")).toBeUndefined();
    expect(entity("mid-2025")).toBeUndefined();
  });

  it("answers a rate only with a figure given per that unit, and says so when none is", () => {
    const core = createCore({ knowledge });
    const lift = core.answer({ text: "How much water can a pump house lift per minute?" });
    expect(lift.kind).toBe("answer");
    expect(lift.headline).toMatch(/3,000 litres/);
    const monthly = core.answer({ text: "How much does the HX900 MK2 controller cost per month?" });
    expect(monthly.kind).toBe("not_found");
    expect(core.answer({ text: "How much does the HX900 MK2 controller cost?" }).headline).toMatch(/\$4,000/);
  });
  it("marks each unit hint it drafts with its source, and drops the stale ones when the text changes", () => {
    const own = copyFixture();
    const hints = () => readKnowledge(own).knowledge.vocabulary.units.hints;
    const curated = hints().length;
    ingest({ dir: own, text: TEXT, id: "orchard-power", title: "Orchard Power", publisher: "Grower Weekly" });
    const drafted = hints().filter((h) => h.draft === "orchard-power");
    expect(drafted.some((h) => new RegExp(h.cue, "u").test("electricity"))).toBe(true);
    // The text no longer measures electricity: its hint goes, the curated ones stay.
    const changed = TEXT.replace(/ of electricity/g, "");
    ingest({
      dir: own,
      text: changed,
      id: "orchard-power",
      title: "Orchard Power",
      publisher: "Grower Weekly",
    });
    const after = hints();
    expect(after.some((h) => h.draft === "orchard-power" && new RegExp(h.cue, "u").test("electricity"))).toBe(
      false,
    );
    expect(after.filter((h) => h.draft === undefined)).toHaveLength(curated);
    expect(validateKnowledge(readKnowledge(own))).toEqual([]);
  });

  it("adds the words that ask for a unit the text measures in, each once, to the vocabulary", () => {
    const hints = knowledge.vocabulary.units.hints;
    const electricity = hints.filter((h) => new RegExp(h.cue, "u").test("electricity"));
    expect(electricity.flatMap((h) => h.units)).toContain("TWh");
    expect(knowledge.vocabulary.units.known).toContain("TWh");
    ingest({ dir, text: TEXT, id: "orchard-power", title: "Orchard Power", publisher: "Grower Weekly" });
    const again = readKnowledge(dir).knowledge.vocabulary.units.hints;
    expect(again.filter((h) => new RegExp(h.cue, "u").test("electricity"))).toHaveLength(electricity.length);
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });
});

describe("drafting names a text shortens", () => {
  // Names shaped like demonyms ("Varian", "Kolani", "Teshan") and firms later called by their first word alone.
  const text = [
    "Cider Ledger",
    "Kolani Orchards sold 41.7 million crates in January, ahead of Varian Growers at 33.2 million.",
    "Kolani's packing lines run all night. Varian's lines stop at six, while lines at Teshan Fruit never stop.",
    "Teshan's founder spoke in Hangzhou. The three largest northern growers, Kolani, Teshan and Ordway Farms, together shipped 212 orchards' worth of crates in 2025.",
    "Ordway Farms alone planted 37 new rows in 2025.",
  ].join("\n");
  const dir = copyFixture();
  ingest({ dir, text, id: "cider-ledger", title: "Cider Ledger", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);
  const entity = (name: string) =>
    knowledge.entities.find((e) => e.name === name || e.aliases.includes(name));
  const facts = knowledge.facts.filter((f) => f.source === "cider-ledger");

  it("drafts a word shaped like a demonym as a name when the text makes it own something", () => {
    expect(entity("Kolani Orchards")?.kind).toBe("company");
    expect(entity("Varian Growers")?.kind).toBe("company");
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });

  it("knows a firm by the first word of its full name, as one entity", () => {
    expect(entity("Kolani")?.id).toBe(entity("Kolani Orchards")?.id);
    expect(entity("Varian")?.id).toBe(entity("Varian Growers")?.id);
    expect(
      knowledge.entities.filter((e) => e.name === "Kolani" || e.aliases.includes("Kolani")),
    ).toHaveLength(1);
  });

  it("gives a figure a group listed after a collective noun holds together to the group, not a member", () => {
    const shipped = facts.find((f) => f.quote.includes("together shipped"));
    const group = knowledge.entities.find((e) => e.id === shipped?.subject);
    expect(group?.kind).toBe("group");
    expect(group?.members).toEqual(
      expect.arrayContaining([entity("Kolani")?.id, entity("Teshan Fruit")?.id, entity("Ordway Farms")?.id]),
    );
    const card = createCore({ knowledge }).answer({
      text: "How many crates did Kolani Orchards ship in 2025?",
    });
    expect(card.kind).toBe("not_found");
  });
});

describe("drafting the measure and time a clause leaves to its sentence", () => {
  const text = [
    "Grower Census",
    "Our finding is that the north now trains far more of the region's senior orchard pickers than the south does. By home county, 47% of senior pickers in our 2025 sample trained in Northland, against 18% in Southland. By current farm, 57% work in Southland and 12% work in Northland.",
    "In 2025 we count about 2,900 Northland pickers taking new orchard jobs in Southland, with most of them arriving in the spring after the long harvest, and 1,380 Southland-trained pickers with orchard experience moving to jobs in Northland.",
    "In a survey of 1,200 Southland farms, 27% said they used at least one Northland picker crew in January 2026, a share that has grown every quarter, up from 6% a year earlier according to the census office.",
  ].join("\n");
  const dir = copyFixture();
  ingest({ dir, text, id: "grower-census", title: "Grower Census", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);
  const facts = knowledge.facts.filter((f) => f.source === "grower-census");
  const fact = (part: string) => facts.find((f) => f.quote.includes(part));

  it("reads a year naming which sample or survey as a date, not a count", () => {
    expect(fact("47% of senior pickers")?.figures.map((g) => g.text)).toEqual(["47%", "18%"]);
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });

  it("gives a share that leaves out what it is a share of the measure of the share before it, in its fuller words", () => {
    const before = fact("47% of senior pickers");
    const elided = fact("57% work in Southland");
    expect(before?.metric).toBe("Share of senior pickers");
    expect(elided?.metric).toBe(before?.metric);
    expect(elided?.keywords).toContain("senior orchard pickers");
  });

  it("gives a later clause of a sentence the sentence's time, unless it sets its figure against another time", () => {
    expect(fact("1,380 Southland-trained")?.as_of).toBe(fact("2,900 Northland")?.as_of);
    expect(fact("1,380 Southland-trained")?.as_of).toMatch(/2025/);
    expect(fact("up from 6%")?.as_of ?? "").not.toMatch(/2026/);
  });
});

describe("drafting a name written in Chinese beside it, and a family named again", () => {
  const text = [
    "Orchard Families",
    "Growers know Lanfeng AI (蓝枫智能) for the QX-3 apple family, and Tarrow Pumps waters it. The growers of Lanfeng pick by hand.",
    "The QX-3 family ranges from 0.6 kilograms to 4.8 kilograms per tree. The flagship QX-3-48 is a late apple with 35 seeds per fruit, and the whole family is sold under the Open Orchard licence.",
  ].join("\n");
  const dir = copyFixture();
  ingest({ dir, text, id: "orchard-families", title: "Orchard Families", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);
  const entity = (name: string) =>
    knowledge.entities.find((e) => e.name === name || e.aliases.includes(name));

  it("knows a firm by the Chinese name in brackets after its name and a word the name drops ('AI')", () => {
    expect(entity("蓝枫智能")?.id).toBe(entity("Lanfeng")?.id);
    expect(entity("Lanfeng")).toBeDefined();
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });

  it("gives what 'the whole family' is said to have to the family the paragraph is about", () => {
    const sold = knowledge.facts.find((f) => f.quote.includes("the whole family is sold"));
    expect(sold?.entities).toContain(entity("QX-3")?.id);
    const card = createCore({ knowledge }).answer({ text: "What licence is QX-3 sold under?" });
    expect(card.kind).toBe("answer");
    expect(card.citations[0]?.paragraph).toBe(3);
  });
});

describe("drafting a bracket that gives a name several ways", () => {
  const text = [
    "Orchard Machines",
    "Brenfield (布伦菲尔德, Bulunfeierde Machinery), the Ostrow maker, shipped 5,500 pickers in 2025.",
    "The National Orchard Office (国家果办, NOO) counted 140 makers of pickers in 2025.",
  ].join("\n");
  const dir = copyFixture();
  ingest({ dir, text, id: "orchard-machines", title: "Orchard Machines", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);
  const entity = (name: string) =>
    knowledge.entities.find((e) => e.name === name || e.aliases.includes(name));

  it("knows the name by each Chinese name and short name in the bracket, and the draft passes the check", () => {
    expect(entity("布伦菲尔德")?.id).toBe(entity("Brenfield")?.id);
    expect(entity("国家果办")?.id).toBe(entity("National Orchard Office")?.id);
    expect(entity("NOO")?.id).toBe(entity("National Orchard Office")?.id);
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });

  it("answers a question asked in the Chinese name", () => {
    const card = createCore({ knowledge }).answer({ text: "布伦菲尔德2025年出货了多少台采摘机？" });
    expect(card.citations[0]?.paragraph).toBe(2);
    expect(card.headline).toContain("5,500");
  });
});

describe("drafting a name the text says another goes by", () => {
  const text = [
    "Export Names",
    'In export coverage, Brennick Farms is sometimes rendered "Cold River Orchards"; and Ostrow Growers appears as "Eastern Apple".',
    "Buyers in the south say that Cold River Orchards shipped 12,000 crates of apples in 2025.",
  ].join("\n");
  const dir = copyFixture();
  ingest({ dir, text, id: "export-names", title: "Export Names", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);
  const entity = (name: string) =>
    knowledge.entities.find((e) => e.name === name || e.aliases.includes(name));

  it("makes the other name an alias of the one it is said of, one entity", () => {
    expect(entity("Brennick Farms")).toBeDefined();
    expect(entity("Cold River Orchards")?.id).toBe(entity("Brennick Farms")?.id);
    expect(entity("Eastern Apple")?.id).toBe(entity("Ostrow Growers")?.id);
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });

  it("answers a question naming one with what the text says under the other", () => {
    const card = createCore({ knowledge }).answer({
      text: "How many crates did Brennick Farms ship in 2025?",
    });
    expect(card.kind).toBe("answer");
    expect(card.headline).toMatch(/12,000/);
  });
});

describe("drafting a figure's time said as the sentence before's", () => {
  const text = [
    "Crate Counts",
    "In January 2026, for the first time, the most-shipped apple in the north was not a Southland one. Brennick Farms's Red Nine apples logged 41.7 million crates in the month, ahead of Ostrow Growers at 33.2 million.",
  ].join("\n");
  const dir = copyFixture();
  ingest({ dir, text, id: "crate-counts", title: "Crate Counts", publisher: "Grower Weekly" });
  const { knowledge } = readKnowledge(dir);

  it("gives a figure 'in the month' the time the sentence before named", () => {
    const logged = knowledge.facts.find((f) => f.quote.includes("41.7 million crates"));
    expect(logged?.as_of).toMatch(/January 2026/);
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
  });
});

describe("a drafted fact's side comes from the pack's own sides", () => {
  // The synthetic pack compares sides with ids of its own (north, south), each standing for a country entity.
  const SYNTHETIC = fileURLToPath(new URL("../fixtures/synthetic-pack", import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), "gapbot-sides-"));
  cpSync(SYNTHETIC, dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = [
    "Harvest Notes",
    "Northland's growers picked 4.2 million crates in 2025.",
    "Southland's growers picked 1.9 million crates in 2025.",
    "Northland and Southland together planted 12,000 rows in 2025.",
    "Eastland's growers picked 0.8 million crates in 2025.",
    "Orchards in Northland strung 310 kilometres of trellis wire in 2025, and trellis wire now holds most northern rows.",
    "Orchards in Southland strung 120 kilometres of trellis wire in 2025; trellis wire is newer there.",
    "Trellis wire snaps in storms: orchards in Northland replaced 40 kilometres of trellis wire in 2025.",
  ].join("\n");
  ingest({ dir, text, id: "harvest-notes", title: "Harvest Notes", publisher: "Grower Weekly" });
  const loaded = readKnowledge(dir);
  const sideAt = (paragraph: number) =>
    loaded.knowledge.facts.find((f) => f.source === "harvest-notes" && f.paragraph === paragraph)?.side;

  it("gives a figure on one side's country that side's id, both sides' countries global, neither other", () => {
    expect(sideAt(2)).toBe("north");
    expect(sideAt(3)).toBe("south");
    expect(sideAt(4)).toBe("global");
    expect(sideAt(5)).toBe("other");
  });

  it("drafts a topic that lists the first side's facts under first and the second's under second", () => {
    const trellis = loaded.knowledge.topics.find((t) => t.draft && t.id === "trellis");
    const sideOfId = (id: string) => loaded.knowledge.facts.find((f) => f.id === id)?.side;
    expect(trellis?.first.length).toBeGreaterThan(0);
    expect(trellis?.second.length).toBeGreaterThan(0);
    expect(trellis?.first.map(sideOfId).every((s) => s === "north")).toBe(true);
    expect(trellis?.second.map(sideOfId).every((s) => s === "south")).toBe(true);
    expect(trellis?.summary).toMatch(/Northland and Southland/);
  });

  it("labels a figure after a possessive name by its measure words, with nothing left of the possessive", () => {
    const picked = loaded.knowledge.facts.find((f) => f.source === "harvest-notes" && f.paragraph === 2);
    expect(picked?.metric).toMatch(/^Growers picked/);
  });

  it("drafts facts the validator accepts, sides included", () => {
    expect(validateKnowledge(loaded).filter((p) => /side/i.test(p.message))).toEqual([]);
  });
});
