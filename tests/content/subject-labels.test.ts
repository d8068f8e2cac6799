// Over the shipped knowledge: no card puts a figure on a subject the material does not give it, across
// every /gap topic, every /chip and /model, and /compare of every pair of companies, chips and models.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { misplacedLabels } from "../helpers/subject-labels.js";

const { knowledge } = readKnowledge();
const core = createCore({ knowledge });
const run = (command: string, args: Record<string, string>) => {
  const card = core.answer({ command, args });
  return misplacedLabels(knowledge, card).map((m) => `/${command} ${Object.values(args).join(" vs ")}: ${m}`);
};
const of = (...kinds: string[]) => knowledge.entities.filter((e) => kinds.includes(e.kind));

describe("every figure on its own subject", () => {
  it("in every /gap topic", () => {
    expect(knowledge.topics.flatMap((t) => run("gap", { topic: t.id.replace(/-/g, " ") }))).toEqual([]);
  });

  it("in every /chip and /model card", () => {
    const chips = of("chip", "device").flatMap((e) => run("chip", { name: e.name }));
    const models = of("model").flatMap((e) => run("model", { name: e.name }));
    expect([...chips, ...models]).toEqual([]);
  });

  it("in every /compare of two companies, chips, models or groups, and of the two sides", () => {
    const things = of("company", "chip", "model", "group", "device");
    const out: string[] = [];
    for (const [i, a] of things.entries())
      for (const b of things.slice(i + 1)) out.push(...run("compare", { first: a.name, second: b.name }));
    const [us, china] = knowledge.sides.map(
      (s) => knowledge.entities.find((e) => e.id === s.entity)?.name ?? "",
    );
    out.push(...run("compare", { first: us ?? "", second: china ?? "" }));
    expect(out).toEqual([]);
  });

  it("in the card of every entity asked about by name", () => {
    expect(knowledge.entities.flatMap((e) => run("ask", { question: e.name }))).toEqual([]);
  });
});
