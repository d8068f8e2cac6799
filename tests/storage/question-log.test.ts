import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Card } from "../../src/core/card.js";
import { DATABASE_FILE, openDatabase } from "../../src/storage/database.js";
import { QuestionLog, RECORDED_TEXT_MAX } from "../../src/storage/question-log.js";

const DAY = 86_400_000;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function card(kind: Card["kind"], facts: string[] = [], score?: number): Card {
  return {
    kind,
    title: "t",
    headline: "h",
    fields: facts.slice(0, 1).map((factId) => ({ label: "l", value: "1", factId })),
    citations: facts.map((factId, i) => ({ source: "s", paragraph: i + 1, quote: "q", factId })),
    suggestions: [],
    ...(score === undefined ? {} : { score }),
  };
}

function memoryLog(now: () => number = Date.now) {
  return new QuestionLog(openDatabase({ dir: ":memory:" }), { retentionDays: 30, now });
}

describe("QuestionLog", () => {
  it("records the question capped, its platform, command, kind, cited facts once each, and score", () => {
    const log = memoryLog(() => 5_000);
    const long = `what about ${"x".repeat(400)}`;
    log.record({
      platform: "slack",
      command: "mention",
      text: long,
      card: card("answer", ["f1", "f2"], 3.5),
    });
    const [row] = log.since(0);
    expect(row).toMatchObject({
      at: 5_000,
      platform: "slack",
      command: "mention",
      kind: "answer",
      facts: ["f1", "f2"],
      score: 3.5,
      up: 0,
      down: 0,
    });
    expect(row?.text.length).toBe(RECORDED_TEXT_MAX);
    expect(row?.text.endsWith("…")).toBe(true);
  });

  it("keeps one vote per user per answer, the latest, with the reason given for a 👎", () => {
    const log = memoryLog();
    const id = log.record({ platform: "discord", command: "ask", text: "q", card: card("answer", ["f1"]) });
    expect(log.vote(id, "U1", "up")).toBe(true);
    expect(log.vote(id, "U1", "down")).toBe(true);
    expect(log.explain(id, "U1", "wrong_figure")).toBe(true);
    expect(log.vote(id, "U2", "down")).toBe(true);
    expect(log.since(0)[0]).toMatchObject({ up: 0, down: 2, reasons: { wrong_figure: 1 } });
    log.vote(id, "U1", "up");
    expect(log.since(0)[0]).toMatchObject({ up: 1, down: 1, reasons: {} });
  });

  it("given a vote on an answer it never recorded, or a reason without a 👎, stores nothing", () => {
    const log = memoryLog();
    expect(log.vote("nope", "U1", "down")).toBe(false);
    const id = log.record({ platform: "slack", command: "dm", text: "q", card: card("answer") });
    log.vote(id, "U1", "up");
    expect(log.explain(id, "U1", "missing")).toBe(false);
    expect(log.since(0)[0]).toMatchObject({ up: 1, down: 0, reasons: {} });
  });

  it("deletes questions older than the retention, with their votes, and keeps the rest", () => {
    let now = 100 * DAY;
    const db = openDatabase({ dir: ":memory:" });
    const log = new QuestionLog(db, { retentionDays: 30, now: () => now });
    const old = log.record({ platform: "slack", command: "dm", text: "old", card: card("not_found") });
    log.vote(old, "U1", "down");
    now += 20 * DAY;
    log.record({ platform: "slack", command: "dm", text: "recent", card: card("answer") });
    now += 11 * DAY;
    expect(log.prune()).toBe(1);
    expect(log.since(0).map((r) => r.text)).toEqual(["recent"]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM votes").all()).toEqual([{ n: 0 }]);
  });

  it("stores user, channel and workspace ids only as keyed hashes: the file never holds the ids", () => {
    const dir = mkdtempSync(join(tmpdir(), "gapbot-log-"));
    dirs.push(dir);
    const db = openDatabase({ dir });
    const log = new QuestionLog(db, { retentionDays: 30 });
    const id = log.record({
      platform: "slack",
      command: "mention",
      text: "q",
      card: card("answer"),
      user: "U0SECRETUSER",
      channel: "C0SECRETCHAN",
      workspace: "T0SECRETTEAM",
    });
    log.vote(id, "U0SECRETUSER", "down");
    const hashes = db.prepare("SELECT user_hash, channel_hash, workspace_hash FROM questions").all() as {
      user_hash: string;
    }[];
    expect(hashes[0]?.user_hash).toMatch(/^[\w-]{22}$/);
    expect(db.prepare("SELECT user_hash FROM votes").all()).toEqual([{ user_hash: hashes[0]?.user_hash }]);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    const bytes = readFileSync(join(dir, DATABASE_FILE)).toString("latin1");
    for (const secret of ["U0SECRETUSER", "C0SECRETCHAN", "T0SECRETTEAM"])
      expect(bytes).not.toContain(secret);
  });

  it("given a reopened file, hashes the same id the same way, so that a changed vote stays one vote", () => {
    const dir = mkdtempSync(join(tmpdir(), "gapbot-log-"));
    dirs.push(dir);
    let log = new QuestionLog(openDatabase({ dir }), { retentionDays: 30 });
    const id = log.record({ platform: "slack", command: "dm", text: "q", card: card("answer") });
    log.vote(id, "U1", "up");
    log = new QuestionLog(openDatabase({ dir }), { retentionDays: 30 });
    log.vote(id, "U1", "down");
    expect(log.since(0)[0]).toMatchObject({ up: 0, down: 1 });
  });
});
