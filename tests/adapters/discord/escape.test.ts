import { describe, expect, it } from "vitest";
import { escapeMarkdown, neutraliseMentions, safeText } from "../../../src/adapters/discord/escape.js";

describe("escapeMarkdown", () => {
  it("shows bold, italics, strike, spoilers and code as typed", () => {
    expect(escapeMarkdown("**b** _i_ ~~s~~ ||sp|| `c`")).toBe(
      "\\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~ \\|\\|sp\\|\\| \\`c\\`",
    );
  });

  it("breaks masked links so the text cannot disguise a URL", () => {
    expect(escapeMarkdown("[click](https://evil.example)")).toBe("\\[click\\](https://evil.example)");
  });

  it("breaks headings, subtext, quotes and lists at the start of a line only", () => {
    expect(escapeMarkdown("# big\n-# small\n> quote\n- item\n1. first")).toBe(
      "\\# big\n-\\# small\n\\> quote\n\\- item\n1\\. first",
    );
    expect(escapeMarkdown("2,400-3,000 # not a heading")).toBe("2,400-3,000 # not a heading");
  });

  it("escapes the backslash itself, so input cannot undo an escape", () => {
    expect(escapeMarkdown("\\*")).toBe("\\\\\\*");
  });
});

describe("neutraliseMentions", () => {
  it("keeps @everyone, @here, user and role mentions readable but not mentions", () => {
    const out = neutraliseMentions("@everyone @here <@123> <@!123> <@&456>");
    expect(out).toBe("@\u200beveryone @\u200bhere <@\u200b123> <@\u200b!123> <@\u200b&456>");
    expect(out).not.toMatch(/@(everyone|here)/);
    expect(out).not.toMatch(/<@[!&]?\d+>/);
  });
});

describe("safeText", () => {
  it("given hostile input, yields text with no live mention, link or formatting", () => {
    const out = safeText("@everyone **pwn** [x](https://e.x) <@&456>");
    expect(out).not.toMatch(/@(everyone|here)/);
    expect(out).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
    expect(out).not.toMatch(/(?<!\\)\*\*/);
  });
});
