// Every environment variable gapbot reads, with what it is for: the one list that start-up messages,
// the README's settings table and .env.example are checked against (tests/config/variables.test.ts).

export interface Variable {
  /** What the variable is for, as a problem line names it: "SLACK_BOT_TOKEN (the bot token …): …". */
  for: string;
  /** Shown in the README table; absent when the variable has no default. */
  default?: string;
  /** A secret: its value never appears in a message or a log line. */
  secret?: boolean;
}

export const variables = {
  SLACK_BOT_TOKEN: {
    for: "the Slack bot token, xoxb-…, that posts the answers; turns Slack on",
    secret: true,
  },
  SLACK_APP_TOKEN: {
    for: "the Slack app-level token, xapp-…, for Socket Mode",
    secret: true,
  },
  SLACK_SIGNING_SECRET: {
    for: "proves that HTTP requests come from Slack, for HTTP mode",
    secret: true,
  },
  SLACK_API_URL: {
    for: "the Slack Web API base URL in place of https://slack.com/api/, for a proxy, GovSlack or a test stand-in",
  },
  SLACK_CLIENT_ID: {
    for: "the Slack app's client id, for installing into many workspaces through OAuth (with SLACK_BOT_TOKEN unset)",
  },
  SLACK_CLIENT_SECRET: {
    for: "the Slack app's client secret, for OAuth installs",
    secret: true,
  },
  SLACK_STATE_SECRET: {
    for: "signs the OAuth state that proves an install came back from Slack, for OAuth installs",
    secret: true,
  },
  SLACK_TOKEN_KEY: {
    for: "the key that encrypts stored Slack tokens (AES-256-GCM): 64 hex digits or base64 of 32 bytes, for OAuth installs",
    secret: true,
  },
  REPLY_VISIBILITY: {
    for: "who sees Slack slash-command answers: ephemeral, the asker alone with a Share button, or in_channel",
    default: "ephemeral",
  },
  DISCORD_TOKEN: {
    for: "the Discord bot token; turns Discord on",
    secret: true,
  },
  DISCORD_APPLICATION_ID: {
    for: "the Discord application id, to register the slash commands",
  },
  DISCORD_GUILD_ID: {
    for: "one Discord server to register the commands to at once, while developing",
  },
  DISCORD_API_URL: {
    for: "Discord's REST base URL without /v10, for a REST proxy or a test stand-in",
  },
  DISCORD_SHARDS: {
    for: "how many gateway shards npm run start:sharded runs: a positive integer or auto",
    default: "auto",
  },
  DISCORD_SHARD_IDS: {
    for: "the shard ids this machine's npm run start:sharded runs, e.g. 0,1, to spread DISCORD_SHARDS over machines",
    default: "every shard",
  },
  PORT: {
    for: "the HTTP port for Slack's HTTP mode and GET /healthz",
    default: "3000",
  },
  LOG_LEVEL: {
    for: "the least severe log level written: fatal, error, warn, info, debug, trace or silent",
    default: "info (warn in the console)",
  },
  RATE_LIMIT_PER_USER: {
    for: "answers per user per minute",
    default: "20",
  },
  RATE_LIMIT_PER_CHANNEL: {
    for: "answers per channel per minute",
    default: "60",
  },
  KNOWLEDGE_DIR: {
    for: "the knowledge folder to answer from, e.g. a mounted volume; relative paths start from the working folder",
    default: "the package's knowledge/",
  },
  SOURCES: {
    for: "the source ids to answer from, separated by commas, e.g. to serve one source to one workspace",
    default: "every source",
  },
  DATA_DIR: {
    for: "the folder that holds gapbot's database (question record, Slack installs without Redis); relative paths start from the working folder",
    default: "./data",
  },
  RECORD_QUESTIONS: {
    for: "keep a record of the questions asked, their answers' kind and facts, and the 👍/👎 votes, for gapbot report: on or off",
    default: "on",
  },
  RECORD_RETENTION_DAYS: {
    for: "how many days a recorded question and its votes are kept before they are deleted",
    default: "90",
  },
  FOLLOW_UPS: {
    for: "answer later messages in a thread the bot has answered in without a new mention (Slack), and replies to the bot (Discord): on or off",
    default: "on",
  },
  REDIS_URL: {
    for: "redis://host:6379 to share dedupe, rate limits, thread context and caches between instances",
    secret: true,
  },
  REDIS_OPTIONAL: {
    for: "true to start on in-process memory when Redis cannot be reached, instead of exiting",
    default: "false",
  },
  NODE_ENV: {
    for: "production writes JSON logs even on a terminal",
  },
} as const satisfies Record<string, Variable>;

export type VariableName = keyof typeof variables;

export const variableNames = Object.keys(variables) as VariableName[];
