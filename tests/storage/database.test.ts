import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DATABASE_FILE, migrate, openDatabase } from "../../src/storage/database.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "gapbot-db-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("openDatabase", () => {
  it("given a data folder that does not exist yet, makes it and a database file in it", () => {
    const dir = join(tempDir(), "nested", "data");
    const db = openDatabase({ dir });
    db.close();
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
  });

  it("opens a file in WAL mode, synced at checkpoints rather than at every commit, and keeps what was committed", () => {
    const dir = tempDir();
    const db = openDatabase({ dir });
    expect(db.prepare("PRAGMA journal_mode").get()).toMatchObject({ journal_mode: "wal" });
    // 1 is NORMAL: no fsync per commit (FULL, 2, cost most of an answer's time under load).
    expect(db.prepare("PRAGMA synchronous").get()).toMatchObject({ synchronous: 1 });
    db.exec("CREATE TABLE t (x INTEGER)");
    db.prepare("INSERT INTO t (x) VALUES (?)").run(7);
    db.close();
    const again = openDatabase({ dir });
    expect(again.prepare("SELECT x FROM t").all()).toMatchObject([{ x: 7 }]);
    again.close();
  });

  it("given a data folder that is a file, fails naming DATA_DIR", () => {
    const file = join(tempDir(), "not-a-folder");
    writeFileSync(file, "x");
    expect(() => openDatabase({ dir: file })).toThrow(/DATA_DIR/);
  });
});

describe("migrate", () => {
  const v1 = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)";
  const v2 = "ALTER TABLE notes ADD COLUMN at INTEGER";

  it("given a reopened file, applies only the migrations it has not applied yet, and keeps the rows", () => {
    const dir = tempDir();
    let db = openDatabase({ dir });
    migrate(db, "notes", [v1]);
    db.prepare("INSERT INTO notes (body) VALUES (?)").run("kept");
    db.close();

    db = openDatabase({ dir });
    migrate(db, "notes", [v1, v2]);
    migrate(db, "notes", [v1, v2]);
    db.prepare("INSERT INTO notes (body, at) VALUES (?, ?)").run("new", 5);
    expect(db.prepare("SELECT body, at FROM notes ORDER BY id").all()).toEqual([
      { body: "kept", at: null },
      { body: "new", at: 5 },
    ]);
    db.close();
  });

  it("given a failing migration, applies none of it and leaves the version where it was", () => {
    const db = openDatabase({ dir: ":memory:" });
    migrate(db, "notes", [v1]);
    expect(() => migrate(db, "notes", [v1, "CREATE TABLE extra (a); CREATE TABLE notes (x)"])).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").all()).toEqual([]);
    expect(db.prepare("SELECT version FROM schema_versions WHERE component = 'notes'").all()).toEqual([
      { version: 1 },
    ]);
  });

  it("given a file from a newer gapbot, refuses rather than guess at its tables", () => {
    const db = openDatabase({ dir: ":memory:" });
    migrate(db, "notes", [v1, v2]);
    expect(() => migrate(db, "notes", [v1])).toThrow(/newer than this gapbot knows/);
  });

  it("keeps each component's version apart", () => {
    const db = openDatabase({ dir: ":memory:" });
    migrate(db, "notes", [v1]);
    migrate(db, "other", ["CREATE TABLE other_rows (a)"]);
    expect(db.prepare("SELECT component, version FROM schema_versions ORDER BY component").all()).toEqual([
      { component: "notes", version: 1 },
      { component: "other", version: 1 },
    ]);
  });
});
