import { describe, expect, it } from "vitest";
import { createCore } from "../../../src/core/index.js";
import { renderText } from "../../../src/core/render-text.js";
import { readKnowledge } from "../../../src/knowledge/load.js";
import { expectValidCard } from "../../helpers/card-checks.js";

const { knowledge } = readKnowledge(new URL("../../fixtures/mini-knowledge", import.meta.url).pathname);
const core = createCore({ knowledge });
const factIds = new Set(knowledge.facts.map((f) => f.id));

describe("/source", () => {
  it("given a paragraph number, carries that whole paragraph verbatim, for every paragraph", () => {
    for (const source of knowledge.sources) {
      const lines = knowledge.paragraphs.get(source.id) ?? [];
      lines.forEach((line, i) => {
        if (!line.trim()) return;
        const ref = source.id === knowledge.sources[0]?.id ? `${i + 1}` : `${source.id}#${i + 1}`;
        const card = core.answer({ text: `/source ${ref}` });
        expectValidCard(card, knowledge);
        expect(card.passage, ref).toEqual({ source: source.id, paragraph: i + 1, text: line });
        expect(renderText(card)).toContain(line);
      });
    }
  });

  it("given a fact id, carries its whole paragraph too", () => {
    for (const f of knowledge.facts) {
      const card = core.answer({ text: `/source ${f.id}` });
      expect(card.passage?.text, f.id).toBe(knowledge.paragraphs.get(f.source)?.[f.paragraph - 1]);
    }
  });

  it("titles no field with a fact id, and its suggestions read on to the paragraphs around it", () => {
    const facts = knowledge.facts.slice(0, 20);
    for (const ref of [...facts.map((f) => f.id), ...facts.map((f) => String(f.paragraph))]) {
      const card = core.answer({ text: `/source ${ref}` });
      for (const field of card.fields) expect(factIds.has(field.label), `${ref}: ${field.label}`).toBe(false);
      for (const s of card.suggestions) expect(s.command).toMatch(/^\/source \S+$/);
    }
  });

  it("leads with what the paragraph's facts say, or with its own opening words where no fact quotes it", () => {
    const source = knowledge.sources[0]?.id ?? "";
    const lines = knowledge.paragraphs.get(source) ?? [];
    let withFacts = 0;
    let without = 0;
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const card = core.answer({ text: `/source ${i + 1}` });
      const on = knowledge.facts.filter((f) => f.source === source && f.paragraph === i + 1);
      if (on[0]) {
        withFacts++;
        expect(card.headline.startsWith(on[0].claim), `¶${i + 1}`).toBe(true);
      } else {
        without++;
        const opening = card.headline.replace(/^“|…?”$/g, "");
        expect(line.startsWith(opening), `¶${i + 1}`).toBe(true);
      }
    });
    expect(withFacts).toBeGreaterThan(0);
    expect(without).toBeGreaterThan(0);
  });
});
