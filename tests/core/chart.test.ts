import { describe, expect, it } from "vitest";
import type { Card, Comparison } from "../../src/core/card.js";
import { buildChart, drawnAs, itemMark } from "../../src/core/chart.js";
import { buildContext } from "../../src/core/context.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import type { Fact, Knowledge } from "../../src/knowledge/schema.js";

const { knowledge } = readKnowledge();
const core = createCore({ knowledge });
const ctx = buildContext(knowledge);

/** Every value of a chart is a figure its fact states in the chart's unit, and that fact is cited. */
function expectFromCitedFigures(card: Card): void {
  const cited = new Set(card.citations.map((c) => c.factId));
  for (const item of card.chart?.items ?? []) {
    expect(cited, item.factId).toContain(item.factId);
    const fact = knowledge.facts.find((f) => f.id === item.factId);
    expect(fact?.figures.some((f) => f.value === item.value && f.unit === card.chart?.unit)).toBe(true);
  }
}

describe("chart spec from a card", () => {
  it("given the compute gap, charts US 2400 against China 1053 EFLOPS with the computed ratio as text", () => {
    const card = core.answer({ command: "gap", args: { topic: "compute" } });
    expect(card.chart).toEqual({
      type: "bar",
      title: "Computing power",
      unit: "EFLOPS",
      items: [
        { label: "US", value: 2400, display: "2400 EFLOPS", factId: "us-compute-2400-eflops", side: "first" },
        {
          label: "China",
          value: 1053,
          display: "1053 EFLOPS",
          factId: "china-compute-1053-eflops",
          side: "second",
        },
      ],
      ratio: { value: 2400 / 1053, display: "2.3×", derived: true, inputs: "2,400 / 1,053" },
      ratioOf: ["US", "China"],
      // A chart names who says so, when and where.
      source: {
        who: "CAICT, early 2025",
        title: "The computing power challenge under the AI game between China and the United States",
        paragraphs: "¶24",
      },
    });
    expectFromCitedFigures(card);
  });

  it("given the market share gap, adds AMD's range beside Nvidia and China, largest first, each with its bound or range", () => {
    const card = core.answer({ text: "/gap market share" });
    expect(card.chart?.type).toBe("bar");
    expect(card.chart?.items).toEqual([
      { label: "Nvidia", value: 68, display: "68%", factId: "nvidia-68pct-gpu-servers", side: "first" },
      {
        label: "AMD",
        value: 5,
        max: 6,
        display: "5% -6%",
        factId: "amd-gpu-server-share",
        approximate: true,
        side: "first",
      },
      {
        label: "China",
        value: 4,
        bound: "below",
        display: "less than 4%",
        factId: "domestic-gpus-under-4pct",
        approximate: true,
        side: "second",
      },
    ]);
    // The ratio still divides the two sides, not the two largest bars.
    expect(card.chart?.ratioOf).toEqual(["Nvidia", "China"]);
    expectFromCitedFigures(card);
  });

  it("marks a bound and a range so that neither reads as an exact figure", () => {
    const items = core.answer({ text: "/gap market share" }).chart?.items ?? [];
    const marks = items.map((i) => itemMark(i, "%"));
    expect(marks).toEqual(["68%", "5–6%", "<4%"]);
    expect(items.map(drawnAs).filter(Boolean)).toHaveLength(2);
  });

  it("orders every chart past two items by size, largest first", () => {
    for (const t of knowledge.topics) {
      const items = core.answer({ text: `/gap ${t.id.replace(/-/g, " ")}` }).chart?.items ?? [];
      if (items.length < 3) continue;
      const values = items.map((i) => i.value);
      expect(values, t.id).toEqual([...values].sort((a, b) => b - a));
    }
  });

  it("given two models, charts their parameters", () => {
    const card = core.answer({ text: '/compare Mythos "DeepSeek V4 Pro"' });
    expect(card.chart?.items.map((i) => [i.label, i.value])).toEqual([
      ["Claude Mythos", 10e12],
      ["DeepSeek V4 Pro", 1.6e12],
    ]);
  });

  it("across every topic and the listed comparisons, charts only cited figures, never a ratio", () => {
    const queries = [
      ...knowledge.topics.map((t) => `/gap ${t.id.replace(/-/g, " ")}`),
      "/compare H100 910B",
      "/compare US China",
      '/compare Mythos "DeepSeek V4 Pro"',
    ];
    let charted = 0;
    for (const q of queries) {
      const card = core.answer({ text: q });
      if (!card.chart) continue;
      charted++;
      expect(card.chart.items.length).toBeGreaterThanOrEqual(2);
      expect(card.chart.items.every((i) => i.value !== card.chart?.ratio?.value)).toBe(true);
      expectFromCitedFigures(card);
    }
    expect(charted).toBeGreaterThanOrEqual(2);
  });
});

const compute: Comparison = {
  left: { name: "US" },
  right: { name: "China" },
  rows: [
    {
      label: "Computing power",
      unit: "EFLOPS",
      left: { value: 2400, display: "2400 EFLOPS", factId: "us-compute-2400-eflops" },
      right: { value: 1053, display: "1053 EFLOPS", factId: "china-compute-1053-eflops" },
    },
  ],
};

const card = (comparison: Comparison, factIds: string[], extra: Partial<Card> = {}): Card => ({
  kind: "gap",
  title: "t",
  headline: "h",
  fields: [],
  comparison,
  citations: factIds.map((factId) => ({ source: "compute-gap-article", paragraph: 1, quote: "q", factId })),
  suggestions: [],
  ...extra,
});
const bothCited = ["us-compute-2400-eflops", "china-compute-1053-eflops"];

describe("no chart", () => {
  it("given a row with a missing side, draws nothing", () => {
    const [row] = compute.rows;
    if (!row) throw new Error("fixture");
    const missing = {
      ...compute,
      rows: [{ ...row, right: { value: null, display: "not in the material" } }],
    };
    expect(buildChart(ctx, card(missing, bothCited))).toBeUndefined();
  });

  it("given a side whose fact is not cited, draws nothing", () => {
    expect(buildChart(ctx, card(compute, ["us-compute-2400-eflops"]))).toBeUndefined();
  });

  it("given a value its fact does not state (a derived or invented one), draws nothing", () => {
    const [row] = compute.rows;
    if (!row) throw new Error("fixture");
    const invented = { ...compute, rows: [{ ...row, left: { ...row.left, value: 2401 } }] };
    expect(buildChart(ctx, card(invented, bothCited))).toBeUndefined();
  });

  it("given a row in another unit than its facts state, draws nothing", () => {
    const [row] = compute.rows;
    if (!row) throw new Error("fixture");
    const otherUnit = { ...compute, rows: [{ ...row, unit: "TOPS" }] };
    expect(buildChart(ctx, card(otherUnit, bothCited))).toBeUndefined();
    expect(
      buildChart(ctx, card({ ...compute, rows: [{ ...row, unit: undefined }] }, bothCited)),
    ).toBeUndefined();
  });

  it("given no comparison, draws nothing, and a computed field never becomes a bar", () => {
    const fields = [{ label: "Ratio", value: "2.3×", derived: true, factId: "us-compute-2400-eflops" }];
    expect(
      buildChart(ctx, { ...card(compute, bothCited, { fields }), comparison: undefined }),
    ).toBeUndefined();
    expect(buildChart(ctx, card(compute, bothCited, { fields }))?.items).toHaveLength(2);
  });
});

describe("pie", () => {
  const share = (id: string, entity: string, value: number): Fact => ({
    id,
    source: "compute-gap-article",
    paragraph: 49,
    quote: "q",
    claim: "c",
    metric: "Share of the whole",
    figures: [{ value, unit: "%", text: `${value}%` }],
    side: "other",
    entities: [entity],
    topics: [],
    keywords: [],
  });
  const whole: Knowledge = {
    ...knowledge,
    facts: [...knowledge.facts, share("share-a", "nvidia", 70), share("share-b", "amd", 30)],
  };
  const shares: Comparison = {
    left: { name: "A" },
    right: { name: "B" },
    rows: [
      {
        label: "Share of the whole",
        unit: "%",
        left: { value: 70, display: "70%", factId: "share-a" },
        right: { value: 30, display: "30%", factId: "share-b" },
      },
    ],
  };

  it("given exact shares that make up one whole, draws a pie", () => {
    expect(buildChart(buildContext(whole), card(shares, ["share-a", "share-b"]))?.type).toBe("pie");
  });

  it("given shares that fall short of the whole, draws bars rather than rescale them", () => {
    const market = core.answer({ text: "/gap market share" });
    expect(market.chart?.type).toBe("bar");
  });
});
