import { describe, expect, it } from "vitest";
import { EMBED_TOTAL_MAX, embedLength, truncate } from "../../../src/adapters/discord/limits.js";

describe("truncate", () => {
  it("leaves text within the limit untouched", () => {
    expect(truncate("2,400 EFLOPS", 12)).toBe("2,400 EFLOPS");
  });

  it("cuts longer text to exactly the limit, ending with an ellipsis", () => {
    const cut = truncate("a".repeat(300), 256);
    expect(cut).toHaveLength(256);
    expect(cut.endsWith("…")).toBe(true);
  });

  it("never splits a surrogate pair (an emoji or a rare CJK character)", () => {
    const cut = truncate(`${"a".repeat(8)}😀😀`, 10);
    expect(cut).toBe("aaaaaaaa…");
    expect(cut.length).toBeLessThanOrEqual(10);
  });

  it("does not leave a lone backslash that would escape the ellipsis", () => {
    expect(truncate("abc\\*defgh", 5)).toBe("abc…");
    // An even run is an escaped backslash: it stays.
    expect(truncate("ab\\\\*defgh", 5)).toBe("ab\\\\…");
  });

  it("returns nothing for a limit of zero", () => {
    expect(truncate("abc", 0)).toBe("");
  });
});

describe("embedLength", () => {
  it("counts title, description, field names and values, footer and author, as Discord does", () => {
    const embed = {
      title: "abc",
      description: "de",
      fields: [{ name: "f", value: "ghij" }],
      footer: { text: "kl" },
      author: { name: "m" },
    };
    expect(embedLength(embed)).toBe(3 + 2 + 1 + 4 + 2 + 1);
    expect(EMBED_TOTAL_MAX).toBe(6000);
  });
});
