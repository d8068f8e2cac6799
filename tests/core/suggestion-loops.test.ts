import { describe, expect, it } from "vitest";
import type { Card } from "../../src/core/card.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { KINDS } from "../helpers/card-checks.js";

const shipped = readKnowledge().knowledge;
const core = createCore({ knowledge: shipped });
const same = (a: Card, b: Card) => a.kind === b.kind && a.title === b.title && a.headline === b.headline;

/** One request or more of every kind of card: topics, chips, models, pairs, sources, misses, small talk. */
function requests(): string[] {
  const cat = core.catalog();
  const names = [...cat.chips, ...cat.models, ...cat.companies].map((e) => e.name);
  return [
    "/help",
    "/gap",
    ...cat.topics.map((t) => `/gap ${t.id.replace(/-/g, " ")}`),
    ...cat.chips.map((c) => `/chip ${c.name}`),
    ...cat.models.map((m) => `/model ${m.name}`),
    ...names.slice(0, 12).map((n, i) => `/compare ${n} vs ${names[(i * 7 + 3) % names.length]}`),
    ...names,
    ...shipped.entities.filter((e) => e.kind === "country").flatMap((e) => [e.name, `and ${e.name}?`]),
    "/source 1",
    "/source 9999999",
    "/source nonsense-id",
    "/gap weather",
    "/chip nothing",
    "what is the weather in Paris?",
    "hi",
    "thanks!",
    "x".repeat(600),
  ];
}

describe("suggestions", () => {
  it("never lead back to the card they are on, for every kind of card", () => {
    const kinds = new Set<string>();
    for (const text of requests()) {
      const card = core.answer({ text });
      kinds.add(card.kind);
      for (const s of card.suggestions) {
        expect(same(core.answer({ text: s.command }), card), `${text} → ${s.command}`).toBe(false);
      }
    }
    expect([...kinds].sort()).toEqual([...KINDS].sort());
  });
});
