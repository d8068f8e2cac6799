// Knowledge is checked where it is loaded: a folder that fails the check is refused with every problem named,
// and KNOWLEDGE_DIR or --knowledge chooses the folder.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { defaultKnowledgeDir, KnowledgeError } from "../../src/knowledge/load.js";
import { knowledgeDirFrom, loadCheckedKnowledge } from "../../src/knowledge/load-checked.js";
import { copyFixture, editYaml, FIXTURE, removeCopies } from "./fixture.js";

afterAll(removeCopies);

/** A copy of the small fixture whose first fact's quote no longer stands in its paragraph. */
function tamperedQuote(): string {
  const dir = copyFixture();
  editYaml(dir, "facts/compute.yaml", (doc) => {
    const facts = doc.facts as { quote: string }[];
    if (facts[0]) facts[0].quote = facts[0].quote.replace("2400", "4800");
  });
  return dir;
}

describe("loadCheckedKnowledge", () => {
  it("given a valid folder, loads it", () => {
    expect(loadCheckedKnowledge(FIXTURE).facts.map((f) => f.id)).toContain("us-compute");
  });

  it("given a tampered quote, refuses the folder and names the file, the fact and the field", () => {
    const dir = tamperedQuote();
    let error: unknown;
    try {
      loadCheckedKnowledge(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(KnowledgeError);
    const problems = (error as KnowledgeError).problems;
    expect(
      problems.some((p) => p.file === "facts/compute.yaml" && p.id === "us-compute" && p.field === "quote"),
    ).toBe(true);
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).toContain("facts/compute.yaml › us-compute › quote: not verbatim");
  });

  it("createCore over a folder refuses a tampered quote instead of serving it", () => {
    expect(() => createCore({ knowledgeDir: tamperedQuote() })).toThrow(/us-compute › quote: not verbatim/);
  });
});

describe("knowledgeDirFrom", () => {
  it("takes --knowledge over KNOWLEDGE_DIR, relative to the working folder, and the package's folder by default", () => {
    expect(knowledgeDirFrom("k1", { KNOWLEDGE_DIR: "k2" }, "/w")).toBe(join("/w", "k1"));
    expect(knowledgeDirFrom(undefined, { KNOWLEDGE_DIR: "k2" }, "/w")).toBe(join("/w", "k2"));
    expect(knowledgeDirFrom(undefined, { KNOWLEDGE_DIR: "/abs" }, "/w")).toBe("/abs");
    expect(knowledgeDirFrom(" ", { KNOWLEDGE_DIR: "" }, "/w")).toBe(defaultKnowledgeDir());
  });
});
