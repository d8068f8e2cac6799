// The checks of what the core reads beside the facts: each fact's subject, groups and their members, the
// vocabulary's units and patterns, and the frames' cue words.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultKnowledgeDir, readKnowledge } from "../../src/knowledge/load.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";
import { copyFixture, type Doc, editYaml, entry, problemsAfter, removeCopies } from "./fixture.js";

afterAll(removeCopies);

const messages = (ps: { field?: string; message: string }[]) => ps.map((p) => `${p.field}: ${p.message}`);

describe("subjects", () => {
  it("given a fact with figures naming two chips and no subject, asks whose figure it is", () => {
    const problems = problemsAfter("facts/compute.yaml", (doc) => {
      delete entry<Doc>(doc, "facts", "ascend-910b-tops").subject;
    });
    expect(messages(problems).join("\n")).toMatch(/subject: names 2 of kind chip .* say whose figure it is/);
  });

  it("given a subject that is not among the fact's entities, names it", () => {
    const problems = problemsAfter("facts/compute.yaml", (doc) => {
      entry<Doc>(doc, "facts", "ascend-910b-tops").subject = "china";
    });
    expect(messages(problems)).toContain(`subject: "china" is not among the fact's entities`);
  });

  it("given a group with one member, or a company with members, names each", () => {
    const problems = problemsAfter("entities/all.yaml", (doc) => {
      (doc.entities as Doc[]).push({ id: "pair", kind: "group", name: "The pair", members: ["huawei"] });
      entry<Doc>(doc, "entities", "huawei").members = ["china"];
    });
    expect(messages(problems)).toEqual(
      expect.arrayContaining([
        "members: a group names at least two members",
        `members: only a group has members; "huawei" is a company`,
      ]),
    );
  });
});

describe("sides", () => {
  it("given a fact on a side sides.yaml does not list, names it; the shared sides need no listing", () => {
    const problems = problemsAfter("facts/compute.yaml", (doc) => {
      entry<Doc>(doc, "facts", "ascend-910b-tops").side = "mars";
    });
    expect(messages(problems).join("\n")).toMatch(/side: "mars" is no side \(us, china, global, other/);
    expect(
      messages(
        problemsAfter("facts/compute.yaml", (doc) => {
          entry<Doc>(doc, "facts", "ascend-910b-tops").side = "global";
        }),
      ).join("\n"),
    ).not.toMatch(/is no side/);
  });

  it("given sides of its own, checks facts and topic lists against those ids", () => {
    const problems = problemsAfter("sides.yaml", (doc) => {
      const sides = doc.sides as Doc[];
      (sides[0] as Doc).id = "left";
    });
    const text = messages(problems).join("\n");
    expect(text).toMatch(/side: "us" is no side \(left, china, global, other/);
    expect(text).toMatch(/first\.0: fact "[^"]+" is on side us/);
  });
});

describe("vocabulary and cues", () => {
  it("given a unit hint naming a unit the vocabulary does not know, names it", () => {
    const problems = problemsAfter("vocabulary.yaml", (doc) => {
      ((doc.units as Doc).hints as Doc[]).push({ cue: "\\bacres\\b", units: ["acres"] });
    });
    expect(messages(problems).join("\n")).toMatch(
      /units\.hints\.\d+\.units\.0: "acres" is not one of units\.known/,
    );
  });

  it("given a figure in a unit the vocabulary does not know, names the unit", () => {
    const problems = problemsAfter("vocabulary.yaml", (doc) => {
      (doc.units as Doc).known = ["TOPS"];
    });
    expect(messages(problems).join("\n")).toMatch(/"EFLOPS" is not a known unit/);
  });

  it("takes units from the data alone: one added only in vocabulary.yaml is accepted, and none is built in", () => {
    const newUnit = (known?: (units: string[]) => string[]) => {
      const dir = copyFixture();
      editYaml(dir, "facts/compute.yaml", (doc) => {
        const fact = entry<{ figures: { unit: string }[] }>(doc, "facts", "us-compute");
        if (fact.figures[0]) fact.figures[0].unit = "zettawatts";
      });
      if (known)
        editYaml(dir, "vocabulary.yaml", (doc) => {
          (doc.units as Doc).known = known((doc.units as Doc).known as string[]);
        });
      return messages(validateKnowledge(readKnowledge(dir))).join("\n");
    };
    expect(newUnit()).toMatch(/"zettawatts" is not a known unit/);
    expect(newUnit((units) => [...units, "zettawatts"])).not.toMatch(/not a known unit/);
    // A unit the code once listed is no more known than any other when the vocabulary leaves it out.
    expect(newUnit((units) => [...units.filter((u) => u !== "EFLOPS"), "zettawatts"])).toMatch(
      /"EFLOPS" is not a known unit/,
    );
  });

  it("given a cue that does not compile, names the cue", () => {
    const dir = copyFixture();
    copyFileSync(join(defaultKnowledgeDir(), "cues.yaml"), join(dir, "cues.yaml"));
    editYaml(dir, "cues.yaml", (doc) => {
      ((doc.cues as Doc).sum as string[]).push("(unclosed");
    });
    const problems = validateKnowledge(readKnowledge(dir));
    expect(problems.map((p) => `${p.file} ${p.id}`)).toContain("cues.yaml sum");
  });

  it("given a cues.yaml without one of the word lists the frames read, names it", () => {
    const dir = copyFixture();
    copyFileSync(join(defaultKnowledgeDir(), "cues.yaml"), join(dir, "cues.yaml"));
    editYaml(dir, "cues.yaml", (doc) => {
      delete (doc.words as Doc).identity;
    });
    const { problems } = readKnowledge(dir);
    expect(messages(problems).join("\n")).toMatch(/words\.identity/);
  });
});
