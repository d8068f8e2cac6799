// Follow-ups in a conversation: a short message read against the thread's last question. "and China?"
// keeps the last question and changes its subject; "why?" asks for the last answer's sources; "more" for
// the rest of the last card; "thanks" needs no answer; anything else is a question of its own.
// Platform-neutral: the adapters keep the last question per thread and render what comes back.
import type { Entity } from "../knowledge/schema.js";
import type { Card } from "./card.js";
import type { Context } from "./context.js";
import type { Request } from "./request.js";
import { HAN, nameKey } from "./text.js";

export type FollowUp =
  /** Answer `query`; `reading` says how a follow-up was read, when it was rewritten from the last question. */
  | { type: "question"; query: string; reading?: string }
  /** Show the sources of the last answer. */
  | { type: "sources" }
  /** Show what the last card did not. */
  | { type: "more" }
  /** Thanks, ok: nothing to answer. */
  | { type: "ignore" };

// What a short reply does (thanks, sources, more, a new subject) is read from cues.yaml's thread_* cues.
const TRAILING = /[\s?？!！.。,，]+$/u;

/** The query line a request stands for: its text, or the command as it would be typed. */
export function requestLine(request: Request | string): string {
  if (typeof request === "string") return request.trim();
  if (request.text !== undefined) return request.text.trim();
  const values = Object.values(request.args ?? {})
    .filter((v) => v !== undefined && v !== "")
    .map(String);
  // Two names need a separator the parser reads as two ("a vs b"), not one long name.
  const args = request.command === "compare" && values.length === 2 ? values.join(" vs ") : values.join(" ");
  return `/${request.command ?? "help"}${args ? ` ${args}` : ""}`;
}

/** Reads `text` as a follow-up to the last question `previous` (a query line). */
export function readFollowUp(ctx: Context, previous: string, text: string): FollowUp {
  const t = text.trim().replace(TRAILING, "");
  if (!t) return { type: "ignore" };
  // The cues of cues.yaml, read in any case.
  const is = (cue: "thread_ignore" | "thread_sources" | "thread_more") =>
    ctx.cues[cue].eachCaseless.some((re) => re.test(t));
  if (is("thread_ignore")) return { type: "ignore" };
  if (is("thread_sources")) return { type: "sources" };
  if (is("thread_more")) return { type: "more" };
  const phrase = subjectPhrase(ctx, t);
  const subject = phrase ? subjectOf(ctx, phrase) : undefined;
  if (!subject) return { type: "question", query: text.trim() };
  const query = withSubject(ctx, previous, subject);
  return { type: "question", query, reading: query.replace(/^\/\S+\s+/, "") };
}

/** The new subject of "and Southland?", "和<name>比呢", or a bare name ("Southland?"); undefined for a new question. */
function subjectPhrase(ctx: Context, t: string): string | undefined {
  for (const re of ctx.cues.thread_subject.eachCaseless) {
    const m = re.exec(t);
    const phrase = m?.slice(1).find((g) => g !== undefined);
    if (phrase) return ctx.cues.article_word.eachCaseless.reduce((p, a) => p.replace(a, ""), phrase).trim();
  }
  // A bare name is a follow-up about that thing; a whole question that names one is not.
  return ctx.finder.exact(t) ? t : undefined;
}

function subjectOf(ctx: Context, phrase: string): Entity | undefined {
  const exact = ctx.finder.exact(phrase);
  if (exact) return exact;
  const named = ctx.finder.mentions(phrase).filter((m) => !m.fuzzy);
  return named.length === 1 ? named[0]?.entity : undefined;
}

/**
 * The last question with its subject changed: the named thing of the new subject's kind (else the first
 * named thing) becomes the new subject, in the words of the question; with nothing named, the subject
 * joins the question.
 */
function withSubject(ctx: Context, previous: string, subject: Entity): string {
  const mentions = ctx.finder.mentions(previous);
  const target = mentions.find((m) => m.entity.kind === subject.kind) ?? mentions[0];
  if (!target) {
    const command = /^\/(\S+)\s*(.*)$/.exec(previous.trim());
    // "/gap harvest" + "and Southland?": the topic, asked about Southland, as a question.
    const rest = command ? (command[2] ?? "") : previous.trim().replace(TRAILING, "");
    return `${rest} ${subject.name}`.trim();
  }
  // In the words as typed, when a name of the old subject stands in them; else in the name-key form.
  for (const name of [target.entity.name, ...target.entity.aliases].sort((a, b) => b.length - a.length)) {
    const at = findName(previous, name);
    if (!at) continue;
    let before = previous.slice(0, at.start);
    const written = previous.slice(at.start, at.end);
    const next = nameLike(subject, name);
    // "the US" takes an article that a plain name does not: an abbreviation's "the" goes with it.
    if (/^[A-Z]{2,5}$/.test(written) && !/^[A-Z]{2,5}$/.test(next)) before = before.replace(/\bthe\s+$/i, "");
    return before + next + previous.slice(at.end);
  }
  const key = nameKey(previous);
  return key.slice(0, target.start) + subject.name + key.slice(target.end);
}

/** The subject's name in the script of the name it replaces: 北国 gives way to 南国, not to "Southland". */
function nameLike(subject: Entity, replaced: string): string {
  if (!HAN.test(replaced)) return subject.name;
  return [subject.name, ...subject.aliases].find((a) => HAN.test(a)) ?? subject.name;
}

/** Where `name` stands in `text` as a whole word (case, spaces and hyphens aside). */
function findName(text: string, name: string): { start: number; end: number } | undefined {
  const pattern = name
    .trim()
    .split(/[\s-]+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[\\s-]*");
  if (!pattern) return undefined;
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, "iu").exec(text);
  // Chinese names have no word boundaries around them.
  const han = m ?? new RegExp(pattern, "u").exec(/\p{Script=Han}/u.test(name) ? text : "");
  return han ? { start: han.index, end: han.index + han[0].length } : undefined;
}

/** The card with the reading of a follow-up said on it, before anything else in its footer. */
export function withReading(card: Card, reading: string): Card {
  const said = `Reading this as: ${reading}`;
  return { ...card, footer: card.footer ? `${said} · ${card.footer}` : said };
}

/** What the last card did not show: the fields past the first `shown`; undefined when it showed them all. */
export function moreCard(card: Card, shown: number): Card | undefined {
  const rest = card.fields.slice(shown);
  if (!rest.length) return undefined;
  return {
    kind: card.kind,
    title: `More: ${card.title}`,
    headline: `${rest.length} more ${rest.length === 1 ? "figure" : "figures"} from the last answer.`,
    fields: rest,
    citations: card.citations,
    suggestions: card.suggestions,
  };
}
