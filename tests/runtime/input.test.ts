import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_INPUT } from "../../src/core/intent.js";
import { cleanUserText, MAX_RAW_INPUT } from "../../src/runtime/input.js";

describe("user text at the adapter boundary", () => {
  it("trims, folds whitespace and drops control, zero-width and bidi-override characters", () => {
    expect(cleanUserText("  /chip\u0000 H100\u200b\r\n\u202etxt.exe\u2066 ")).toBe("/chip H100 txt.exe");
  });

  it("given lone surrogates, makes them U+FFFD and keeps emoji pairs whole", () => {
    expect(cleanUserText("a\ud800b\udc00c 🇨🇳🇺🇸")).toBe("a\ufffdb\ufffdc 🇨🇳🇺🇸");
  });

  it("given no text or a non-string from a malformed payload, gives empty text", () => {
    expect(cleanUserText(undefined)).toBe("");
    expect(cleanUserText(null)).toBe("");
    expect(cleanUserText({ toString: () => "boom" })).toBe("");
    expect(cleanUserText(910)).toBe("910");
  });

  it("given a 100 KB paste, reads only MAX_RAW_INPUT characters, still far over the core's too-long limit", () => {
    const text = cleanUserText("🙂".repeat(50_000));
    expect(text.length).toBeLessThanOrEqual(MAX_RAW_INPUT);
    expect(text.length).toBeGreaterThan(MAX_INPUT);
    expect(text.endsWith("🙂")).toBe(true);
  });

  it("given any string, gives well-formed text with no control or zero-width characters, within the cap", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 600 }), (raw) => {
        const text = cleanUserText(raw);
        expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        expect(text).not.toMatch(/[\p{Cc}\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u);
        expect(text).toBe(text.trim());
        expect(text.length).toBeLessThanOrEqual(MAX_RAW_INPUT);
      }),
      { numRuns: 2000 },
    );
  });
});
