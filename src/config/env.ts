// The whole environment as ONE zod schema, parsed into the typed Settings every part receives.
// Each problem is one line naming the variable and what it is for; a secret's value never appears in one.
// No SDK import here: start-up parses settings before it decides which platform SDK to load.
import { z } from "zod";
import { parseTokenKey } from "../state/token-cipher.js";
import type { Settings, SlackSettings } from "./settings.js";
import { type VariableName, variableNames, variables } from "./variables.js";

/**
 * `warnings`: settings that parse but do not all take effect (two Slack modes configured at once), each one
 * line saying what runs and why; start-up logs them.
 */
export type ParseResult =
  | { ok: true; settings: Settings; warnings: string[] }
  | { ok: false; problems: string[] };

/** Unset, empty and only-spaces are all "unset"; a set value loses the spaces pasted around it. */
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Names a token by its well-known prefix only, so a mix-up can be explained without echoing the secret. */
function tokenKind(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (value.startsWith("xoxb-")) return "a bot token (xoxb-…), which belongs in SLACK_BOT_TOKEN";
  if (value.startsWith("xapp-")) return "an app-level token (xapp-…), which belongs in SLACK_APP_TOKEN";
  if (value.startsWith("xoxp-")) return "a user token (xoxp-…); use the Bot User OAuth Token (xoxb-…)";
  if (/^xox[a-z]-/.test(value)) return `a ${value.slice(0, 5)}… token, not a bot token`;
  return undefined;
}

function slackToken(prefix: "xoxb-" | "xapp-") {
  return z
    .string()
    .refine((s) => !/\s/.test(s), { error: "must not contain spaces (was more than the token pasted?)" })
    .refine((s) => s.startsWith(prefix), {
      error: (issue) => {
        const kind = tokenKind(issue.input);
        return `must start with "${prefix}"${kind ? `: this looks like ${kind}` : ""}`;
      },
    });
}

function httpUrl(example: string) {
  return z.string().refine(
    (s) => {
      try {
        const url = new URL(s);
        return url.protocol === "http:" || url.protocol === "https:";
      } catch {
        return false;
      }
    },
    { error: `must be an http(s) URL, e.g. ${example}` },
  );
}

function wholeNumber(min: number, max: number, error: string) {
  return z
    .string()
    .refine((s) => /^\d{1,9}$/.test(s) && Number(s) >= min && Number(s) <= max, { error })
    .transform(Number);
}

const snowflake = z
  .string()
  .refine((s) => /^\d{1,20}$/.test(s), { error: "must be a Discord id (a snowflake: digits only)" });

const ON = ["on", "true", "yes", "1"];
const OFF = ["off", "false", "no", "0"];

/** A switch: on/off (true/false, yes/no, 1/0 too), with its default when unset. */
function onOff(byDefault: "on" | "off") {
  return z
    .preprocess(
      (v) => lowerCase(blankToUndefined(v)),
      z.enum([...ON, ...OFF], { error: 'must be "on" or "off"' }).optional(),
    )
    .transform((v) => ON.includes(v ?? byDefault));
}

const lowerCase = (value: unknown) => (typeof value === "string" ? value.toLowerCase() : value);

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Every variable gapbot reads; keys must match src/config/variables.ts (a test checks it). */
export const EnvSchema = z
  .object({
    SLACK_BOT_TOKEN: optional(slackToken("xoxb-")),
    SLACK_APP_TOKEN: optional(slackToken("xapp-")),
    SLACK_SIGNING_SECRET: optional(
      z
        .string()
        .refine((s) => tokenKind(s) === undefined, {
          error:
            "this looks like a token, not the signing secret (Basic Information → App Credentials → Signing Secret)",
        })
        .refine((s) => !/\s/.test(s), { error: "must not contain spaces" }),
    ),
    SLACK_API_URL: optional(
      // Bolt's WebClient joins method names straight onto this base, so it must end with "/".
      httpUrl("https://slack.com/api/").transform((s) => (s.endsWith("/") ? s : `${s}/`)),
    ),
    SLACK_CLIENT_ID: optional(
      z.string().refine((s) => /^\d+\.\d+$/.test(s), {
        error: "must be the Client ID from Basic Information → App Credentials, digits.digits",
      }),
    ),
    SLACK_CLIENT_SECRET: optional(
      z.string().refine((s) => !/\s/.test(s), { error: "must not contain spaces" }),
    ),
    SLACK_STATE_SECRET: optional(
      z.string().refine((s) => s.length >= 16, { error: "must be at least 16 characters of random text" }),
    ),
    SLACK_TOKEN_KEY: optional(
      z.string().refine((s) => parseTokenKey(s) !== undefined, {
        error: "must be 32 bytes, as 64 hex digits or base64 (make one with: openssl rand -base64 32)",
      }),
    ),
    REPLY_VISIBILITY: z
      .preprocess(
        (v) => lowerCase(blankToUndefined(v)),
        z.enum(["ephemeral", "in_channel"], { error: 'must be "ephemeral" or "in_channel"' }).optional(),
      )
      .transform((v) => v ?? "ephemeral"),
    DISCORD_TOKEN: optional(
      z
        .string()
        .refine((s) => !/^bot\s/i.test(s), { error: 'give the token alone, without "Bot " in front' })
        .refine((s) => !/\s/.test(s), { error: "must not contain spaces (was more than the token pasted?)" }),
    ),
    DISCORD_APPLICATION_ID: optional(snowflake),
    DISCORD_GUILD_ID: optional(snowflake),
    DISCORD_API_URL: optional(
      httpUrl("https://discord.com/api")
        .transform((s) => s.replace(/\/+$/, ""))
        .refine((s) => !/\/v\d+$/.test(s), { error: "leave out the /v10 at the end: discord.js adds it" }),
    ),
    DISCORD_SHARDS: optional(
      z
        .string()
        .refine((s) => s.toLowerCase() === "auto" || (/^\d{1,6}$/.test(s) && Number(s) >= 1), {
          error: 'must be a positive whole number or "auto"',
        })
        .transform((s): number | "auto" => (s.toLowerCase() === "auto" ? "auto" : Number(s))),
    ),
    DISCORD_SHARD_IDS: optional(
      z
        .string()
        .refine((s) => /^\s*\d{1,6}(\s*,\s*\d{1,6})*\s*$/.test(s), {
          error: "must be shard ids separated by commas, e.g. 0,1",
        })
        .transform((s) => [...new Set(s.split(",").map((id) => Number(id.trim())))].sort((x, y) => x - y)),
    ),
    PORT: optional(wholeNumber(0, 65535, "must be a whole number from 0 to 65535")).transform(
      (v) => v ?? 3000,
    ),
    LOG_LEVEL: z
      .preprocess(
        (v) => lowerCase(blankToUndefined(v)),
        z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).optional(),
      )
      .transform((v) => v ?? "info"),
    RATE_LIMIT_PER_USER: optional(wholeNumber(1, 1_000_000, "must be a whole number, 1 or more")).transform(
      (v) => v ?? 20,
    ),
    RATE_LIMIT_PER_CHANNEL: optional(
      wholeNumber(1, 1_000_000, "must be a whole number, 1 or more"),
    ).transform((v) => v ?? 60),
    KNOWLEDGE_DIR: optional(z.string()),
    SOURCES: optional(
      z
        .string()
        .transform((s) =>
          s
            .split(",")
            .map((id) => id.trim())
            .filter(Boolean),
        )
        .refine((ids) => ids.every((id) => /^[a-z0-9][a-z0-9-]*$/.test(id)), {
          error: "must be source ids separated by commas, e.g. compute-gap-article,semianalysis-ascend-ramp",
        }),
    ),
    DATA_DIR: optional(z.string()).transform((v) => v ?? "./data"),
    RECORD_QUESTIONS: onOff("on"),
    RECORD_RETENTION_DAYS: optional(
      wholeNumber(1, 36_500, "must be a whole number of days, 1 or more"),
    ).transform((v) => v ?? 90),
    FOLLOW_UPS: onOff("on"),
    REDIS_URL: optional(
      z.string().refine(
        (s) => {
          try {
            return ["redis:", "rediss:"].includes(new URL(s).protocol);
          } catch {
            return false;
          }
        },
        { error: "must be a redis:// or rediss:// URL, e.g. redis://localhost:6379" },
      ),
    ),
    REDIS_OPTIONAL: z
      .preprocess(
        (v) => lowerCase(blankToUndefined(v)),
        z.enum(["true", "false"], { error: 'must be "true" or "false"' }).optional(),
      )
      .transform((v) => v === "true"),
    NODE_ENV: optional(z.string()),
  })
  .superRefine(
    (env, ctx) => {
      const need = (name: VariableName, missing: VariableName) =>
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `is set, but ${missing} (${variables[missing].for}) is not: set it too, or unset ${name}`,
        });
      // A half-configured platform is a mistake to report, not a reason to fall back to the console.
      if (env.SLACK_BOT_TOKEN === undefined && env.SLACK_CLIENT_ID !== undefined) {
        // OAuth mode: installed into many workspaces, each with its own token, over HTTP.
        for (const name of [
          "SLACK_CLIENT_SECRET",
          "SLACK_STATE_SECRET",
          "SLACK_SIGNING_SECRET",
          "SLACK_TOKEN_KEY",
        ] as const)
          if (env[name] === undefined)
            ctx.addIssue({
              code: "custom",
              path: [name],
              message: "is not set, but SLACK_CLIENT_ID is: installing through OAuth needs it",
            });
        if (env.SLACK_APP_TOKEN !== undefined)
          ctx.addIssue({
            code: "custom",
            path: ["SLACK_APP_TOKEN"],
            message:
              "is set, but OAuth installs (SLACK_CLIENT_ID) run in HTTP mode: unset it, or set SLACK_BOT_TOKEN for one workspace",
          });
      } else if (env.SLACK_BOT_TOKEN === undefined) {
        for (const name of ["SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL"] as const)
          if (env[name] !== undefined) need(name, "SLACK_BOT_TOKEN");
        for (const name of ["SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "SLACK_TOKEN_KEY"] as const)
          if (env[name] !== undefined) need(name, "SLACK_CLIENT_ID");
      } else if (env.SLACK_APP_TOKEN === undefined && env.SLACK_SIGNING_SECRET === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["SLACK_BOT_TOKEN"],
          message:
            "is set, but neither SLACK_APP_TOKEN (the app-level token, xapp-…, for Socket Mode) nor " +
            "SLACK_SIGNING_SECRET (for HTTP mode) is: set one of them",
        });
      }
      if (env.REDIS_URL === undefined && env.REDIS_OPTIONAL) need("REDIS_OPTIONAL", "REDIS_URL");
      // Machines agree on which shard owns a guild only when they agree on the count.
      if (env.DISCORD_SHARD_IDS !== undefined && env.DISCORD_TOKEN !== undefined) {
        const total = env.DISCORD_SHARDS;
        if (typeof total !== "number")
          ctx.addIssue({
            code: "custom",
            path: ["DISCORD_SHARD_IDS"],
            message:
              "needs DISCORD_SHARDS set to the total number of shards (the same on every machine), not auto",
          });
        else if (Array.isArray(env.DISCORD_SHARD_IDS) && env.DISCORD_SHARD_IDS.some((id) => id >= total))
          ctx.addIssue({
            code: "custom",
            path: ["DISCORD_SHARD_IDS"],
            message: `must be shard ids below DISCORD_SHARDS (${total}): 0 to ${total - 1}`,
          });
      }
      if (env.DISCORD_TOKEN === undefined) {
        for (const name of [
          "DISCORD_APPLICATION_ID",
          "DISCORD_GUILD_ID",
          "DISCORD_API_URL",
          "DISCORD_SHARDS",
          "DISCORD_SHARD_IDS",
        ] as const)
          if (env[name] !== undefined) need(name, "DISCORD_TOKEN");
      }
    },
    // Run even when a field failed, so that every problem is reported at once.
    { when: () => true },
  );

type Env = z.output<typeof EnvSchema>;

function toSettings(env: Env): Settings {
  const settings: Settings = {
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    rateLimit: { perUserPerMinute: env.RATE_LIMIT_PER_USER, perChannelPerMinute: env.RATE_LIMIT_PER_CHANNEL },
    record: {
      enabled: env.RECORD_QUESTIONS,
      dataDir: env.DATA_DIR,
      retentionDays: env.RECORD_RETENTION_DAYS,
    },
    followUps: env.FOLLOW_UPS,
  };
  if (env.KNOWLEDGE_DIR !== undefined) settings.knowledgeDir = env.KNOWLEDGE_DIR;
  if (env.SOURCES !== undefined && env.SOURCES.length > 0) settings.sources = env.SOURCES;
  if (env.REDIS_URL !== undefined) settings.redis = { url: env.REDIS_URL, optional: env.REDIS_OPTIONAL };
  if (env.SLACK_BOT_TOKEN !== undefined) {
    // Socket Mode wins when both are set: it needs no public URL, so it is what a first try has.
    const slack: SlackSettings = {
      mode: env.SLACK_APP_TOKEN !== undefined ? "socket" : "http",
      botToken: env.SLACK_BOT_TOKEN,
      port: env.PORT,
      replyVisibility: env.REPLY_VISIBILITY,
    };
    if (env.SLACK_APP_TOKEN !== undefined) slack.appToken = env.SLACK_APP_TOKEN;
    if (env.SLACK_SIGNING_SECRET !== undefined) slack.signingSecret = env.SLACK_SIGNING_SECRET;
    if (env.SLACK_API_URL !== undefined) slack.apiUrl = env.SLACK_API_URL;
    settings.slack = slack;
  }
  const tokenKey = env.SLACK_TOKEN_KEY === undefined ? undefined : parseTokenKey(env.SLACK_TOKEN_KEY);
  if (
    env.SLACK_BOT_TOKEN === undefined &&
    env.SLACK_CLIENT_ID !== undefined &&
    env.SLACK_CLIENT_SECRET !== undefined &&
    env.SLACK_STATE_SECRET !== undefined &&
    env.SLACK_SIGNING_SECRET !== undefined &&
    tokenKey !== undefined
  ) {
    settings.slack = {
      mode: "http",
      signingSecret: env.SLACK_SIGNING_SECRET,
      port: env.PORT,
      replyVisibility: env.REPLY_VISIBILITY,
      oauth: {
        clientId: env.SLACK_CLIENT_ID,
        clientSecret: env.SLACK_CLIENT_SECRET,
        stateSecret: env.SLACK_STATE_SECRET,
        tokenKey,
      },
    };
    if (env.SLACK_API_URL !== undefined) settings.slack.apiUrl = env.SLACK_API_URL;
  }
  if (env.DISCORD_TOKEN !== undefined) {
    settings.discord = { token: env.DISCORD_TOKEN };
    if (env.DISCORD_APPLICATION_ID !== undefined) settings.discord.applicationId = env.DISCORD_APPLICATION_ID;
    if (env.DISCORD_GUILD_ID !== undefined) settings.discord.guildId = env.DISCORD_GUILD_ID;
    if (env.DISCORD_API_URL !== undefined) settings.discord.apiUrl = env.DISCORD_API_URL;
    if (env.DISCORD_SHARDS !== undefined) settings.discord.shards = env.DISCORD_SHARDS;
    if (env.DISCORD_SHARD_IDS !== undefined) settings.discord.shardIds = env.DISCORD_SHARD_IDS;
  }
  return settings;
}

/** "SLACK_BOT_TOKEN (the Slack bot token, …): must start with "xoxb-"". */
function problemLine(issue: z.core.$ZodIssue): string {
  const name = String(issue.path[0] ?? "");
  const known = (variableNames as string[]).includes(name) ? variables[name as VariableName] : undefined;
  return known ? `${name} (${known.for}): ${issue.message}` : `${name || "environment"}: ${issue.message}`;
}

export function parseSettings(env: Record<string, string | undefined>): ParseResult {
  const picked: Record<string, string | undefined> = {};
  for (const name of variableNames) picked[name] = env[name];
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    // In the order of the variables, so that the lines about one variable stand together.
    const order = (issue: z.core.$ZodIssue) => (variableNames as unknown[]).indexOf(issue.path[0]);
    const issues = [...parsed.error.issues].sort((a, b) => order(a) - order(b));
    return { ok: false, problems: issues.map(problemLine) };
  }
  return { ok: true, settings: toSettings(parsed.data), warnings: modeWarnings(parsed.data) };
}

/** OAuth variables that a set SLACK_BOT_TOKEN leaves unused. */
const OAUTH_VARIABLES = [
  "SLACK_CLIENT_ID",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "SLACK_TOKEN_KEY",
] as const;

function modeWarnings(env: Env): string[] {
  if (env.SLACK_BOT_TOKEN === undefined || env.SLACK_CLIENT_ID === undefined) return [];
  const ignored = OAUTH_VARIABLES.filter((name) => env[name] !== undefined).join(", ");
  return [
    "Slack: both SLACK_BOT_TOKEN and SLACK_CLIENT_ID are set; running single-workspace with SLACK_BOT_TOKEN, " +
      `which wins when both are set, so ${ignored} ${ignored.includes(",") ? "are" : "is"} ignored and ` +
      "/slack/install is not served. To install into many workspaces through OAuth, unset SLACK_BOT_TOKEN.",
  ];
}

/**
 * SLACK_* and DISCORD_* variables gapbot does not read, each with the nearest name it does:
 * DISCORD_BOT_TOKEN set instead of DISCORD_TOKEN would otherwise start the console without a word.
 */
export function unknownVariables(env: Record<string, string | undefined>): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!/^(SLACK|DISCORD)_/.test(name) || (variableNames as string[]).includes(name)) continue;
    if (blankToUndefined(value) === undefined) continue;
    const family = variableNames.filter((v) => v.startsWith(name.split("_")[0] ?? ""));
    const nearest = family.sort((a, b) => distance(name, a) - distance(name, b))[0];
    lines.push(`${name} is not a gapbot setting${nearest ? ` (did you mean ${nearest}?)` : ""}`);
  }
  return lines;
}

/** Levenshtein distance, for the "did you mean" above; names are short, so the plain table is fine. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
