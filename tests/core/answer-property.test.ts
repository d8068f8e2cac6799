// Any input at all, up to 10,000 characters, gives a valid card and never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/core/context.js";
import { answer } from "../../src/core/create-core.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { expectValidCard } from "../helpers/card-checks.js";

const { knowledge } = readKnowledge(new URL("../fixtures/mini-knowledge", import.meta.url).pathname);
// The inner answer, without the core's last-resort catch: a bug here must fail the test, not hide.
const ctx = buildContext(knowledge);
const core = { answer: (request: Parameters<typeof answer>[1]) => answer(ctx, request) };

const hostile = fc.oneof(
  fc.string({ maxLength: 10_000 }),
  fc.string({ unit: "binary", maxLength: 2_000 }),
  fc.string({ unit: "grapheme", maxLength: 500 }),
  fc.constantFrom(
    "/compare",
    "/chip",
    "/gap",
    "/source",
    "/model",
    "/ask",
    "/",
    "//",
    "/compare vs",
    "/source -1",
    "/source 1e9",
  ),
  fc
    .tuple(
      fc.constantFrom("/gap ", "/chip ", "/compare ", "/ask ", "", "/source "),
      fc.array(
        fc.constantFrom(
          "910B",
          "vs",
          "\u202e",
          "\u200b",
          "<!channel>",
          "@everyone",
          "昇腾",
          "**x**",
          '"',
          "‮",
          "🇨🇳",
          "\u0000",
          " ",
        ),
        { maxLength: 30 },
      ),
    )
    .map(([cmd, parts]) => cmd + parts.join(" ")),
);

describe("answer, for any input", () => {
  it("gives a valid card and never throws", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const card = core.answer({ text });
        expectValidCard(card, knowledge);
        // "error" is only ever the polite "too long".
        if (card.kind === "error") expect(card.title).toBe("That is too long");
      }),
      { numRuns: 2_000 },
    );
  });

  it("gives a valid card for any structured command and arguments", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("gap", "chip", "model", "compare", "ask", "source", "help", "gapbot", "nope", ""),
        fc.dictionary(
          fc.constantFrom("topic", "name", "first", "second", "question", "ref", "private"),
          fc.oneof(fc.string({ maxLength: 600 }), fc.boolean(), fc.integer()),
        ),
        (command, args) => {
          const card = core.answer({ command, args });
          expect(card.headline.length).toBeLessThanOrEqual(240);
          expectValidCard(card, knowledge);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
