// The typed settings each part of gapbot receives; src/config/env.ts parses the environment into them.
// Types only, so adapters can depend on them without loading the parser.

export type ReplyVisibility = "ephemeral" | "in_channel";

/**
 * Installing into many workspaces (OAuth v2): the app's credentials and the key the tokens are sealed with.
 * Where installations are kept is start-up's choice: Redis when configured, else the database in DATA_DIR.
 */
export interface SlackOAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** AES-256-GCM key for the tokens at rest (SLACK_TOKEN_KEY), 32 bytes. */
  tokenKey: Buffer;
}

export interface SlackSettings {
  /** "socket" when SLACK_APP_TOKEN is set, "http" when SLACK_SIGNING_SECRET is (and no app token). */
  mode: "socket" | "http";
  /** One workspace's token; absent in OAuth mode, where each workspace's comes from its installation. */
  botToken?: string;
  /** OAuth mode: installed into many workspaces (HTTP mode only). */
  oauth?: SlackOAuthSettings;
  appToken?: string;
  signingSecret?: string;
  /** Replaces https://slack.com/api/ (proxies, GovSlack, tests). */
  apiUrl?: string;
  /** HTTP mode listens here (0 picks a free port, for tests). */
  port: number;
  /** Slash-command answers: ephemeral with "Share in channel" (default), or public. */
  replyVisibility: ReplyVisibility;
}

export interface DiscordSettings {
  token: string;
  applicationId?: string;
  guildId?: string;
  /** REST base URL without /v10; the gateway URL then comes from its /gateway/bot. */
  apiUrl?: string;
  /** For the sharded entry point: a number, or "auto". */
  shards?: number | "auto";
  /** The shards this machine runs (DISCORD_SHARD_IDS); every one of `shards` when absent. */
  shardIds?: number[];
}

export interface RateLimitSettings {
  perUserPerMinute: number;
  perChannelPerMinute: number;
}

export interface RecordSettings {
  /** RECORD_QUESTIONS: off records nothing at all (no question, no vote). */
  enabled: boolean;
  /** DATA_DIR: where the database file lives. */
  dataDir: string;
  retentionDays: number;
}

export interface RedisSettings {
  /** redis:// or rediss:// (REDIS_URL): shared state for every instance that names the same Redis. */
  url: string;
  /** REDIS_OPTIONAL=true: an unreachable Redis at start-up means memory alone, not an exit. */
  optional: boolean;
  /** How long start-up waits for Redis (tests shorten it). */
  connectTimeoutMs?: number;
}

export interface Settings {
  slack?: SlackSettings;
  discord?: DiscordSettings;
  port: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  rateLimit: RateLimitSettings;
  /** Another knowledge folder than the package's knowledge/ (KNOWLEDGE_DIR). */
  knowledgeDir?: string;
  /** Answer only from these sources (SOURCES); every source when unset. */
  sources?: string[];
  record: RecordSettings;
  /** FOLLOW_UPS: thread replies (Slack) and replies to the bot (Discord) are answered without a mention. */
  followUps: boolean;
  /** Shared state on Redis; absent, everything stays in this process. */
  redis?: RedisSettings;
}
