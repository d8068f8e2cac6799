import { describe, expect, it } from "vitest";
import { decodeEntities } from "../../../src/adapters/slack/escape.js";
import { renderSlack } from "../../../src/adapters/slack/render.js";
import type { Card } from "../../../src/core/card.js";
import { blockKitProblems } from "../../helpers/slack-block-kit.js";

const passageCard = (text: string): Card => ({
  kind: "source",
  title: "¶1 of “A source”",
  headline: "Paragraph 1 of 1, whole and verbatim.",
  fields: [],
  passage: { source: "a-source", paragraph: 1, text },
  citations: [],
  suggestions: [],
});

/** The plain_text sections after the headline: the passage as Slack shows it. */
function shown(blocks: object[]): string {
  return (blocks as { type: string; text?: { type: string; text: string } }[])
    .slice(2)
    .filter((b) => b.type === "section" && b.text?.type === "plain_text")
    .map((b) => decodeEntities(b.text?.text ?? ""))
    .join(" ");
}

describe("a passage on Slack", () => {
  it("is shown whole, split over sections within their 3,000 characters, however long and whatever it holds", () => {
    const words = ["alpha", "<b&c>", "2400", "“quoted”", "&amp;", "x".repeat(40)];
    for (const length of [10, 2_999, 3_001, 9_500, 20_000]) {
      const parts: string[] = [];
      for (let i = 0; parts.join(" ").length < length; i++) parts.push(words[i % words.length] ?? "");
      const text = parts.join(" ");
      const message = renderSlack(passageCard(text));
      expect(blockKitProblems(message), String(length)).toEqual([]);
      expect(shown(message.blocks)).toBe(text);
    }
  });

  it("cuts no word of a passage without spaces", () => {
    const text = "字".repeat(7_000);
    expect(shown(renderSlack(passageCard(text)).blocks).replaceAll(" ", "")).toBe(text);
  });
});
