// Cards for Slack renderer tests: one shaped like a real comparison answer, one full of hostile text,
// and a fast-check arbitrary for any card at all.
import fc from "fast-check";
import type { Card, ComparisonCell, Field } from "../../src/core/card.js";

/** Shaped like /gap compute: figures quoted from ¶24, the ratio computed from them. */
export function computeGapCard(): Card {
  return {
    kind: "gap",
    title: "Computing power: US vs China",
    headline: "US 2,400 EFLOPS vs China 1,053 EFLOPS in early 2025 (CAICT): about 2.3× (computed).",
    fields: [
      { label: "US computing power", value: "2,400", unit: "EFLOPS", factId: "us-compute-eflops" },
      { label: "China computing power", value: "1,053", unit: "EFLOPS", factId: "cn-compute-eflops" },
      { label: "US ÷ China", value: "2.3×", derived: true, note: "2400 / 1053" },
    ],
    comparison: {
      left: { name: "US", entityId: "us" },
      right: { name: "China", entityId: "cn" },
      rows: [
        {
          label: "Computing power",
          unit: "EFLOPS",
          left: { value: 2400, display: "2,400 EFLOPS", factId: "us-compute-eflops" },
          right: { value: 1053, display: "1,053 EFLOPS", factId: "cn-compute-eflops" },
          ratio: { value: 2400 / 1053, display: "2.3×", derived: true, inputs: "2400 / 1053" },
        },
      ],
    },
    citations: [
      {
        source: "compute-gap-article",
        sourceTitle: "The China–US AI compute gap",
        paragraph: 24,
        quote:
          "the computing power scale in the United States will be 2400 EFLOPS, while in China it will be 1053 EFLOPS",
        attribution: "CAICT",
        factId: "us-compute-eflops",
      },
    ],
    suggestions: [
      { label: "Capex gap", command: "/gap capex" },
      { label: "Ascend 910B", command: "/chip Ascend 910B" },
    ],
    footer: "Figures as of early 2025.",
  };
}

export const HOSTILE = [
  "<!channel>",
  "<!here>",
  "<@U123>",
  "<#C999|general>",
  "<!subteam^S1>",
  "Tom & Jerry",
  "*bold* _x_ ~s~ `code`",
  "```block```",
  "<http://evil|click>",
  "> quoted",
  "&lt;already&gt; &amp;",
];

/** A card with hostile text in every place text can go, as if the core had echoed it all. */
export function hostileCard(): Card {
  const h = HOSTILE.join(" ");
  return {
    kind: "not_found",
    title: `Not in the material: ${h}`,
    headline: h,
    fields: HOSTILE.map((x) => ({ label: x, value: x, unit: x, note: x })),
    comparison: {
      left: { name: "<!channel>" },
      right: { name: "*bold* & <@U123>" },
      rows: [
        {
          label: h,
          unit: "<u>",
          left: { value: 3, display: "<3>" },
          right: { value: null, display: "" },
          ratio: { value: 1, display: "<!here>×", derived: true, inputs: "<@U1> / &" },
        },
      ],
    },
    citations: HOSTILE.map((x, i) => ({
      source: x,
      sourceTitle: x,
      paragraph: i + 1,
      quote: x,
      attribution: x,
      note: x,
    })),
    suggestions: HOSTILE.map((x) => ({ label: x, command: `/ask ${x}` })),
    footer: h,
  };
}

const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: "binary", maxLength }),
    fc.constantFrom(
      ...HOSTILE,
      "",
      " ",
      "é".repeat(400),
      "💥".repeat(300),
      "&".repeat(1200),
      "<".repeat(5000),
    ),
  );

const field: fc.Arbitrary<Field> = fc.record(
  { label: text(300), value: text(3000), unit: text(50), note: text(3000), derived: fc.boolean() },
  { requiredKeys: ["label", "value"] },
);

const cell: fc.Arbitrary<ComparisonCell> = fc.record({
  value: fc.option(fc.double({ noNaN: false }), { nil: null }),
  display: text(200),
});

/** Any card the type allows, including absurd sizes: the renderer must stay within limits for all. */
export const anyCard: fc.Arbitrary<Card> = fc.record(
  {
    kind: fc.constantFrom(
      "gap",
      "chip",
      "model",
      "compare",
      "answer",
      "help",
      "source",
      "not_found",
      "error",
    ),
    title: text(400),
    headline: text(4000),
    fields: fc.array(field, { maxLength: 40 }),
    comparison: fc.record({
      left: fc.record({ name: text(100) }),
      right: fc.record({ name: text(100) }),
      rows: fc.array(
        fc.record(
          {
            label: text(300),
            unit: text(40),
            left: cell,
            right: cell,
            ratio: fc.record({
              value: fc.double(),
              display: text(40),
              derived: fc.constant(true as const),
              inputs: text(600),
            }),
          },
          { requiredKeys: ["label", "left", "right"] },
        ),
        { maxLength: 70 },
      ),
    }),
    citations: fc.array(
      fc.record(
        {
          source: text(60),
          sourceTitle: text(200),
          paragraph: fc.nat(999),
          quote: text(4000),
          attribution: text(100),
          factId: text(60),
          note: text(800),
        },
        { requiredKeys: ["source", "paragraph", "quote"] },
      ),
      { maxLength: 40 },
    ),
    suggestions: fc.array(fc.record({ label: text(120), command: text(2500) }), { maxLength: 30 }),
    footer: text(4000),
  },
  { requiredKeys: ["kind", "title", "headline", "fields", "citations", "suggestions"] },
);
