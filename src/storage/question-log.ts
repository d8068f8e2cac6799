// The record of questions asked and how they went, for `gapbot report` and the App Home summary. Private by
// construction: the text is capped, user, channel and workspace ids are kept only as keyed hashes (the key
// is random, made with the file and kept in it), and no token ever reaches this module.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { Card } from "../core/card.js";
import { type Database, migrate } from "./database.js";

/** Longer questions are cut to this many characters before they are stored. */
export const RECORDED_TEXT_MAX = 300;

export type Vote = "up" | "down";
/** Why a 👎: the three choices offered after it. */
export const VOTE_REASONS = ["wrong_figure", "not_asked", "missing"] as const;
export type VoteReason = (typeof VOTE_REASONS)[number];

export interface QuestionEntry {
  platform: string;
  /** The command or event that carried it: "chip", "mention", "dm", "follow-up"… */
  command: string;
  /** The question as the core answered it (a follow-up as resolved). */
  text: string;
  card: Pick<Card, "kind" | "fields" | "citations" | "score">;
  /** Platform ids: hashed before they are stored. */
  user?: string | undefined;
  channel?: string | undefined;
  workspace?: string | undefined;
}

export interface QuestionRow {
  id: string;
  at: number;
  platform: string;
  command: string;
  kind: string;
  text: string;
  facts: string[];
  score: number | null;
  up: number;
  down: number;
  /** The reasons given with the 👎 votes, by reason. */
  reasons: Partial<Record<VoteReason, number>>;
}

const MIGRATIONS = [
  `CREATE TABLE questions (
     id TEXT PRIMARY KEY,
     at INTEGER NOT NULL,
     platform TEXT NOT NULL,
     command TEXT NOT NULL,
     kind TEXT NOT NULL,
     text TEXT NOT NULL,
     facts TEXT NOT NULL,
     score REAL,
     user_hash TEXT,
     channel_hash TEXT,
     workspace_hash TEXT
   );
   CREATE INDEX questions_at ON questions (at);
   CREATE TABLE votes (
     question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
     user_hash TEXT NOT NULL,
     vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
     reason TEXT,
     at INTEGER NOT NULL,
     PRIMARY KEY (question_id, user_hash)
   );
   CREATE TABLE question_log_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];

const DAY_MS = 24 * 60 * 60 * 1000;

export interface QuestionLogOptions {
  /** Rows older than this many days are deleted by prune(). */
  retentionDays: number;
  now?: () => number;
}

/** An answer id's first characters name the record that holds it (see QuestionLog.owner). */
export const OWNER_CHARS = 8;

/** The record an answer id belongs to: the owner its id starts with. */
export function ownerOfAnswer(answerId: string): string {
  return answerId.slice(0, OWNER_CHARS);
}

export class QuestionLog {
  private readonly hashKey: Buffer;
  private readonly now: () => number;
  /**
   * This record's name, from its file's own key: every answer id starts with it, so that a vote reaching
   * another instance (each keeps its own record) can be handed to this one through Redis.
   */
  readonly owner: string;

  constructor(
    private readonly db: Database,
    private readonly options: QuestionLogOptions,
  ) {
    migrate(db, "question_log", MIGRATIONS);
    this.now = options.now ?? Date.now;
    this.hashKey = this.keyOfFile();
    this.owner = createHmac("sha256", this.hashKey).update("owner").digest("hex").slice(0, OWNER_CHARS);
  }

  /** Stores one answered (or unanswered) question; returns its id, which the feedback buttons carry. */
  record(entry: QuestionEntry): string {
    const id = `${this.owner}${randomUUID()
      .replace(/-/g, "")
      .slice(0, 20 - OWNER_CHARS)}`;
    this.db
      .prepare(
        `INSERT INTO questions (id, at, platform, command, kind, text, facts, score, user_hash, channel_hash, workspace_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        this.now(),
        entry.platform,
        entry.command,
        entry.card.kind,
        capText(entry.text),
        JSON.stringify(citedFacts(entry.card)),
        typeof entry.card.score === "number" && Number.isFinite(entry.card.score) ? entry.card.score : null,
        this.hash(entry.user),
        this.hash(entry.channel),
        this.hash(entry.workspace),
      );
    return id;
  }

  /**
   * One vote per user per answer: a second vote replaces the first (and its reason). False when the
   * answer is not in the record (pruned, or recorded elsewhere).
   */
  vote(questionId: string, user: string, vote: Vote, reason?: VoteReason): boolean {
    if (!this.has(questionId)) return false;
    this.db
      .prepare(
        `INSERT INTO votes (question_id, user_hash, vote, reason, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote, reason = excluded.reason, at = excluded.at`,
      )
      .run(questionId, this.hash(user), vote === "up" ? 1 : -1, reason ?? null, this.now());
    return true;
  }

  /** The reason for this user's 👎 on this answer; false when they have no 👎 on it. */
  explain(questionId: string, user: string, reason: VoteReason): boolean {
    const result = this.db
      .prepare("UPDATE votes SET reason = ?, at = ? WHERE question_id = ? AND user_hash = ? AND vote = -1")
      .run(reason, this.now(), questionId, this.hash(user));
    return result.changes > 0;
  }

  /** Deletes the questions (and their votes) older than the retention; returns how many went. */
  prune(): number {
    const cutoff = this.now() - this.options.retentionDays * DAY_MS;
    return this.db.prepare("DELETE FROM questions WHERE at < ?").run(cutoff).changes;
  }

  /** Every question since `since` (ms), oldest first, with its votes counted. */
  since(since: number): QuestionRow[] {
    const rows = this.db
      .prepare(
        `SELECT q.id, q.at, q.platform, q.command, q.kind, q.text, q.facts, q.score,
                COALESCE(SUM(v.vote = 1), 0) AS up, COALESCE(SUM(v.vote = -1), 0) AS down,
                json_group_array(v.reason) FILTER (WHERE v.vote = -1 AND v.reason IS NOT NULL) AS reasons
         FROM questions q LEFT JOIN votes v ON v.question_id = q.id
         WHERE q.at >= ?
         GROUP BY q.id
         ORDER BY q.at, q.id`,
      )
      .all(since) as (Omit<QuestionRow, "facts" | "reasons"> & { facts: string; reasons: string | null })[];
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      platform: r.platform,
      command: r.command,
      kind: r.kind,
      text: r.text,
      facts: JSON.parse(r.facts) as string[],
      score: r.score,
      up: Number(r.up),
      down: Number(r.down),
      reasons: countReasons(r.reasons),
    }));
  }

  /** Whether this record holds the question (not pruned, not recorded elsewhere). */
  has(questionId: string): boolean {
    return this.db.prepare("SELECT 1 AS one FROM questions WHERE id = ?").all(questionId).length > 0;
  }

  /** A keyed hash: the same id always maps to the same value in this file, and cannot be looked up. */
  private hash(id: string | undefined): string | null {
    if (!id) return null;
    return createHmac("sha256", this.hashKey).update(id).digest("base64url").slice(0, 22);
  }

  private keyOfFile(): Buffer {
    const read = () =>
      this.db.prepare("SELECT value FROM question_log_meta WHERE key = 'hash_key'").all() as {
        value: string;
      }[];
    if (!read().length) {
      this.db
        .prepare("INSERT OR IGNORE INTO question_log_meta (key, value) VALUES ('hash_key', ?)")
        .run(randomBytes(32).toString("base64"));
    }
    return Buffer.from(read()[0]?.value ?? "", "base64");
  }
}

function capText(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > RECORDED_TEXT_MAX ? `${t.slice(0, RECORDED_TEXT_MAX - 1)}…` : t;
}

/** The ids of the facts the card quotes, in its order, each once. */
export function citedFacts(card: Pick<Card, "fields" | "citations">): string[] {
  const ids = [...card.fields.map((f) => f.factId), ...card.citations.map((c) => c.factId)];
  return [...new Set(ids.filter((id): id is string => typeof id === "string" && id.length > 0))];
}

function countReasons(json: string | null): Partial<Record<VoteReason, number>> {
  const counts: Partial<Record<VoteReason, number>> = {};
  for (const reason of json ? (JSON.parse(json) as string[]) : []) {
    if ((VOTE_REASONS as readonly string[]).includes(reason)) {
      const r = reason as VoteReason;
      counts[r] = (counts[r] ?? 0) + 1;
    }
  }
  return counts;
}
