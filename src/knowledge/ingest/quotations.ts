// Quotations in a paragraph of a new source and who says each, for `gapbot ingest`: a quotation may run over
// several sentences, and only the one its closing mark ends names the speaker ('"A. B," said X'), so every
// sentence inside it is given that speaker; a quotation the paragraph goes on with after naming its speaker
// ('"A," said X. "B."') is the same speaker's.
import type { Entity } from "../schema.js";

export interface Quotation {
  /** Offsets in the paragraph: from the opening mark to just after the closing one. */
  start: number;
  end: number;
  /** The entity id of whoever the text says it is said by, if it says. */
  speaker?: string;
}

interface Name {
  id: string;
  start: number;
  end: number;
}

const SAYS =
  "said|says|told|added|argued|argues|asked|explained|noted|warned|wrote|continued|insisted|recalled";
/** '…," said X' or '…," X said': the name right after the verb, or right before it. */
const VERB_THEN_NAME = new RegExp(`^\\s*,?\\s*(?:${SAYS})\\s+$`, "i");
const NAME_THEN_VERB = new RegExp(`^\\s*(?:${SAYS})\\b`, "i");
/** '…," she said', '…," said he': whoever the paragraph last named. */
const PRONOUN_SAYS = new RegExp(`^\\s*,?\\s*(?:(?:he|she)\\s+(?:${SAYS})|(?:${SAYS})\\s+(?:he|she))\\b`, "i");

/** The speakers' kinds: who can say something. */
const SPEAKS = new Set(["person", "company", "organisation", "report"]);

/** The quotation marks' spans: curly pairs, or straight marks taken in pairs. */
function spans(paragraph: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let open = -1;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i];
    if (c === "“" || (c === '"' && open < 0)) open = i;
    else if ((c === "”" || c === '"') && open >= 0) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return out;
}

/**
 * The paragraph's quotations with their speakers. The speaker is the name the closing mark is followed by
 * with a verb of saying ('," said X', '," X told'), the one a colon introduces it with ("X summed it up:
 * "…""), the person last named for "he said"/"she said", or else, for a quotation that follows another with
 * nobody else named between them, the earlier one's speaker.
 */
export function quotationsOf(
  paragraph: string,
  names: readonly Name[],
  byId: ReadonlyMap<string, Entity>,
): Quotation[] {
  const speaks = (n: Name) => SPEAKS.has(byId.get(n.id)?.kind ?? "");
  const out: Quotation[] = [];
  for (const q of spans(paragraph)) {
    const inside = paragraph.slice(q.start + 1, q.end - 1);
    // A quoted word or title ("the "big four"") is no quotation: one says a sentence.
    if (!/\s\S+\s/.test(inside)) continue;
    const after = names.find(
      (n) =>
        n.start >= q.end &&
        speaks(n) &&
        (VERB_THEN_NAME.test(paragraph.slice(q.end, n.start)) ||
          (/^\s*,?\s*$/.test(paragraph.slice(q.end, n.start)) &&
            NAME_THEN_VERB.test(paragraph.slice(n.end)))),
    );
    let speaker = after?.id;
    if (!speaker && PRONOUN_SAYS.test(paragraph.slice(q.end))) {
      speaker = names.findLast((n) => n.end <= q.start && byId.get(n.id)?.kind === "person")?.id;
    }
    if (!speaker && /:\s*$/.test(paragraph.slice(0, q.start))) {
      // The sentence the colon ends: its first name that can speak.
      const from = Math.max(
        0,
        ...[...paragraph.slice(0, q.start).matchAll(/[.!?]["”]?\s+/g)].map((m) => m.index + m[0].length),
      );
      speaker = names.find((n) => n.start >= from && n.end <= q.start && speaks(n))?.id;
    }
    const before = out.at(-1);
    if (!speaker && before?.speaker) {
      const between = names.filter((n) => n.start >= before.end && n.end <= q.start);
      if (between.every((n) => n.id === before.speaker || byId.get(n.id)?.kind !== "person"))
        speaker = before.speaker;
    }
    out.push(speaker ? { ...q, speaker } : q);
  }
  return out;
}
