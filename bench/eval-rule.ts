// The pass rule of ../shared/eval/grade.mjs, in-process: every `expect` group has one of its strings in
// the headline (case-insensitive, thousands separators ignored) and the first citation's paragraph is in
// `cite`, of the question's `source` (the first article when it names none); a `none` question passes when the
// card is not_found (it may cite what the material says nearby).
import { readFileSync } from "node:fs";
import type { Card } from "../src/core/card.js";

export interface Question {
  q: string;
  expect?: string[][];
  cite?: number[];
  none?: boolean;
  /** The source the first citation must be of; the grader's default is the first article. */
  source?: string;
}

export function readQuestions(path: string): Question[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Question);
}

const norm = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/\s+/g, " ")
    .toLowerCase()
    .trim();

/** Why a card fails its question, or undefined when it passes. */
export function failure(q: Question, card: Card): string | undefined {
  if (q.none) {
    return card.kind === "not_found" ? undefined : `should be not_found, got ${card.kind}: ${card.headline}`;
  }
  const headline = norm(card.headline);
  const figures = (q.expect ?? []).every((group) => group.some((alt) => headline.includes(norm(alt))));
  const first = card.citations[0];
  const cited =
    first !== undefined &&
    (q.cite ?? []).includes(first.paragraph) &&
    first.source === (q.source ?? "compute-gap-article");
  if (card.kind !== "not_found" && figures && cited && card.headline.length <= 240) return undefined;
  return `kind=${card.kind} figures=${figures} first cite=¶${card.citations[0]?.paragraph} want ${q.cite}: ${card.headline}`;
}
