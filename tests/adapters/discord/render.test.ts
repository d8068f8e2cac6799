import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderDiscord, renderDiscordSources } from "../../../src/adapters/discord/render.js";
import type { Card, CardKind } from "../../../src/core/card.js";
import { createCore } from "../../../src/core/index.js";
import { testCore } from "../../helpers/discord-harness.js";
import { discordLimitProblems } from "../../helpers/discord-limits.js";

const SOURCE = "compute-gap-article";
const TITLE = "The computing power challenge";

const compareCard: Card = {
  kind: "compare",
  title: "Mythos vs DeepSeek V4 Pro",
  headline: "Mythos 10 trillion parameters vs DeepSeek V4 Pro 1.6 trillion parameters",
  fields: [],
  comparison: {
    left: { name: "Mythos", entityId: "mythos" },
    right: { name: "DeepSeek V4 Pro", entityId: "deepseek-v4-pro" },
    rows: [
      {
        label: "Parameters",
        unit: "parameters",
        left: { value: 10e12, display: "10 trillion parameters", factId: "mythos-parameters" },
        right: { value: 1.6e12, display: "1.6 trillion", factId: "deepseek-v4-pro-parameters" },
        ratio: { value: 6.25, display: "6.3×", derived: true, inputs: "10 trillion / 1.6 trillion" },
      },
      {
        label: "Training cost",
        unit: "USD",
        left: { value: 10e9, display: "$10 billion" },
        right: { value: null, display: "" },
      },
    ],
  },
  citations: [
    {
      source: SOURCE,
      sourceTitle: TITLE,
      paragraph: 4,
      quote: "reaches 10 trillion",
      factId: "mythos-parameters",
    },
    { source: SOURCE, sourceTitle: TITLE, paragraph: 6, quote: "is 1.6 trillion", attribution: "CAICT" },
  ],
  suggestions: [
    { label: "Mythos", command: "/model Mythos" },
    { label: "Mythos again", command: "/model Mythos" },
    { label: "Way too long", command: `/ask ${"x".repeat(120)}` },
  ],
  footer: "Ratios are computed from the two cited figures.",
};

describe("renderDiscord", () => {
  it("renders a comparison as side-by-side fields with bars, a computed ratio, Sources and buttons", () => {
    expect(renderDiscord(compareCard)).toEqual({
      embeds: [
        {
          title: "Mythos vs DeepSeek V4 Pro",
          description: "Mythos 10 trillion parameters vs DeepSeek V4 Pro 1.6 trillion parameters",
          color: 0xfaa61a,
          footer: { text: "Ratios are computed from the two cited figures." },
          fields: [
            { name: "Parameters: Mythos", value: "`██████████` **10 trillion parameters**", inline: true },
            { name: "DeepSeek V4 Pro", value: "`██░░░░░░░░` **1.6 trillion** parameters", inline: true },
            { name: "Ratio", value: "**6.3×** _(computed: 10 trillion / 1.6 trillion)_", inline: true },
            // One side only: its figure, but no bar against nothing.
            { name: "Training cost: Mythos", value: "**$10 billion** USD", inline: true },
            { name: "DeepSeek V4 Pro", value: "_not in the material_", inline: true },
            { name: "\u200b", value: "\u200b", inline: true },
            { name: "Sources", value: "¶4 · `mythos-parameters`\n¶6 · CAICT" },
          ],
        },
      ],
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 2, label: "Show sources", custom_id: "sources:mythos-parameters,6" },
            { type: 2, style: 1, label: "Mythos", custom_id: "run:/model Mythos" },
          ],
        },
      ],
      allowed_mentions: { parse: [], replied_user: false },
    });
  });

  it("marks a private answer ephemeral (flag 64) and changes nothing else", () => {
    const open = renderDiscord(compareCard);
    expect(renderDiscord(compareCard, { ephemeral: true })).toEqual({ ...open, flags: 64 });
  });

  it("renders figure fields inline when short, with their unit once, and a derived value marked computed", () => {
    const card: Card = {
      kind: "chip",
      title: "Ascend 910B",
      headline: "640 TOPS",
      fields: [
        { label: "Computing power", value: "640", unit: "TOPS", factId: "ascend-910b-tops" },
        { label: "vs A100", value: "1.0×", derived: true, note: "computed from 640 / 624" },
      ],
      citations: [],
      suggestions: [],
    };
    expect(renderDiscord(card).embeds[0]?.fields).toEqual([
      { name: "Computing power", value: "**640 TOPS**", inline: true },
      { name: "vs A100", value: "**1.0×** _(computed)_\ncomputed from 640 / 624", inline: false },
    ]);
    expect(renderDiscord(card).components).toEqual([]);
  });

  it("given a card echoing hostile input, neither pings nor formats it", () => {
    const hostile = "@everyone @here <@123> <@&456> **bold** [click](https://evil.example)";
    const card: Card = {
      kind: "not_found",
      title: hostile,
      headline: `No chip called “${hostile}” in the material.`,
      fields: [{ label: hostile, value: hostile }],
      citations: [],
      suggestions: [{ label: hostile, command: "/help" }],
      footer: hostile,
    };
    const message = renderDiscord(card);
    expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const texts = JSON.parse(JSON.stringify(message), (_k, v) => v) as unknown;
    const strings: string[] = [];
    JSON.stringify(texts, (_k, v) => {
      if (typeof v === "string") strings.push(v);
      return v;
    });
    for (const s of strings) {
      expect(s).not.toMatch(/@(everyone|here)/);
      expect(s).not.toMatch(/<@[!&]?\d+>/);
    }
    const embed = message.embeds[0];
    for (const s of [embed?.title, embed?.description, embed?.fields?.[0]?.name, embed?.fields?.[0]?.value]) {
      expect(s).toContain("\\*\\*bold\\*\\*");
      expect(s).toContain("\\[click\\](https:\u200b//evil.\u200bexample)");
    }
  });
});

describe("renderDiscordSources", () => {
  it("quotes each citation verbatim as an ephemeral reply, with paragraph, attribution and fact id", () => {
    expect(renderDiscordSources(compareCard)).toEqual({
      embeds: [
        {
          title: "Sources: Mythos vs DeepSeek V4 Pro",
          description: "Verbatim from “The computing power challenge”; ¶N is the paragraph number.",
          color: 0x95a5a6,
          fields: [
            { name: "¶4", value: "> reaches 10 trillion\n`mythos-parameters`" },
            { name: "¶6 · CAICT", value: "> is 1.6 trillion" },
          ],
        },
      ],
      components: [],
      allowed_mentions: { parse: [], replied_user: false },
      flags: 64,
    });
  });

  it("keeps within the 6000-character total when the quotes are long, saying how many are left out", () => {
    const long = Array.from({ length: 30 }, (_, i) => ({
      source: SOURCE,
      paragraph: i + 1,
      quote: `${"q".repeat(900)} ${i}`,
    }));
    const message = renderDiscordSources({ ...compareCard, citations: long });
    expect(discordLimitProblems(message)).toEqual([]);
    const shown = message.embeds[0]?.fields?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(message.embeds[0]?.footer?.text).toContain(`${30 - shown} more not shown`);
  });
});

describe("Discord limits", () => {
  const evalQuestions = readFileSync(join(import.meta.dirname, "../../fixtures/eval-public.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { q: string }).q);

  const cores = [
    ["the test knowledge", testCore],
    ["the real knowledge/", () => createCore()],
  ] as const;

  it.each(cores)("holds for the answer to every public eval question, over %s", (_name, makeCore) => {
    const core = makeCore();
    expect(evalQuestions.length).toBeGreaterThan(20);
    for (const q of evalQuestions) {
      const card = core.answer(q);
      expect(discordLimitProblems(renderDiscord(card)), q).toEqual([]);
      expect(discordLimitProblems(renderDiscordSources(card)), q).toEqual([]);
    }
  });

  it.each(cores)("holds for the answer to any text at all, over %s", (_name, makeCore) => {
    const core = makeCore();
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 600, size: "max" }), (text) => {
        const card = core.answer(text);
        expect(discordLimitProblems(renderDiscord(card))).toEqual([]);
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });

  // fast-check favours short strings; half the time take any length up to the max, where limits bite.
  const text = (max: number) =>
    fc.oneof(
      fc.string({ unit: "grapheme", maxLength: max }),
      fc.string({ unit: "grapheme", maxLength: max, size: "max" }),
    );
  const citation = fc.record({
    source: fc.constantFrom("a", "b"),
    sourceTitle: fc.option(text(300), { nil: undefined }),
    paragraph: fc.integer({ min: 1, max: 500 }),
    quote: text(3000),
    attribution: fc.option(text(300), { nil: undefined }),
    factId: fc.option(fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,60}$/), text(50)), { nil: undefined }),
    note: fc.option(text(500), { nil: undefined }),
  });
  const cell = fc.record({
    value: fc.option(fc.double({ min: -1e15, max: 1e15, noNaN: true }), { nil: null }),
    display: text(300),
  });
  const card: fc.Arbitrary<Card> = fc.record({
    kind: fc.constantFrom<CardKind>(
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
    headline: text(400),
    fields: fc.array(
      fc.record({
        label: text(400),
        value: text(1500),
        unit: fc.option(text(30), { nil: undefined }),
        note: fc.option(text(600), { nil: undefined }),
        derived: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { maxLength: 30 },
    ),
    comparison: fc.option(
      fc.record({
        left: fc.record({ name: text(300) }),
        right: fc.record({ name: text(300) }),
        rows: fc.array(
          fc.record({
            label: text(300),
            unit: fc.option(text(30), { nil: undefined }),
            left: cell,
            right: cell,
            ratio: fc.option(
              fc.record({
                value: fc.double(),
                display: text(50),
                derived: fc.constant(true as const),
                inputs: text(300),
              }),
              { nil: undefined },
            ),
          }),
          { maxLength: 12 },
        ),
      }),
      { nil: undefined },
    ),
    citations: fc.array(citation, { maxLength: 40 }),
    suggestions: fc.array(fc.record({ label: text(120), command: text(120) }), { maxLength: 10 }),
    footer: fc.option(text(2500), { nil: undefined }),
  });

  it("holds for any card, however long or strange its text (fast-check)", () => {
    fc.assert(
      fc.property(card, (c) => {
        expect(discordLimitProblems(renderDiscord(c))).toEqual([]);
        expect(discordLimitProblems(renderDiscord(c, { ephemeral: true }))).toEqual([]);
        expect(discordLimitProblems(renderDiscordSources(c))).toEqual([]);
      }),
      { numRuns: 300, endOnFailure: true },
    );
  });
});
