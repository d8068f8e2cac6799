// Everyday words (knowledge/words.yaml): a question worded otherwise than the material ("boxes" where the text
// says "crates") is read in the material's words, a word the material uses is read as it is, and a common
// Chinese word joins the glossary only when the text uses its English. On the synthetic orchard pack, with a
// words.yaml of its own.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { everydayWords } from "../../src/core/frames/everyday.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";

const pack = new URL("../fixtures/synthetic-pack", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "gapbot-everyday-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(pack, dir, { recursive: true });
writeFileSync(
  join(dir, "words.yaml"),
  [
    "synonyms:",
    "  - [boxes, crates, cases]",
    "  - [tonnes, crates]",
    "  - [pick up, grew]",
    "  - [cost, crates]",
    "  - [december, dec]",
    "chinese:",
    "  箱子: crates",
    "  香蕉: bananas",
    "",
  ].join("\n"),
);
// A month the pack writes in full, for a question that writes it short.
const report = join(dir, "sources", "orchard-report.txt");
writeFileSync(report, `${readFileSync(report, "utf8").trimEnd()}\nThe Fruit Board met in December.\n`);
const loaded = readKnowledge(dir);
const { knowledge } = loaded;

describe("everyday words", () => {
  it("passes the check, and reads a word the pack never uses as its synonym the pack does use", () => {
    expect(validateKnowledge(loaded)).toEqual([]);
    const ctx = buildContext(knowledge);
    expect(everydayWords(ctx, "How many boxes an hour does the Harvester X9 pick?")).toBe(
      "How many crates an hour does the Harvester X9 pick?",
    );
  });

  it("leaves a word the pack uses as it is, though another of its group comes first", () => {
    const ctx = buildContext(knowledge);
    expect(everydayWords(ctx, "how many crates")).toBe("how many crates");
    expect(everydayWords(ctx, "how many tonnes")).toBe("how many tonnes");
  });

  it("keeps a word that shapes the question: a synonym that would read it otherwise is not taken", () => {
    const ctx = buildContext(knowledge);
    // "cost" asks for a sum of money; read as "crates" it would not.
    expect(everydayWords(ctx, "What does the Harvester X9 cost?")).toBe("What does the Harvester X9 cost?");
  });

  it("reads a word written short as the whole word, though it shapes the question (a month names a time)", () => {
    const ctx = buildContext(knowledge);
    expect(everydayWords(ctx, "Where did the Fruit Board meet in Dec?")).toBe(
      "Where did the Fruit Board meet in december?",
    );
  });

  it("reads an -ing form the pack never uses as the word with its silent e, which the pack uses", () => {
    const ctx = buildContext(knowledge);
    // "closing" is read as "close", whether rewritten here or cut to the same stem by the tokenizer.
    const read = everydayWords(ctx, "When is Southland closing the gap?");
    expect(ctx.tokenize(read)).toContain(ctx.tokenize("close")[0]);
    // A form the pack writes stays.
    expect(everydayWords(ctx, "Who recommends machinery?")).toBe("Who recommends machinery?");
  });

  it("answers a question in other words, which without the synonym it refuses", () => {
    const asked = "How many boxes an hour does the Harvester X9 pick?";
    const card = createCore({ knowledge }).answer({ text: asked });
    expect(card.kind).toBe("answer");
    expect(card.headline).toMatch(/900 crates/);
    const bare = { ...knowledge, synonymsOfLanguage: [] };
    expect(createCore({ knowledge: bare }).answer({ text: asked }).kind).toBe("not_found");
  });

  it("adds a common Chinese word to the glossary only when the pack uses its English", () => {
    expect(knowledge.everydayGlossary?.["箱子"]).toBe("crates");
    expect(knowledge.everydayGlossary?.["香蕉"]).toBeUndefined();
    const ctx = buildContext(knowledge);
    expect(ctx.tokenize("箱子")).toContain(ctx.tokenize("crates")[0]);
  });
});
