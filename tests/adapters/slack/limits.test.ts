import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeEntities } from "../../../src/adapters/slack/escape.js";
import { capList, ELLIPSIS, truncate } from "../../../src/adapters/slack/limits.js";

describe("truncate", () => {
  it("given text within the limit, returns it unchanged", () => {
    expect(truncate("2,400 EFLOPS", 12)).toBe("2,400 EFLOPS");
  });

  it("given longer text, cuts it to the limit and ends it with an ellipsis", () => {
    expect(truncate("Computing power scale", 10)).toBe("Computing…");
  });

  it("given a cut inside an escaped entity, drops the partial entity instead of leaving '&am'", () => {
    const escaped = escapeEntities("ab & cd"); // "ab &amp; cd"
    expect(truncate(escaped, 7)).toBe("ab…");
  });

  it("given a cut inside an emoji, never leaves half a surrogate pair", () => {
    expect(truncate("ab💥cd", 4)).toBe("ab…");
  });

  it("given any text and limit, never exceeds the limit and never leaves a lone surrogate or partial entity", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.integer({ min: 1, max: 400 }),
        (raw, max) => {
          const out = truncate(escapeEntities(raw), max);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
          expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
        },
      ),
    );
  });
});

describe("capList", () => {
  it("given a list within the cap, keeps every item", () => {
    expect(capList([1, 2, 3], 3, (n) => -n)).toEqual([1, 2, 3]);
  });

  it("given a longer list, keeps cap-1 items and a marker counting the rest", () => {
    expect(capList(["a", "b", "c", "d", "e"], 3, (n) => `${ELLIPSIS}and ${n} more`)).toEqual([
      "a",
      "b",
      "…and 3 more",
    ]);
  });
});
