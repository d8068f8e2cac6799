// What every adapter does to user text before the core sees it: one zod schema at the boundary.
// Trimmed, control/zero-width/bidi characters out (the core's cleanInput), lone surrogates made U+FFFD,
// and the raw length bounded. Over MAX_INPUT the core still answers with its polite "too long" card.
import { z } from "zod";
import { cleanInput, MAX_INPUT } from "../core/intent.js";

/**
 * Raw text beyond this is not even read: far above MAX_INPUT, so the "too long" card still fires, yet it
 * bounds the work a 100 KB paste costs. (The card then names this length, a lower bound.)
 */
export const MAX_RAW_INPUT = MAX_INPUT * 20;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Anything an event may carry (a string, nothing, a number or object from a malformed payload) → clean text. */
export const userText = z
  .unknown()
  .transform((v) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : ""))
  .transform((s) => {
    // Cut on a code point boundary, so the cut does not itself leave a lone surrogate.
    const cut =
      s.length > MAX_RAW_INPUT
        ? Array.from(s.slice(0, MAX_RAW_INPUT + 1))
            .slice(0, -1)
            .join("")
        : s;
    return cleanInput(cut.replace(LONE_SURROGATE, "\ufffd"));
  })
  .pipe(z.string().max(MAX_RAW_INPUT));

/** The clean text of one argument or message; never throws. */
export function cleanUserText(raw: unknown): string {
  return userText.parse(raw);
}
