// The operator's to-do list, built from the question record: how often questions were answered, what the
// votes say, which questions went unanswered (grouped by the words they share), which answers were
// disliked and which rested on weak evidence. Pure: rows in, report out; the CLI and App Home draw it.
import { HAN, HAN_STOPWORDS, normalize, STOPWORDS } from "../core/text.js";
import type { QuestionRow, VoteReason } from "../storage/question-log.js";

/** Card kinds that answer the question; not_found is a miss, help and error are neither. */
const ANSWER_KINDS = new Set(["gap", "chip", "model", "compare", "answer", "source"]);
/** How many entries each list holds at most. */
export const REPORT_LIST_MAX = 10;
/** Example questions shown per group of unanswered ones. */
const EXAMPLES_MAX = 3;

export interface Votes {
  up: number;
  down: number;
}

export interface Tally {
  questions: number;
  answered: number;
  notFound: number;
  /** answered / (answered + notFound), 0–1; null when there was neither. */
  answeredRate: number | null;
  votes: Votes;
}

export interface UnansweredGroup {
  /** The content words every question of the group shares (the group's own words when it is one). */
  words: string[];
  count: number;
  examples: string[];
}

export interface DislikedAnswer {
  text: string;
  kind: string;
  platform: string;
  command: string;
  facts: string[];
  votes: Votes;
  reasons: Partial<Record<VoteReason, number>>;
}

export interface LowScoreAnswer {
  text: string;
  kind: string;
  score: number;
  facts: string[];
}

export interface Report {
  since: string;
  until: string;
  totals: Tally;
  byPlatform: (Tally & { platform: string })[];
  byCommand: (Tally & { command: string })[];
  unanswered: UnansweredGroup[];
  disliked: DislikedAnswer[];
  lowScore: LowScoreAnswer[];
}

export function buildReport(rows: readonly QuestionRow[], since: number, until: number): Report {
  return {
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    totals: tally(rows),
    byPlatform: groupBy(rows, (r) => r.platform).map(([platform, group]) => ({ platform, ...tally(group) })),
    byCommand: groupBy(rows, (r) => r.command).map(([command, group]) => ({ command, ...tally(group) })),
    unanswered: groupUnanswered(rows.filter((r) => r.kind === "not_found").map((r) => r.text)),
    disliked: rows
      .filter((r) => r.down > 0)
      .sort((a, b) => b.down - a.down || a.up - b.up || b.at - a.at)
      .slice(0, REPORT_LIST_MAX)
      .map((r) => ({
        text: r.text,
        kind: r.kind,
        platform: r.platform,
        command: r.command,
        facts: r.facts,
        votes: { up: r.up, down: r.down },
        reasons: r.reasons,
      })),
    lowScore: rows
      .filter((r): r is QuestionRow & { score: number } => ANSWER_KINDS.has(r.kind) && r.score !== null)
      .sort((a, b) => a.score - b.score || b.at - a.at)
      .slice(0, REPORT_LIST_MAX)
      .map((r) => ({ text: r.text, kind: r.kind, score: round(r.score), facts: r.facts })),
  };
}

function tally(rows: readonly QuestionRow[]): Tally {
  let answered = 0;
  let notFound = 0;
  const votes = { up: 0, down: 0 };
  for (const r of rows) {
    if (ANSWER_KINDS.has(r.kind)) answered++;
    else if (r.kind === "not_found") notFound++;
    votes.up += r.up;
    votes.down += r.down;
  }
  const asked = answered + notFound;
  return {
    questions: rows.length,
    answered,
    notFound,
    answeredRate: asked ? round(answered / asked) : null,
    votes,
  };
}

/** Groups with the most rows first, then by name. */
function groupBy(rows: readonly QuestionRow[], key: (r: QuestionRow) => string): [string, QuestionRow[]][] {
  const groups = new Map<string, QuestionRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

/**
 * The words that carry a question's content: no function words or single letters, a plural folded into
 * its singular ("gpus" → "gpu") so that the two group together. Chinese is written without spaces and
 * Node's segmenter splits unknown names into single characters, so a Han run gives its character pairs
 * (华为算力 → 华为, 为算, 算力): two questions naming the same thing share a pair.
 */
export function contentWords(text: string): string[] {
  const words = new Set<string>();
  for (const m of normalize(text).matchAll(/\p{Script=Han}+|[\p{L}\p{N}][\p{L}\p{N}.'-]*/gu)) {
    const run = m[0];
    if (HAN.test(run)) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) {
        const pair = `${chars[i]}${chars[i + 1]}`;
        if (!HAN_STOPWORDS.has(pair)) words.add(pair);
      }
      continue;
    }
    let w = run.replace(/[.'-]+$/, "");
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    if (/^[a-z]{3,}s$/.test(w) && !w.endsWith("ss")) w = w.slice(0, -1);
    words.add(w);
  }
  return [...words];
}

/**
 * Questions that share content words, most asked first. Greedy: the word found in the most questions
 * takes them all as one group, then the next word among the rest, and so on; a question sharing no word
 * with another stands alone. Identical questions always fall together.
 */
export function groupUnanswered(texts: readonly string[]): UnansweredGroup[] {
  let left = texts.map((text) => ({ text, words: new Set(contentWords(text)) }));
  const groups: UnansweredGroup[] = [];
  while (left.length) {
    const counts = new Map<string, number>();
    for (const q of left) for (const w of q.words) counts.set(w, (counts.get(w) ?? 0) + 1);
    const [word, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    let members: typeof left;
    if (word !== undefined && (count ?? 0) > 1) {
      members = left.filter((q) => q.words.has(word));
    } else {
      // No word is shared any more: each remaining question (with its repeats) is a group of its own.
      const first = left[0] as (typeof left)[number];
      const key = first.text.toLowerCase();
      members = left.filter((q) => q.text.toLowerCase() === key);
    }
    const shared = [...(members[0]?.words ?? [])].filter((w) => members.every((q) => q.words.has(w)));
    const examples = [...new Set(members.map((q) => q.text))].slice(0, EXAMPLES_MAX);
    groups.push({ words: shared, count: members.length, examples });
    left = left.filter((q) => !members.includes(q));
  }
  return groups
    .sort((a, b) => b.count - a.count || (a.examples[0] ?? "").localeCompare(b.examples[0] ?? ""))
    .slice(0, REPORT_LIST_MAX);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
