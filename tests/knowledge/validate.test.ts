// Each rule of the knowledge validator, shown on a copy of a small valid fixture broken in one way:
// the problem names the file, the entry and the field, so that a curator can fix it by hand.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KnowledgeError, readKnowledge } from "../../src/knowledge/load.js";
import type { Entity, Fact, IgnoredNumber } from "../../src/knowledge/schema.js";
import { aliasKey, loadKnowledge, validateKnowledge } from "../../src/knowledge/validate.js";
import { copyFixture, type Doc, editYaml, entry, FIXTURE, problemsAfter, removeCopies } from "./fixture.js";

afterEach(removeCopies);

const fact = (doc: Doc, id: string) => entry<Fact>(doc, "facts", id);
const entity = (doc: Doc, id: string) => entry<Entity>(doc, "entities", id);
const problem = (file: string, id: string, field: string, message: RegExp) => ({
  file,
  id,
  field,
  message: expect.stringMatching(message),
});

describe("validateKnowledge", () => {
  it("given the untouched fixture, finds no problem", () => {
    expect(validateKnowledge(readKnowledge(FIXTURE))).toEqual([]);
  });

  describe("quotes and figures", () => {
    it("given a quote that is not in its paragraph, names the fact's quote, once", () => {
      const problems = problemsAfter("facts/compute.yaml", (d) => {
        fact(d, "us-compute").quote =
          "as of early 2025, the computing power of the United States will be 2400 EFLOPS";
      });
      expect(problems).toEqual([
        problem("facts/compute.yaml", "us-compute", "quote", /not verbatim in mini ¶2/),
      ]);
    });

    it("given a curated quote that stops inside a list of names, names the fact's quote; the whole list passes", () => {
      // A fact quoting "A, B" of "A, B, and C" answers "which…" with part of the list.
      const cut = (quote: string, draft = false) => {
        const dir = copyFixture();
        const source = join(dir, "sources", "mini.txt");
        writeFileSync(
          source,
          `${readFileSync(source, "utf8").trimEnd()}\nMythos is watched by the United States, China, and Anthropic alike.\n`,
        );
        editYaml(dir, "facts/models.yaml", (d) => {
          (d.facts as Fact[]).push({
            ...fact(d, "mythos-parameters"),
            id: "mythos-watched",
            paragraph: 5,
            quote,
            claim: "Mythos is watched by the United States, China, and Anthropic.",
            metric: "Watchers",
            figures: [],
            entities: ["mythos", "united-states", "china", "anthropic"],
            ...(draft ? { draft } : {}),
          });
        });
        return validateKnowledge(readKnowledge(dir));
      };
      expect(cut("Mythos is watched by the United States, China")).toEqual([
        problem("facts/models.yaml", "mythos-watched", "quote", /cuts a list of names.*and Anthropic/),
      ]);
      expect(cut("Mythos is watched by the United States")).toEqual([
        problem("facts/models.yaml", "mythos-watched", "quote", /cuts a list of names.*China/),
      ]);
      expect(cut("Mythos is watched by the United States, China, and Anthropic alike.")).toEqual([]);
      // A draft is read as `gapbot ingest` split it: its clauses stay facts until a curator joins them.
      expect(cut("Mythos is watched by the United States, China", true)).toEqual([]);
    });

    it("given a quote differing only in whitespace and straight quotes, accepts it", () => {
      const problems = problemsAfter("facts/models.yaml", (d) => {
        fact(d, "mythos-parameters").quote = "Anthropic's   Mythos has reached\n10 trillion parameters";
      });
      expect(problems).toEqual([]);
    });

    it("given a quote citing a paragraph the source does not have, names the paragraph", () => {
      const problems = problemsAfter("facts/models.yaml", (d) => {
        fact(d, "mythos-parameters").paragraph = 9;
      });
      expect(problems).toContainEqual(
        problem("facts/models.yaml", "mythos-parameters", "paragraph", /has 4 paragraphs, not 9/),
      );
    });

    it("given a figure whose text is not in the quote, names the figure's text", () => {
      const problems = problemsAfter("facts/compute.yaml", (d) => {
        const f = fact(d, "us-compute");
        f.figures = [{ value: 2400, unit: "EFLOPS", text: "2,400" }];
      });
      expect(problems).toContainEqual(
        problem("facts/compute.yaml", "us-compute", "figures.0.text", /"2,400" does not stand in the quote/),
      );
    });

    it("given a figure whose value is not what its text says, names the value", () => {
      const problems = problemsAfter("facts/models.yaml", (d) => {
        const f = fact(d, "mythos-parameters");
        f.figures = [{ value: 10_000_000_000, unit: "parameters", text: "10 trillion" }];
      });
      expect(problems).toContainEqual(
        problem("facts/models.yaml", "mythos-parameters", "figures.0.value", /not what "10 trillion" says/),
      );
    });

    it("given a unit outside the canonical list, names the unit", () => {
      const problems = problemsAfter("facts/models.yaml", (d) => {
        const f = fact(d, "mythos-training-cost");
        f.figures = [{ value: 10_000_000_000, unit: "dollars", text: "$10 billion" }];
      });
      expect(problems).toContainEqual(
        problem(
          "facts/models.yaml",
          "mythos-training-cost",
          "figures.0.unit",
          /"dollars" is not a known unit/,
        ),
      );
    });
  });

  describe("claims", () => {
    it("given a number in the claim that is none of the fact's figures, names the claim", () => {
      const problems = problemsAfter("facts/compute.yaml", (d) => {
        fact(d, "us-compute").claim = "CAICT puts US computing power at 2,500 EFLOPS as of early 2025.";
      });
      expect(problems).toContainEqual(
        problem(
          "facts/compute.yaml",
          "us-compute",
          "claim",
          /"2,500" is not one of the fact's figures \(2400\)/,
        ),
      );
    });

    it("given a spelled-out number in the claim, holds it to the same rule", () => {
      const problems = problemsAfter("facts/models.yaml", (d) => {
        fact(d, "mythos-parameters").claim =
          "Mythos, one of two Anthropic models, has 10 trillion parameters.";
      });
      const claims = problems.filter((p) => p.field === "claim").map((p) => p.message);
      expect(claims).toEqual([expect.stringMatching(/"one"/), expect.stringMatching(/"two"/)]);
    });

    it("given a claim written with scale words and separators, matches it to the figure's value", () => {
      const problems = problemsAfter("facts/models.yaml", (d) => {
        fact(d, "mythos-training-cost").claim =
          "Training Mythos would cost 10,000,000,000 dollars ($10 billion).";
      });
      expect(problems).toEqual([]);
    });

    it("given numbers inside entity names, codes and the as-of date, does not count them as figures", () => {
      // "Ascend 910B", "INT8" and "A100" are names and codes; "2025" is the fact's as_of.
      const problems = problemsAfter("facts/compute.yaml", (d) => {
        fact(d, "ascend-910b-tops").claim =
          "In early 2025 the Huawei Ascend 910B gave 640 TOPS in INT8, like the A100.";
        fact(d, "ascend-910b-tops").as_of = "early 2025";
      });
      expect(problems).toEqual([]);
    });
  });

  describe("references", () => {
    it("given a fact about an unknown entity, names the entities entry", () => {
      const problems = problemsAfter("facts/compute.yaml", (d) => {
        fact(d, "us-compute").entities = ["united-states", "caict-typo"];
      });
      expect(problems).toContainEqual(
        problem("facts/compute.yaml", "us-compute", "entities.1", /no entity "caict-typo"/),
      );
    });

    it("given unknown source, topic and attribution, names each field", () => {
      const problems = problemsAfter("facts/compute.yaml", (d) => {
        const f = fact(d, "china-compute");
        f.source = "elsewhere";
        f.topics = ["computing"];
        f.attribution = "nobody";
      });
      expect(problems).toEqual(
        expect.arrayContaining([
          problem("facts/compute.yaml", "china-compute", "source", /no source "elsewhere"/),
          problem("facts/compute.yaml", "china-compute", "topics.0", /no topic "computing"/),
          problem("facts/compute.yaml", "china-compute", "attribution", /no entity "nobody"/),
        ]),
      );
    });

    it("given an attribution to a chip, says only an organisation, report, person or company can say so", () => {
      const problems = problemsAfter("facts/compute.yaml", (d) => {
        fact(d, "us-compute").attribution = "nvidia-a100";
      });
      expect(problems).toContainEqual(
        problem("facts/compute.yaml", "us-compute", "attribution", /is a chip/),
      );
    });

    it("given a vendor that is not an entity, names the entity's vendor", () => {
      const problems = problemsAfter("entities/all.yaml", (d) => {
        entity(d, "mythos").vendor = "anthropic-labs";
      });
      expect(problems).toContainEqual(
        problem("entities/all.yaml", "mythos", "vendor", /no entity "anthropic-labs"/),
      );
    });

    it("given a topic whose headline names an unknown fact, names the headline side", () => {
      const problems = problemsAfter("topics/compute.yaml", (t) => {
        t.headline = { first: "us-compute-typo", second: "china-compute" };
      });
      expect(problems).toContainEqual(
        problem("topics/compute.yaml", "compute", "headline.first", /no fact "us-compute-typo"/),
      );
    });

    it("given a headline pair whose units differ, names the headline", () => {
      const problems = problemsAfter("topics/compute.yaml", (t) => {
        t.headline = { first: "us-compute", second: "ascend-910b-tops" };
      });
      expect(problems).toContainEqual(
        problem("topics/compute.yaml", "compute", "headline", /units differ: EFLOPS .* vs TOPS/),
      );
    });

    it("given a second-side fact in a topic's first list, names the list entry", () => {
      const problems = problemsAfter("topics/compute.yaml", (t) => {
        t.first = ["us-compute", "ascend-910b-tops"];
        t.second = ["china-compute"];
      });
      expect(problems).toContainEqual(
        problem("topics/compute.yaml", "compute", "first.1", /is on side china/),
      );
    });

    it("given a fact naming a topic that does not list it, names the topic", () => {
      const problems = problemsAfter("topics/compute.yaml", (t) => {
        t.second = ["china-compute"];
      });
      expect(problems).toContainEqual(
        problem(
          "topics/compute.yaml",
          "compute",
          "related",
          /"ascend-910b-tops" names this topic but is in none/,
        ),
      );
    });

    it("given a topic without headline or lead, asks for one", () => {
      const problems = problemsAfter("topics/compute.yaml", (t) => {
        delete t.headline;
      });
      expect(problems).toContainEqual(
        problem("topics/compute.yaml", "compute", "headline", /headline pair or a lead/),
      );
    });
  });

  describe("ids and aliases", () => {
    it("given one fact id in two files, names both files", () => {
      const problems = problemsAfter("facts/models.yaml", (d) => {
        fact(d, "mythos-training-cost").id = "us-compute";
      });
      expect(problems).toContainEqual(
        problem(
          "facts/models.yaml",
          "us-compute",
          "id",
          /duplicate fact id.*facts\/compute\.yaml, facts\/models\.yaml/,
        ),
      );
    });

    it("given an alias of two entities, names the second entity's alias", () => {
      const problems = problemsAfter("entities/all.yaml", (d) => {
        entity(d, "nvidia-a100").aliases = ["A100", "ascend 910b"];
      });
      expect(problems).toContainEqual(
        problem(
          "entities/all.yaml",
          "nvidia-a100",
          "aliases.1",
          /"ascend 910b" also names entity "ascend-910b"/,
        ),
      );
    });

    it("given aliases that differ only in punctuation across entities, treats them as one", () => {
      expect(aliasKey("MTT S5000")).toBe(aliasKey("mtt-s5000"));
      const problems = problemsAfter("entities/all.yaml", (d) => {
        entity(d, "mythos").aliases = ["Mythos", "Nvidia-A100"];
      });
      expect(problems).toEqual([
        problem("entities/all.yaml", "mythos", "aliases.1", /also names entity "nvidia-a100"/),
      ]);
    });

    it("given spelling variants of one entity's name, accepts them but not an exact repeat", () => {
      const problems = problemsAfter("entities/all.yaml", (d) => {
        entity(d, "ascend-910b").aliases = ["Ascend 910B", "Ascend-910B", "Ascend910B", "ascend 910b"];
      });
      expect(problems).toEqual([problem("entities/all.yaml", "ascend-910b", "aliases.3", /listed twice/)]);
    });

    it("given a generic word as an alias, refuses it", () => {
      const problems = problemsAfter("entities/all.yaml", (d) => {
        entity(d, "huawei").aliases = ["华为", "Chips"];
      });
      expect(problems).toContainEqual(problem("entities/all.yaml", "huawei", "aliases.1", /generic word/));
    });
  });

  describe("coverage of every number in the sources", () => {
    it("given a number no fact carries and ignored.yaml does not list, names the source paragraph", () => {
      const problems = problemsAfter("ignored.yaml", (d) => {
        d.ignored = (d.ignored as IgnoredNumber[]).filter((i) => i.text !== "INT8");
      });
      expect(problems).toEqual([
        problem(
          "sources/mini.txt",
          "mini",
          "paragraph 3",
          /the number "8" \(….*TOPS \(INT8\).*…\) is carried by no fact and not listed in ignored\.yaml/,
        ),
      ]);
    });

    it("given a fact whose figure is removed, reports its number as uncovered", () => {
      const problems = problemsAfter("facts/models.yaml", (d) => {
        const f = fact(d, "mythos-training-cost");
        f.figures = [];
        f.claim = "Training Mythos would be costly.";
      });
      expect(problems).toEqual([problem("sources/mini.txt", "mini", "paragraph 4", /"\$10 billion"/)]);
    });

    it("given a year that is the fact's as-of date inside its quote, counts it as covered", () => {
      const problems = problemsAfter("facts/compute.yaml", (d) => {
        fact(d, "us-compute").as_of = "2025";
      });
      expect(problems).toEqual([]);
      const uncovered = problemsAfter("facts/compute.yaml", (d) => {
        delete fact(d, "us-compute").as_of;
        fact(d, "us-compute").claim = "CAICT puts US computing power at 2,400 EFLOPS.";
      });
      expect(uncovered).toEqual([problem("sources/mini.txt", "mini", "paragraph 2", /the number "2025"/)]);
    });

    it("given an ignored entry whose numbers a fact already carries, asks to remove it", () => {
      const problems = problemsAfter("ignored.yaml", (d) => {
        (d.ignored as IgnoredNumber[]).push({
          source: "mini",
          paragraph: 2,
          text: "2400 EFLOPS",
          reason: "test",
        });
      });
      expect(problems).toEqual([
        problem("ignored.yaml", 'mini ¶2 "2400 EFLOPS"', "text", /already carried by a fact/),
      ]);
    });

    it("given an ignored entry not in its paragraph or naming a fact without that figure, names the field", () => {
      const problems = problemsAfter("ignored.yaml", (d) => {
        const list = d.ignored as IgnoredNumber[];
        list.push({ source: "mini", paragraph: 3, text: "Ascend 920B", reason: "test" });
        list.push({
          source: "mini",
          paragraph: 3,
          text: "Nvidia A100",
          reason: "test",
          fact: "mythos-parameters",
        });
      });
      expect(problems).toEqual(
        expect.arrayContaining([
          problem("ignored.yaml", 'mini ¶3 "Ascend 920B"', "text", /does not stand in the paragraph/),
          problem("ignored.yaml", 'mini ¶3 "Nvidia A100"', "fact", /carries no figure "Nvidia A100"/),
        ]),
      );
    });
  });

  describe("schema", () => {
    it("given a fact with a missing field and an unknown one, names both and keeps the file's other facts", () => {
      const problems = problemsAfter("facts/compute.yaml", (d) => {
        const f = fact(d, "china-compute") as unknown as Doc;
        delete f.claim;
        f.claimed = "typo";
      });
      expect(problems).toEqual(
        expect.arrayContaining([
          { file: "facts/compute.yaml", id: "china-compute", field: "claim", message: expect.any(String) },
          {
            file: "facts/compute.yaml",
            id: "china-compute",
            field: undefined,
            message: expect.stringMatching(/claimed/),
          },
        ]),
      );
      // The dropped fact leaves its own traces (the headline, its number), but us-compute still loads.
      expect(problems.some((p) => p.id === "us-compute")).toBe(false);
    });

    it("given a file that is not YAML, names the file", () => {
      const dir = copyFixture();
      writeFileSync(join(dir, "facts", "broken.yaml"), "facts: [ { id: x\n");
      const problems = validateKnowledge(readKnowledge(dir));
      expect(problems).toContainEqual({
        file: "facts/broken.yaml",
        message: expect.stringMatching(/not valid YAML/),
      });
    });

    it("given a topic stored under another file name, asks for topics/<id>.yaml", () => {
      const dir = copyFixture();
      editYaml(dir, "topics/compute.yaml", (t) => {
        t.id = "compute-power";
      });
      const problems = validateKnowledge(readKnowledge(dir));
      expect(problems).toContainEqual(
        problem("topics/compute.yaml", "compute-power", "id", /topics\/compute-power\.yaml/),
      );
    });
  });
});

describe("loadKnowledge", () => {
  it("given sound knowledge, returns it", () => {
    const k = loadKnowledge(FIXTURE);
    expect(k.facts.map((f) => f.id)).toContain("us-compute");
    expect(k.paragraphs.get("mini")).toHaveLength(4);
  });

  it("given several problems, throws one KnowledgeError listing every one of them", () => {
    const dir = copyFixture();
    editYaml(dir, "facts/compute.yaml", (d) => {
      fact(d, "us-compute").quote = "the computing power of the United States will be 2400 EFLOPS";
      fact(d, "china-compute").entities = ["atlantis"];
    });
    let thrown: unknown;
    try {
      loadKnowledge(dir);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(KnowledgeError);
    const error = thrown as KnowledgeError;
    expect(error.problems).toHaveLength(2);
    expect(error.message).toContain("facts/compute.yaml › us-compute › quote: not verbatim");
    expect(error.message).toContain('facts/compute.yaml › china-compute › entities.0: no entity "atlantis"');
  });
});

describe("the glossary", () => {
  it("given English the sources never use, names the entry", () => {
    const dir = copyFixture();
    writeFileSync(join(dir, "glossary.yaml"), "terms:\n  算力: computing power\n  天气: weather\n");
    const problems = validateKnowledge(readKnowledge(dir));
    expect(problems).toContainEqual({
      file: "glossary.yaml",
      id: "天气",
      field: undefined,
      message: expect.stringMatching(/"weather" is no word of the sources/),
    });
    // The sources say "computing power": no problem there.
    expect(problems.filter((p) => p.id === "算力")).toEqual([]);
  });

  it("given a key that is not Chinese, rejects the file's entry by schema", () => {
    const dir = copyFixture();
    writeFileSync(join(dir, "glossary.yaml"), "terms:\n  compute: computing power\n");
    expect(validateKnowledge(readKnowledge(dir)).some((p) => p.file === "glossary.yaml")).toBe(true);
  });
});
