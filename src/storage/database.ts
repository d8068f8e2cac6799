// The embedded database: one SQLite file under DATA_DIR, shared by every part that keeps durable records
// (the question record, the OAuth installation store). libsql ships prebuilt binaries and better-sqlite3's
// synchronous API. Each part declares its own schema as numbered migrations, applied once, in order.
// https://github.com/tursodatabase/libsql-js · https://www.sqlite.org/wal.html
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Libsql from "libsql";

export type Database = Libsql.Database;

/** The file's name inside DATA_DIR. */
export const DATABASE_FILE = "gapbot.db";
/** DATA_DIR's default, relative to the working folder. */
export const DEFAULT_DATA_DIR = "./data";

export interface OpenOptions {
  /** The folder that holds the file; made when missing. ":memory:" keeps it in memory (tests). */
  dir: string;
}

/**
 * Opens (creating when missing) the database in `dir`. WAL lets a report read while the bot writes;
 * foreign keys are on so that deleting a row deletes what hangs off it.
 */
export function openDatabase(options: OpenOptions): Database {
  let path = ":memory:";
  if (options.dir !== ":memory:") {
    const dir = resolve(options.dir);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new Error(
        `gapbot: DATA_DIR (where gapbot keeps its database) cannot be made at ${dir}: ${(err as Error).message}`,
        { cause: err },
      );
    }
    path = join(dir, DATABASE_FILE);
  }
  let db: Database;
  try {
    db = new Libsql(path);
  } catch (err) {
    throw new Error(`gapbot: the database ${path} cannot be opened: ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (path !== ":memory:") db.pragma("journal_mode = WAL");
  // In WAL mode, NORMAL syncs the log at checkpoints rather than at every commit: the file cannot be corrupted,
  // and a power loss (not a crash of gapbot) may undo the last moments' writes. FULL's fsync per recorded
  // question was the largest CPU cost of an answer under load (about 40% of the bot's time in npm run loadtest).
  // https://www.sqlite.org/pragma.html#pragma_synchronous
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // Two processes (the bot and `gapbot report`) may touch the file at once: wait rather than fail.
  db.pragma("busy_timeout = 5000");
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)",
  );
  return db;
}

/**
 * Brings `component`'s tables up to date: migration i (0-based) runs once, in a transaction with the
 * version it reaches, so that a crash never leaves half a migration applied. Migrations are only ever
 * appended to the list, never edited once shipped.
 */
export function migrate(db: Database, component: string, migrations: readonly string[]): void {
  const row = db.prepare("SELECT version FROM schema_versions WHERE component = ?").get(component) as
    | { version: number }
    | undefined;
  const current = row?.version ?? 0;
  if (current > migrations.length) {
    throw new Error(
      `gapbot: the database's ${component} tables are at version ${current}, newer than this gapbot knows (${migrations.length}): run a newer gapbot, or point DATA_DIR elsewhere`,
    );
  }
  const setVersion = db.prepare(
    "INSERT INTO schema_versions (component, version) VALUES (?, ?) ON CONFLICT(component) DO UPDATE SET version = excluded.version",
  );
  for (let i = current; i < migrations.length; i++) {
    const step = db.transaction(() => {
      db.exec(migrations[i] as string);
      setVersion.run(component, i + 1);
    });
    step();
  }
}
