import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderSlack, renderSlackSources } from "../../../src/adapters/slack/render.js";
import { renderText } from "../../../src/core/render-text.js";
import { apologyCard } from "../../../src/runtime/turn.js";
import { allStrings, blockKitProblems } from "../../helpers/slack-block-kit.js";
import { anyCard, computeGapCard, HOSTILE, hostileCard } from "../../helpers/slack-cards.js";
import { everyCore } from "../../helpers/slack-core.js";

const plain = (text: string) => ({ type: "plain_text", text, emoji: true });
const md = (text: string) => ({ type: "mrkdwn", text, verbatim: true });
const button = (text: string, action_id: string, value: string, style?: string) => ({
  type: "button",
  text: plain(text),
  action_id,
  value,
  ...(style ? { style } : {}),
});

/** The text of every mrkdwn object: the only places Slack applies formatting. */
function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (!value || typeof value !== "object") return [];
  const o = value as Record<string, unknown>;
  const own = o.type === "mrkdwn" && typeof o.text === "string" ? [o.text] : [];
  return [...own, ...Object.values(o).flatMap(mrkdwnTexts)];
}

describe("renderSlack", () => {
  it("given a comparison answer sent ephemeral, draws header, headline, fields, bars, citations and every button", () => {
    expect(renderSlack(computeGapCard(), { ephemeral: true, query: "/gap compute" })).toEqual({
      // The terminal's text, suggestions left to the buttons; nothing here needs escaping.
      text: renderText(computeGapCard(), { suggestions: false }),
      blocks: [
        { type: "header", text: plain("Computing power: US vs China") },
        {
          type: "section",
          text: plain("US 2,400 EFLOPS vs China 1,053 EFLOPS in early 2025 (CAICT): about 2.3× (computed)."),
        },
        {
          type: "section",
          fields: [
            md("*US computing power*\n2,400 EFLOPS"),
            md("*China computing power*\n1,053 EFLOPS"),
            md("*US ÷ China*\n2.3× _(computed)_\n_2400 / 1053_"),
          ],
        },
        {
          type: "section",
          text: md(
            "*Computing power*\n" +
              "```US     ████████████ 2,400 EFLOPS\n" +
              "China  █████▎       1,053 EFLOPS```\n" +
              "_Ratio 2.3×, computed from 2400 / 1053_",
          ),
        },
        { type: "context", elements: [md("CAICT ¶24")] },
        { type: "context", elements: [md("Figures as of early 2025.")] },
        { type: "divider" },
        {
          type: "actions",
          elements: [
            button("Show sources", "gapbot_sources", "/gap compute"),
            button("Share in channel", "gapbot_share", "/gap compute", "primary"),
            button("Capex gap", "gapbot_run_0", "/gap capex"),
            button("Ascend 910B", "gapbot_run_1", "/chip Ascend 910B"),
          ],
        },
      ],
    });
  });

  it("given a public answer, offers no Share button but keeps Show sources and the suggestions", () => {
    const { blocks } = renderSlack(computeGapCard(), { query: "/gap compute" });
    const ids = allStrings(blocks.at(-1)).filter((s) => s.startsWith("gapbot_"));
    expect(ids).toEqual(["gapbot_sources", "gapbot_run_0", "gapbot_run_1"]);
  });

  it("given no query, leaves out the buttons that would need one to recompute the card", () => {
    const { blocks } = renderSlack(computeGapCard(), { ephemeral: true });
    const ids = allStrings(blocks.at(-1)).filter((s) => s.startsWith("gapbot_"));
    expect(ids).toEqual(["gapbot_run_0", "gapbot_run_1"]);
  });

  it("given the apology card, offers no Share button: an error is not worth sharing", () => {
    const ids = allStrings(renderSlack(apologyCard(), { ephemeral: true, query: "/ask x" }).blocks).filter(
      (s) => s.startsWith("gapbot_"),
    );
    expect(ids).toEqual(["gapbot_run_0"]);
  });

  it("given a side with no figure, says so and draws no bar on either side: one side against nothing is no chart", () => {
    const card = computeGapCard();
    const row = card.comparison?.rows[0];
    if (!row) throw new Error("fixture has a row");
    row.right = { value: null, display: "" };
    delete row.ratio;
    const section = renderSlack(card).blocks[3] as { text: { text: string } };
    expect(section.text.text).toBe(
      "*Computing power*\n```US     2,400 EFLOPS\nChina  not in the material```",
    );
  });

  it("given hostile text everywhere, no block, button value or fallback can ping, link or format", () => {
    const message = renderSlack(hostileCard(), { ephemeral: true, query: HOSTILE.join(" ") });
    expect(blockKitProblems(message)).toEqual([]);
    const everything = allStrings(message).join("\n");
    for (const raw of ["<!channel>", "<!here>", "<@U123>", "<#C999|general>", "<http://evil|click>"]) {
      expect(everything).not.toContain(raw);
    }
    // Formatting only matters where Slack formats: mrkdwn objects and the fallback; plain_text shows it as typed.
    const formatted = [message.text, ...mrkdwnTexts(message.blocks)].join("\n");
    for (const raw of ["*bold*", "_x_", "~s~", "`code`", "```block```"]) expect(formatted).not.toContain(raw);
    expect(formatted).not.toMatch(/^&gt;/m);
    // Escaped, not dropped: Slack shows the reader exactly what was typed.
    expect(everything).toContain("&lt;!channel&gt;");
    expect(everything).toContain("Tom &amp; Jerry");
  });

  it("given 40 fields, 70 rows and 40 citations, stays within 50 blocks and says how many are not shown", () => {
    const card = computeGapCard();
    const f = card.fields[0];
    const row = card.comparison?.rows[0];
    const c = card.citations[0];
    if (!f || !row || !c || !card.comparison) throw new Error("fixture");
    card.fields = Array.from({ length: 40 }, (_, i) => ({ ...f, label: `Field ${i}` }));
    card.comparison.rows = Array.from({ length: 70 }, (_, i) => ({ ...row, label: `Row ${i}` }));
    card.citations = Array.from({ length: 40 }, (_, i) => ({ ...c, attribution: `Org ${i}` }));
    const message = renderSlack(card, { ephemeral: true, query: "/gap compute" });
    expect(blockKitProblems(message)).toEqual([]);
    expect(message.blocks).toHaveLength(50);
    const texts = allStrings(message.blocks);
    expect(texts).toContain("…and 21 more");
    expect(texts.some((t) => /^…and \d+ more rows$/.test(t))).toBe(true);
    expect(texts).toContain("…and 31 more");
    const voted = renderSlack(card, { ephemeral: true, query: "/gap compute", feedback: { answerId: "a1" } });
    expect(blockKitProblems(voted)).toEqual([]);
    expect(voted.blocks).toHaveLength(50);
    expect(voted.blocks.at(-1)).toMatchObject({ type: "context_actions" });
  });

  it("given any card at all, stays within every Block Kit limit and escapes everything", () => {
    fc.assert(
      fc.property(anyCard, fc.boolean(), fc.string({ maxLength: 2500 }), (card, ephemeral, query) => {
        expect(blockKitProblems(renderSlack(card, { ephemeral, query }))).toEqual([]);
        const feedback = { answerId: "0123456789abcdef0123" };
        for (const nativeFeedback of [true, false])
          expect(blockKitProblems(renderSlack(card, { ephemeral, query, feedback, nativeFeedback }))).toEqual(
            [],
          );
        expect(blockKitProblems(renderSlackSources(card))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  describe.each(everyCore())("over the core with $name", ({ core }) => {
    it("given every public eval question, the card renders within every Block Kit limit", () => {
      const questions = readFileSync("/work/shared/eval/public.jsonl", "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { q: string }).q);
      expect(questions.length).toBeGreaterThan(20);
      for (const q of questions) {
        const card = core.answer(q);
        expect(blockKitProblems(renderSlack(card, { ephemeral: true, query: q })), q).toEqual([]);
        expect(blockKitProblems(renderSlackSources(card)), q).toEqual([]);
      }
    });

    it("given fuzzed questions, the card renders within every Block Kit limit", () => {
      const hostile = [
        ...HOSTILE.map((h) => `/ask ${h}`),
        "/compare <!here> vs &",
        "/chip <@U1>",
        "/gap *x*",
      ];
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 600 }), fc.constantFrom(...hostile)), (q) => {
          expect(blockKitProblems(renderSlack(core.answer(q), { ephemeral: true, query: q }))).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe("renderSlackSources", () => {
  it("given a cited answer, quotes each source verbatim in plain text with who says it and where", () => {
    expect(renderSlackSources(computeGapCard())).toEqual({
      text:
        "Sources for Computing power: US vs China\n" +
        '[compute-gap-article ¶24] "the computing power scale in the United States will be 2400 EFLOPS, while in China it will be 1053 EFLOPS"',
      blocks: [
        { type: "section", text: md("*Sources* · Computing power: US vs China") },
        {
          type: "section",
          text: plain(
            "“the computing power scale in the United States will be 2400 EFLOPS, while in China it will be 1053 EFLOPS”",
          ),
        },
        {
          type: "context",
          elements: [md("CAICT · The China–US AI compute gap ¶24 · fact us-compute-eflops")],
        },
      ],
    });
  });

  it("given a quote with mrkdwn characters, keeps them as typed: plain text cannot format", () => {
    const card = computeGapCard();
    const c = card.citations[0];
    if (!c) throw new Error("fixture");
    c.quote = "a *so-called* _gap_ of 5% -6% & more";
    const quote = renderSlackSources(card).blocks[1] as { text: { type: string; text: string } };
    expect(quote.text).toEqual(plain("“a *so-called* _gap_ of 5% -6% &amp; more”"));
  });

  it("given an answer without citations, says it quotes no source", () => {
    const { blocks } = renderSlackSources(apologyCard());
    expect(blocks[1]).toEqual({ type: "section", text: plain("This answer quotes no source.") });
  });
});
