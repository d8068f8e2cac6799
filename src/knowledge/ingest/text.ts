// Reading a new source's text for `gapbot ingest`: its paragraphs (one per line once stored) and the
// sentences and clauses of each, with their offsets, so that every quote is a verbatim span.

/**
 * One paragraph per line. A text already written so (no wrapped paragraphs) keeps its lines exactly, blank
 * ones included, so that paragraph N stays line N; a text whose paragraphs are wrapped over several lines and
 * separated by blank lines has each block joined into one line.
 */
export function paragraphsOf(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  const wrapped = lines.some((l, i) => l.trim() !== "" && (lines[i + 1] ?? "").trim() !== "");
  const blankSeparated = lines.some((l) => l.trim() === "");
  if (!(wrapped && blankSeparated)) return lines.map((l) => l.replace(/\s+$/, ""));
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s*\n\s*/g, " ").trim())
    .filter((block) => block !== "");
}

export interface Span {
  text: string;
  start: number;
  end: number;
}

// A full stop ends a sentence unless it ends an abbreviation or sits inside a number ("2.9M", "U.S.").
const ABBREVIATION =
  /(?:\b(?:[A-Z]|[A-Z][a-z]{0,3}|etc|vs|approx|incl|e\.g|i\.e|U\.S|No|Fig|Inc|Corp|Ltd|Co|Mr|Ms|Dr|St))\.$/;

/** The sentences of a paragraph, trimmed, with their offsets in it. */
export function sentencesOf(paragraph: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = paragraph.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, start: start + lead, end: start + lead + text.length });
    start = end;
  };
  for (const m of paragraph.matchAll(
    /[.!?…](?:["'”’)\]]*)(?=\s+["'“‘([]?[A-Z0-9\p{Script=Han}])|[。！？]/gu,
  )) {
    const end = m.index + m[0].length;
    if (m[0].startsWith(".") && ABBREVIATION.test(paragraph.slice(Math.max(0, m.index - 6), m.index + 1)))
      continue;
    push(end);
  }
  push(paragraph.length);
  return out;
}

/**
 * A sentence cut into pieces of at most `max` characters at clause boundaries (";", ", ", " – ", " but ",
 * " while "…), each piece a verbatim span. A sentence that fits is one piece.
 */
export function clausesOf(sentence: Span, max: number): Span[] {
  if (sentence.text.length <= max) return [sentence];
  const cuts = [
    ...sentence.text.matchAll(
      /;\s+|,\s+|\s+[–—-]\s+|:\s+|\s+(?=(?:but|while|whereas|although|though|which|and)\s)(?!and\s+(?:a|one)\s+(?:half|quarter|third)\b)/g,
    ),
  ].map((m) => m.index + m[0].length);
  const pieces: Span[] = [];
  let from = 0;
  let last = 0;
  for (const cut of [...cuts, sentence.text.length]) {
    if (cut - from > max && last > from) {
      pieces.push(piece(sentence, from, last));
      from = last;
    }
    last = cut;
  }
  pieces.push(piece(sentence, from, sentence.text.length));
  // A piece still too long (no boundary inside) is cut at the last space before the limit.
  return pieces.flatMap((p) => (p.text.length <= max ? [p] : hardCut(p, max)));
}

/**
 * A clause cut where a sentence sets two figures side by side, each in its own clause ("In 2025 we count 2,900
 * X in A, | and 1,380 Y in B"; "71% in A; | in B the figure was 48%"): each figure leads a fact of its own.
 * Only at ", and", ", while", ", whereas", ", but" or ";" with a figure on both sides, and never inside a range
 * or a comparison ("compared with", "against" stay with what they compare).
 */
const COUNTED =
  /\d[\d,.]*(?:\s*[kKmMbB]n?\b)?\s*(?:%|percent\b|(?!(?:this|that|the|a|an|in|on|at|for|by|to|of|and|or|last|next|per|each|than|more|less|years?|months?)\b)[A-Za-z][A-Za-z-]+)/;

export function figureClauses(clause: Span): Span[] {
  const figure = /\d/;
  // The conjunction goes with neither clause: the second is quoted from the word after it.
  const cut = /(?:;\s+|,\s+(?:and|while|whereas|but)\s+)/g;
  const out: Span[] = [];
  let from = 0;
  for (const m of clause.text.matchAll(cut)) {
    const end = m.index;
    const next = m.index + m[0].length;
    const left = clause.text.slice(from, end);
    const right = clause.text.slice(next);
    // Each side long enough to say something, with a figure that is no year alone.
    // A version after a name ("Apache 2.0", "Model 3") is no figure either.
    const bare = (t: string) =>
      t.replace(/\b(?:19|20)\d\d\b/g, "").replace(/\b\p{Lu}[\p{L}-]*\s+\d+(?:\.\d+)*\b/gu, "");
    const hasFigure = (t: string) => figure.test(bare(t));
    // The second figure says what it counts ("1,380 researchers", "48%"): "…, and about 300k this year" or
    // "…, and B about 2,100" leave it to the first, and stay with it.
    // "…, while American firms shipped fewer than 2,500", "…, and Birch Mills about 2,100": a bare figure
    // after a subject of its own is that subject's, and leads its own clause too.
    // "…, while Meridian's is 350,000" leaves its measure to the first clause, and stays with it.
    const ownSubject =
      m[0].startsWith(",") &&
      !/^[\p{L}\p{N} -]+['’]s\s+(?:is|are|was|were|has|had|stands|comes)\b/u.test(right) &&
      /^(?!(?:It|Its|This|That|These|Those|The|They|Their|There|He|She|His|Her)\b)\p{Lu}/u.test(right) &&
      hasFigure(right);
    // "…by 80% in June, and in August released gpt-oss-120b, which sells for $0.15": a figure after a product
    // code the first clause does not write is that product's.
    const codes = (t: string) =>
      (t.match(/[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)*/gu) ?? []).filter(
        (w) => /\p{L}/u.test(w) && /\d/.test(w) && !/^(?:mid|early|late)-/.test(w),
      );
    const firstFigure = right.search(/\$?\d[\d,.]*(?:\s*%|\s+(?:per|a|an|million|billion))/);
    const otherCode =
      firstFigure > 0 && codes(right.slice(0, firstFigure)).some((c) => !codes(left).includes(c));
    if (
      left.length < 25 ||
      right.length < 20 ||
      !hasFigure(left) ||
      !(COUNTED.test(bare(right)) || ownSubject || otherCode)
    )
      continue;
    out.push(piece(clause, from, end));
    from = next;
  }
  if (out.length === 0) return [clause];
  out.push(piece(clause, from, clause.text.length));
  return out.filter((p) => p.text.length > 0);
}

function piece(sentence: Span, from: number, to: number): Span {
  const raw = sentence.text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw
    .trim()
    .replace(/[,;:–—-]$/, "")
    .trim();
  return { text, start: sentence.start + from + lead, end: sentence.start + from + lead + text.length };
}

function hardCut(p: Span, max: number): Span[] {
  const out: Span[] = [];
  let rest = p;
  while (rest.text.length > max) {
    const at = rest.text.lastIndexOf(" ", max);
    const cut = at > max / 2 ? at : max;
    out.push({ text: rest.text.slice(0, cut).trim(), start: rest.start, end: rest.start + cut });
    const tail = rest.text.slice(cut);
    const lead = tail.length - tail.trimStart().length;
    rest = { text: tail.trim(), start: rest.start + cut + lead, end: rest.end };
  }
  if (rest.text) out.push(rest);
  return out;
}
