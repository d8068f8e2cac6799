// Where each Slack workspace's installation (its bot token) is kept when gapbot is installed through OAuth:
// Bolt's InstallationStore over a small record interface, sealed with AES-256-GCM. The records live in
// the bot's SQLite file, or, with Redis configured, in the shared key-value store so every instance sees them.
// An org-wide Enterprise Grid install is one record for the whole organisation, keyed by its enterprise id.
// https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { KeyValueStore } from "../../state/kv.js";
import type { TokenCipher } from "../../state/token-cipher.js";
import { type Database, migrate } from "../../storage/database.js";

/** Sealed installations by key: the one thing a backing store must do. */
export interface InstallationRecords {
  get(key: string): Promise<string | undefined>;
  put(key: string, sealed: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** "enterprise:E…" for an org-wide install, else "team:T…". */
export function installationKey(q: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string {
  if (q.isEnterpriseInstall && q.enterpriseId) return `enterprise:${q.enterpriseId}`;
  if (q.teamId) return `team:${q.teamId}`;
  throw new Error("gapbot: an installation with neither a team nor an org-wide enterprise id");
}

export class SealedInstallationStore implements InstallationStore {
  constructor(
    private readonly records: InstallationRecords,
    private readonly cipher: TokenCipher,
  ) {}

  async storeInstallation<V extends "v1" | "v2">(installation: Installation<V, boolean>): Promise<void> {
    const key = installationKey({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    await this.records.put(key, this.cipher.seal(JSON.stringify(installation)));
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<"v1" | "v2", boolean>> {
    const sealed = await this.records.get(installationKey(query));
    // Bolt turns this into an authorization failure: the event is not answered.
    if (sealed === undefined) throw new Error(`gapbot: no Slack installation for ${installationKey(query)}`);
    return JSON.parse(this.cipher.open(sealed)) as Installation<"v1" | "v2", boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.records.delete(installationKey(query));
  }
}

/** The installations table in the bot's SQLite file (src/storage). */
export class SqliteInstallationRecords implements InstallationRecords {
  static readonly MIGRATIONS = [
    `CREATE TABLE slack_installations (
       key TEXT PRIMARY KEY,
       sealed TEXT NOT NULL,
       updated_at TEXT NOT NULL
     )`,
  ];

  constructor(private readonly db: Database) {
    migrate(db, "slack_installations", SqliteInstallationRecords.MIGRATIONS);
  }

  async get(key: string): Promise<string | undefined> {
    const row = this.db.prepare("SELECT sealed FROM slack_installations WHERE key = ?").get(key) as
      | { sealed: string }
      | undefined;
    return row?.sealed;
  }

  async put(key: string, sealed: string): Promise<void> {
    this.db
      .prepare(
        "INSERT INTO slack_installations (key, sealed, updated_at) VALUES (?, ?, ?) " +
          "ON CONFLICT(key) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at",
      )
      .run(key, sealed, new Date().toISOString());
  }

  async delete(key: string): Promise<void> {
    this.db.prepare("DELETE FROM slack_installations WHERE key = ?").run(key);
  }
}

/**
 * The shared key-value store (Redis when REDIS_URL is set), without expiry, so that every instance sees every
 * install. While the store cannot be reached, an installation this process has already read or written is
 * served from its last copy here: a workspace that was being answered still is. Writes and deletes are never
 * kept here alone, so an install during an outage fails instead of living in one process.
 */
export class KeyValueInstallationRecords implements InstallationRecords {
  private readonly lastKnown = new Map<string, string>();

  constructor(private readonly kv: KeyValueStore) {}

  async get(key: string): Promise<string | undefined> {
    let sealed: string | undefined;
    try {
      sealed = await this.kv.get(`slack-installation:${key}`);
    } catch (err) {
      const last = this.lastKnown.get(key);
      if (last === undefined) throw err;
      return last;
    }
    if (sealed === undefined) this.lastKnown.delete(key);
    else this.lastKnown.set(key, sealed);
    return sealed;
  }

  async put(key: string, sealed: string): Promise<void> {
    await this.kv.set(`slack-installation:${key}`, sealed);
    this.lastKnown.set(key, sealed);
  }

  async delete(key: string): Promise<void> {
    this.lastKnown.delete(key);
    await this.kv.delete(`slack-installation:${key}`);
  }
}
