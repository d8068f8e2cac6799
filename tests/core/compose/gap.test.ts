import { describe, expect, it } from "vitest";
import type { Card } from "../../../src/core/card.js";
import { createCore } from "../../../src/core/index.js";
import { readKnowledge } from "../../../src/knowledge/load.js";

const shipped = readKnowledge().knowledge;
const core = createCore({ knowledge: shipped });
const fact = (id: string | undefined) => shipped.facts.find((f) => f.id === id);
const topicCards = (): [string, Card][] =>
  shipped.topics.map((t) => [t.id, core.answer({ text: `/gap ${t.id.replace(/-/g, " ")}` })]);

describe("/gap cards", () => {
  it("list as bullets only facts whose first topic is the card's (or that lead it)", () => {
    for (const [id, card] of topicCards()) {
      expect(card.kind, id).toBe("gap");
      const lead = card.citations[0]?.factId;
      for (const field of card.fields) {
        const f = fact(field.factId);
        if (!f || f.id === lead) continue;
        expect(f.topics[0] ?? id, `${id}: ${f.id}`).toBe(id);
      }
    }
  });

  it("state the headline pair once: a quoted multiple of the same two subjects is cited, not listed again", () => {
    for (const [id, card] of topicCards()) {
      const row = card.comparison?.rows[0];
      if (!row?.ratio) continue;
      const subjects = [row.left.factId, row.right.factId].map((f) => fact(f)?.entities[0]);
      for (const field of card.fields) {
        const f = fact(field.factId);
        if (!f) continue;
        const multiple = f.figures.every((g) => g.unit === "times");
        expect(multiple && subjects.every((s) => s && f.entities.includes(s)), `${id}: ${f.id}`).toBe(false);
      }
    }
  });

  it("keep the source's spelling of a name out of the headline, in a note of its own", () => {
    const cards = [
      ...topicCards().map(([, c]) => c),
      ...shipped.entities.map((e) => core.answer({ text: e.name })),
    ];
    let noted = 0;
    for (const card of cards) {
      expect(card.headline, card.title).not.toMatch(/in the source\)|The source writes/);
      if (card.footer?.includes("The source writes")) noted += 1;
    }
    // The mechanism is exercised: some cards do carry the note.
    expect(noted).toBeGreaterThan(0);
  });

  it("offer the paragraph in full, not the quote that Show sources already gives", () => {
    for (const [id, card] of topicCards()) {
      const cited = new Set(card.citations.map((c) => c.factId));
      for (const s of card.suggestions) {
        const ref = /^\/source (\S+)$/.exec(s.command)?.[1];
        if (!ref) continue;
        expect(cited.has(ref), `${id}: ${s.command}`).toBe(false);
        expect(core.answer({ text: s.command }).passage, `${id}: ${s.command}`).toBeDefined();
      }
    }
  });
});

// Free words after /gap on the synthetic orchard pack: a topic word among weightier words of something else.
describe("/gap with words beyond a topic's", () => {
  const pack = readKnowledge(new URL("../../fixtures/synthetic-pack", import.meta.url).pathname).knowledge;
  const orchards = createCore({ knowledge: pack });
  const gap = (words: string) => orchards.answer({ command: "gap", args: { topic: words } });

  it("answers what the weightier words ask, with a fact outside the topic their lesser word names", () => {
    const card = gap("apples small farms");
    expect(card.kind).toBe("answer");
    expect(card.citations[0]?.factId).toBe("small-farm-harvesters");
  });

  it("keeps the topic's card where the words beyond it are its own facts' or ask nothing else", () => {
    expect(gap("apples").kind).toBe("gap");
    const focused = gap("harvest last year");
    expect(focused.kind).toBe("gap");
    expect(focused.title).toBe("Southland–Northland gap: Harvest");
  });
});
