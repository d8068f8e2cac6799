import { describe, expect, it } from "vitest";
import { renderDiscord } from "../../../src/adapters/discord/render.js";
import type { Card } from "../../../src/core/card.js";
import { discordLimitProblems } from "../../helpers/discord-limits.js";

const passageCard = (text: string): Card => ({
  kind: "source",
  title: "¶1 of “A source”",
  headline: "Paragraph 1 of 1, whole and verbatim.",
  fields: [{ label: "Share", value: "TrendForce puts it at 68%." }],
  passage: { source: "a-source", paragraph: 1, text },
  citations: [{ source: "a-source", paragraph: 1, quote: "68%", factId: "a-share" }],
  suggestions: [],
});

/** The descriptions with Discord's escapes read back, as a reader sees them. */
const readBack = (s: string) => s.replace(/\\(.)/g, "$1").replaceAll("@\u200b", "@");

describe("a passage on Discord", () => {
  it("is shown whole across the embeds' descriptions when the message can hold it, markup and all", () => {
    const text = Array.from({ length: 120 }, (_, i) => `word${i} *x* _y_ [a](b) @everyone`).join(" ");
    const plain = Array.from({ length: 700 }, (_, i) => `w${i}`).join(" ");
    for (const t of [text.slice(0, 900), text.slice(0, 2_500), plain]) {
      const message = renderDiscord(passageCard(t));
      expect(discordLimitProblems(message)).toEqual([]);
      const shown = readBack(message.embeds.map((e) => e.description ?? "").join(" "));
      for (const word of t.split(" ")) expect(shown).toContain(word);
      // The Sources field is never pushed out by the passage.
      expect(message.embeds[0]?.fields?.some((f) => f.name === "Sources")).toBe(true);
    }
  });

  it("past a message's 6,000 characters, says it is cut rather than cutting silently", () => {
    const message = renderDiscord(passageCard("long ".repeat(3_000).trim()));
    expect(discordLimitProblems(message)).toEqual([]);
    expect(message.embeds.map((e) => e.description).join("\n")).toMatch(/more parts? past Discord's limit/);
  });
});
