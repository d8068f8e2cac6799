// `gapbot ingest`: a new source drafted into a copy of the small fixture passes the check as written, is marked
// as a draft and answers at once; ingesting a changed text keeps curated edits, moving a quote that moved, and
// stops, writing nothing, when a curated entry no longer fits.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createCore } from "../../src/core/index.js";
import { IngestConflict, ingest } from "../../src/knowledge/ingest/write.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";
import { ensureBuilt, root } from "../start/ensure-built.js";
import { copyFixture, editYaml, removeCopies } from "./fixture.js";

const shippedCopies: string[] = [];
afterAll(() => {
  for (const d of shippedCopies) rmSync(d, { recursive: true, force: true });
});
/** A copy of the shipped knowledge/. */
function copyShipped(): string {
  const dir = mkdtempSync(join(tmpdir(), "gapbot-shipped-"));
  cpSync(join(root, "knowledge"), dir, { recursive: true });
  shippedCopies.push(dir);
  return dir;
}

afterAll(removeCopies);
beforeAll(ensureBuilt, 60_000);

const TEXT = [
  "Widget Report",
  "Huawei shipped 120k Ascend 910B chips in 2024, and about 300k this year, according to Widget Research.",
  "The new Zephyr Z9 accelerator from Kestrel Labs draws 700 watts, more than the Nvidia A100.",
  "Kestrel Labs raised $1.5B in funding on March 3rd 2025.",
  "Anthropic said Mythos is its largest model so far, and that it will not be released.",
].join("\n");

const SOURCE = {
  id: "widget-report",
  title: "Widget Report",
  publisher: "Widget Research",
  published: "2025-10-01",
};

function drafted(text = TEXT): string {
  const dir = copyFixture();
  ingest({ dir, text, ...SOURCE });
  return dir;
}

const answer = (dir: string, q: string) =>
  createCore({ knowledge: readKnowledge(dir).knowledge }).answer({ text: q });

/** Every file under dir with its contents, to see that nothing was written. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[path] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  return out;
}

describe("a drafted source", () => {
  it("passes the check as written, stores the text one paragraph per line and registers the source as a draft", () => {
    const dir = drafted();
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
    expect(readFileSync(join(dir, "sources/widget-report.txt"), "utf8")).toBe(`${TEXT}\n`);
    const source = readKnowledge(dir).knowledge.sources.find((s) => s.id === "widget-report");
    expect(source).toMatchObject({ publisher: "Widget Research", published: "2025-10-01", draft: true });
  });

  it("drafts a fact per sentence with a figure, its figures parsed with unit and qualifier, and names linked", () => {
    const { knowledge } = readKnowledge(drafted());
    const facts = knowledge.facts.filter((f) => f.source === "widget-report");
    expect(facts.every((f) => f.draft === true)).toBe(true);
    const shipped = facts.find((f) => f.paragraph === 2);
    expect(shipped?.figures).toEqual([
      { value: 120_000, unit: "chips", text: "120k" },
      { value: 300_000, unit: "chips", text: "300k", qualifier: "about" },
    ]);
    expect(shipped?.entities).toEqual(expect.arrayContaining(["huawei", "ascend-910b"]));
    // Whose figure it is, said outright: the fact names a company and a chip (and the publisher).
    expect(shipped?.subject).toBe("huawei");
    expect(shipped?.as_of).toBe("in 2024");
    expect(facts.find((f) => f.paragraph === 4)?.figures).toEqual([
      { value: 1.5e9, unit: "USD", text: "$1.5B" },
    ]);
    // A sentence without a figure that says who said what is a fact too.
    expect(facts.find((f) => f.paragraph === 5)?.entities).toEqual(
      expect.arrayContaining(["anthropic", "mythos"]),
    );
  });

  it("proposes new names and product codes as draft entities, and a new unit", () => {
    const { knowledge } = readKnowledge(drafted());
    const named = (name: string) => knowledge.entities.find((e) => e.name === name);
    expect(named("Zephyr Z9")).toMatchObject({ kind: "chip", draft: true });
    expect(named("Kestrel Labs")).toMatchObject({ draft: true });
    // The pack lists its units in vocabulary.yaml: the new one joins them there.
    expect(knowledge.vocabulary.units.known).toContain("watts");
  });

  it("lists dates and names' numbers as ignored, with a reason", () => {
    const { knowledge } = readKnowledge(drafted());
    const ignored = knowledge.ignored.filter((i) => i.source === "widget-report");
    expect(ignored).toContainEqual(expect.objectContaining({ paragraph: 3, text: "Zephyr Z9", draft: true }));
    expect(ignored.every((i) => i.reason.length > 0)).toBe(true);
  });

  it("answers from the draft at once, citing the new source", () => {
    const dir = drafted();
    for (const [q, figure] of [
      ["How many Ascend 910B chips did Huawei ship in 2024?", "120k"],
      ["How much did Kestrel Labs raise?", "$1.5B"],
      ["/chip Zephyr Z9", "700"],
    ] as const) {
      const card = answer(dir, q);
      expect(card.headline, q).toContain(figure);
      expect(card.citations[0]?.source, q).toBe("widget-report");
    }
  });
});

describe("ingesting a changed text", () => {
  /** A draft whose funding fact a person curated: a new claim, the draft mark removed. */
  function curated(): string {
    const dir = drafted();
    editYaml(dir, "facts/widget-report.yaml", (doc) => {
      const fact = (doc.facts as Record<string, unknown>[]).find((f) => f.paragraph === 4);
      if (!fact) throw new Error("no funding fact");
      fact.claim = "Kestrel Labs raised $1.5B.";
      fact.keywords = ["funding round"];
      delete fact.draft;
    });
    return dir;
  }

  it("keeps curated edits, moves a curated quote that moved, and replaces the draft", () => {
    const dir = curated();
    const changed = [
      "Widget Report",
      "Kestrel Labs raised $1.5B in funding on March 3rd 2025.",
      "Huawei shipped 150k Ascend 910B chips in 2024.",
    ].join("\n");
    ingest({ dir, text: changed, ...SOURCE });
    const { knowledge } = readKnowledge(dir);
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
    const facts = knowledge.facts.filter((f) => f.source === "widget-report");
    const funding = facts.find((f) => f.claim === "Kestrel Labs raised $1.5B.");
    expect(funding).toMatchObject({ paragraph: 2, keywords: ["funding round"] });
    expect(funding?.draft).toBeUndefined();
    // Drafted once: the curated fact stands for its sentence.
    expect(facts.filter((f) => f.quote.includes("$1.5B"))).toHaveLength(1);
    expect(facts.find((f) => f.paragraph === 3)?.figures[0]).toMatchObject({ value: 150_000 });
    expect(facts.some((f) => f.quote.includes("120k") || f.quote.includes("Zephyr"))).toBe(false);
    expect(knowledge.entities.some((e) => e.name === "Zephyr Z9")).toBe(false);
  });

  it("stops with a message naming the curated fact whose quote is gone, and writes nothing", () => {
    const dir = curated();
    const before = contents(dir);
    const changed = TEXT.replace("raised $1.5B in funding", "raised $2B in funding");
    let error: unknown;
    try {
      ingest({ dir, text: changed, ...SOURCE });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(IngestConflict);
    expect((error as Error).message).toMatch(
      /facts\/widget-report\.yaml › widget-kestrel-labs-1-5b-usd-p4 › quote: "Kestrel Labs raised \$1\.5B in funding on March 3rd 2025\." no longer stands in ¶4 nor anywhere in the new text/,
    );
    expect(contents(dir)).toEqual(before);
  });

  it("given the same text again, changes no file, and a curated draft's knowledge not at all", () => {
    const dir = drafted();
    const before = contents(dir);
    ingest({ dir, text: TEXT, ...SOURCE });
    expect(contents(dir)).toEqual(before);
    const edited = curated();
    const knowledge = readKnowledge(edited).knowledge;
    ingest({ dir: edited, text: TEXT, ...SOURCE });
    const again = readKnowledge(edited).knowledge;
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(again.facts)).toEqual(byId(knowledge.facts));
    expect(byId(again.entities)).toEqual(byId(knowledge.entities));
  });
});

describe("gapbot ingest", () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, [join(root, "bin/gapbot.js"), "ingest", ...args], { encoding: "utf8" });

  it("drafts from a file into --knowledge and says what it wrote, with no progress line off a terminal", () => {
    const dir = copyFixture();
    const file = join(dir, "..", `${dir.split("/").pop()}-widget.txt`);
    writeFileSync(file, TEXT);
    const result = run([file, "--id", "widget-report", "--title", "Widget Report", "--knowledge", dir]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^widget-report: 5 paragraphs, \d+ draft facts, \d+ draft entities/);
    expect(parse(readFileSync(join(dir, "sources.yaml"), "utf8")).sources).toHaveLength(2);
  });

  it("given no --id or --title, says what is missing and how to call it, and exits 2", () => {
    const result = run(["some.txt"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--id is needed");
    expect(result.stderr).toContain("--title is needed");
    expect(result.stderr).toContain("usage: gapbot ingest FILE --id ID --title TITLE");
  });
});

describe("drafting, in general", () => {
  const TEXT2 = [
    "Quarterly Production Numbers",
    "Kestrel Labs makes the Zephyr line. Kestrel Labs shipped 40k Zephyr Z9 units in 2024. They expect 90k this year.",
    "Zephyr Z9 supply is tight. It requires at most 5k wafers per month of foundry capacity.",
  ].join("\n");

  it("counts a named chip in chips, carries a counted thing to a bare figure, and reads a pronoun as the paragraph's subject", () => {
    const dir = copyFixture();
    ingest({ dir, text: `${TEXT}\n${TEXT2}`, ...SOURCE });
    const { knowledge } = readKnowledge(dir);
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
    const facts = knowledge.facts.filter((f) => f.source === "widget-report");
    const shipped = facts.find((f) => f.quote.includes("40k"));
    expect(shipped?.figures[0]).toMatchObject({ value: 40_000, unit: "chips" });
    const expect90k = facts.find((f) => f.quote.includes("90k"));
    expect(expect90k?.entities).toContain("kestrel-labs");
    const wafers = facts.find((f) => f.quote.includes("5k"));
    expect(wafers?.figures[0]).toMatchObject({ unit: "wafers per month", qualifier: "up-to" });
    expect(wafers?.entities).toContain("zephyr-z9");
    // A heading's capitals name nothing; one thing written two ways is one entity.
    const names = knowledge.entities.map((e) => e.name);
    expect(names).not.toContain("Quarterly Production Numbers");
    expect(names.filter((n) => n.includes("Zephyr Z9"))).toHaveLength(1);
  });
});

describe("the shipped second source", () => {
  it("ingested again from the shared material, keeps every curated fact and entity as it is", () => {
    const dir = copyShipped();
    const before = readKnowledge(dir).knowledge;
    const text = readFileSync(join(dir, "sources/semianalysis-ascend-ramp.txt"), "utf8");
    const source = before.sources.find((s) => s.id === "semianalysis-ascend-ramp");
    if (!source) throw new Error("no second source");
    const result = ingest({ dir, text, id: source.id, title: source.title });
    expect(result.kept).toBe(before.facts.filter((f) => f.source === source.id).length);
    const after = readKnowledge(dir).knowledge;
    expect(validateKnowledge(readKnowledge(dir))).toEqual([]);
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    // Every curated fact and entity is kept as it is; what ingest adds is marked as a draft (a sentence whose
    // draft a person deleted is drafted again).
    expect(byId(after.facts.filter((f) => !f.draft))).toEqual(byId(before.facts));
    expect(byId(after.entities.filter((e) => !e.draft))).toEqual(byId(before.entities));
    expect(after.facts.filter((f) => f.draft).length).toBeLessThanOrEqual(2);
  }, 60_000);
});
