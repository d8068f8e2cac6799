import { describe, expect, it } from "vitest";
import { parseSettings, unknownVariables } from "../../src/config/env.js";
import { variables } from "../../src/config/variables.js";

const BOT = "xoxb-1111-2222-secretbotvalue";
const APP = "xapp-1-A111-secretappvalue";
const SIGNING = "8f742231b10e8888abcd99yyyzzz85a5";
const DISCORD = "MTIz.secret-discord.value";

function problems(env: Record<string, string | undefined>): string[] {
  const result = parseSettings(env);
  if (result.ok) throw new Error(`expected problems, got settings ${JSON.stringify(result.settings)}`);
  return result.problems;
}

function settings(env: Record<string, string | undefined>) {
  const result = parseSettings(env);
  if (!result.ok) throw new Error(`expected settings, got:\n${result.problems.join("\n")}`);
  return result.settings;
}

describe("parseSettings", () => {
  it("given an empty environment, runs no platform, with the documented defaults", () => {
    expect(settings({})).toEqual({
      port: 3000,
      logLevel: "info",
      rateLimit: { perUserPerMinute: 20, perChannelPerMinute: 60 },
      record: { enabled: true, dataDir: "./data", retentionDays: 90 },
      followUps: true,
    });
  });

  it("given the record and follow-ups switched off, a data folder and a retention, reads each", () => {
    const s = settings({
      RECORD_QUESTIONS: "OFF",
      FOLLOW_UPS: "false",
      DATA_DIR: "/var/lib/gapbot",
      RECORD_RETENTION_DAYS: "30",
    });
    expect(s.record).toEqual({ enabled: false, dataDir: "/var/lib/gapbot", retentionDays: 30 });
    expect(s.followUps).toBe(false);
  });

  it("given a switch that is neither on nor off, or a retention of no days, names each variable", () => {
    const result = parseSettings({ RECORD_QUESTIONS: "maybe", RECORD_RETENTION_DAYS: "0" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.stringMatching(/^RECORD_QUESTIONS \(keep a record of the questions.*\): must be "on" or "off"$/),
      expect.stringMatching(/^RECORD_RETENTION_DAYS \(.*\): must be a whole number of days, 1 or more$/),
    ]);
  });

  it("given a bot and an app token, runs Slack in Socket Mode on the default port", () => {
    expect(settings({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).slack).toEqual({
      mode: "socket",
      botToken: BOT,
      appToken: APP,
      port: 3000,
      replyVisibility: "ephemeral",
    });
  });

  it("given a bot token and a signing secret, runs Slack in HTTP mode on PORT", () => {
    expect(settings({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, PORT: "8080" }).slack).toEqual({
      mode: "http",
      botToken: BOT,
      signingSecret: SIGNING,
      port: 8080,
      replyVisibility: "ephemeral",
    });
  });

  it("given both an app token and a signing secret, prefers Socket Mode and keeps the secret", () => {
    const slack = settings({
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: APP,
      SLACK_SIGNING_SECRET: SIGNING,
    }).slack;
    expect(slack?.mode).toBe("socket");
    expect(slack?.signingSecret).toBe(SIGNING);
  });

  it("given Slack and Discord tokens, runs both in one process", () => {
    const s = settings({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, DISCORD_TOKEN: DISCORD });
    expect(s.slack?.mode).toBe("socket");
    expect(s.discord).toEqual({ token: DISCORD });
  });

  it("given every Discord variable, passes each through typed", () => {
    expect(
      settings({
        DISCORD_TOKEN: DISCORD,
        DISCORD_APPLICATION_ID: "1234567890123456789",
        DISCORD_GUILD_ID: "987654321098765432",
        DISCORD_API_URL: "http://127.0.0.1:4000/api/",
        DISCORD_SHARDS: "4",
      }).discord,
    ).toEqual({
      token: DISCORD,
      applicationId: "1234567890123456789",
      guildId: "987654321098765432",
      apiUrl: "http://127.0.0.1:4000/api",
      shards: 4,
    });
    expect(settings({ DISCORD_TOKEN: DISCORD, DISCORD_SHARDS: "auto" }).discord?.shards).toBe("auto");
  });

  it("given SLACK_API_URL without a trailing slash, adds it, since the WebClient appends method names", () => {
    const s = settings({
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: APP,
      SLACK_API_URL: "http://127.0.0.1:9/api",
    });
    expect(s.slack?.apiUrl).toBe("http://127.0.0.1:9/api/");
  });

  it("given variables set to the empty string or to spaces, treats them as unset", () => {
    expect(
      settings({
        SLACK_BOT_TOKEN: "",
        SLACK_APP_TOKEN: "   ",
        DISCORD_TOKEN: "",
        PORT: " ",
        LOG_LEVEL: "",
        REPLY_VISIBILITY: "",
        RATE_LIMIT_PER_USER: "",
      }),
    ).toEqual(settings({}));
  });

  it("given values with spaces pasted around them, trims them", () => {
    const s = settings({ SLACK_BOT_TOKEN: ` ${BOT}\n`, SLACK_APP_TOKEN: APP, PORT: " 4000 " });
    expect(s.slack?.botToken).toBe(BOT);
    expect(s.port).toBe(4000);
  });

  it("given the tunable settings, parses them (case-insensitively where they are words)", () => {
    const s = settings({
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: APP,
      REPLY_VISIBILITY: "IN_CHANNEL",
      LOG_LEVEL: "Debug",
      RATE_LIMIT_PER_USER: "5",
      RATE_LIMIT_PER_CHANNEL: "100",
      PORT: "0",
    });
    expect(s.slack?.replyVisibility).toBe("in_channel");
    expect(s.logLevel).toBe("debug");
    expect(s.rateLimit).toEqual({ perUserPerMinute: 5, perChannelPerMinute: 100 });
    expect(s.port).toBe(0);
  });
});

describe("parseSettings problems", () => {
  it("given SLACK_BOT_TOKEN alone, names both ways to finish it in one line", () => {
    const lines = problems({ SLACK_BOT_TOKEN: BOT });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^SLACK_BOT_TOKEN \(.*bot token.*\): /);
    expect(lines[0]).toContain("SLACK_APP_TOKEN");
    expect(lines[0]).toContain("SLACK_SIGNING_SECRET");
  });

  it.each([
    ["SLACK_APP_TOKEN", APP],
    ["SLACK_SIGNING_SECRET", SIGNING],
  ])("given %s without SLACK_BOT_TOKEN, says the bot token is missing", (name, value) => {
    const lines = problems({ [name]: value });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${name} \\(.+\\): is set, but SLACK_BOT_TOKEN`));
  });

  it.each(["DISCORD_APPLICATION_ID", "DISCORD_GUILD_ID"])(
    "given %s without DISCORD_TOKEN, says the token is missing",
    (name) => {
      expect(problems({ [name]: "123456789012345678" })).toEqual([
        expect.stringMatching(new RegExp(`^${name} \\(.+\\): is set, but DISCORD_TOKEN`)),
      ]);
    },
  );

  it("given tokens in each other's place, explains the swap by prefix only", () => {
    const lines = problems({ SLACK_BOT_TOKEN: APP, SLACK_APP_TOKEN: BOT });
    expect(lines).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN .*must start with "xoxb-".*belongs in SLACK_APP_TOKEN/),
      expect.stringMatching(/^SLACK_APP_TOKEN .*must start with "xapp-".*belongs in SLACK_BOT_TOKEN/),
    ]);
  });

  it("given a user token as the bot token, says which token to use instead", () => {
    expect(problems({ SLACK_BOT_TOKEN: "xoxp-123-secretuser", SLACK_APP_TOKEN: APP })[0]).toContain(
      "Bot User OAuth Token",
    );
  });

  it("given a Discord token with 'Bot ' in front, asks for the token alone", () => {
    expect(problems({ DISCORD_TOKEN: `Bot ${DISCORD}` })[0]).toMatch(/^DISCORD_TOKEN .*without "Bot "/);
  });

  it.each([
    ["PORT", "65536"],
    ["PORT", "-1"],
    ["PORT", "80a"],
    ["PORT", "3.5"],
    ["LOG_LEVEL", "loud"],
    ["REPLY_VISIBILITY", "public"],
    ["RATE_LIMIT_PER_USER", "0"],
    ["RATE_LIMIT_PER_CHANNEL", "ten"],
  ] as const)("given %s=%s, reports one line naming it and what it is for", (name, value) => {
    const lines = problems({ [name]: value });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.startsWith(`${name} (${variables[name].for}): `), lines[0]).toBe(true);
  });

  it.each([
    ["DISCORD_APPLICATION_ID", "my-app"],
    ["DISCORD_GUILD_ID", "12ab"],
    ["DISCORD_SHARDS", "0"],
    ["DISCORD_SHARDS", "many"],
    ["DISCORD_API_URL", "discord.com/api"],
    ["DISCORD_API_URL", "https://discord.com/api/v10"],
  ])("given DISCORD_TOKEN and %s=%s, reports that variable", (name, value) => {
    expect(problems({ DISCORD_TOKEN: DISCORD, [name]: value })).toEqual([
      expect.stringMatching(new RegExp(`^${name} \\(`)),
    ]);
  });

  it("given a non-http SLACK_API_URL, says it must be an http(s) URL", () => {
    expect(problems({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: "ftp://x/" })).toEqual([
      expect.stringMatching(/^SLACK_API_URL \(.+\): must be an http\(s\) URL/),
    ]);
  });

  it("given many mistakes at once, reports every one of them, grouped by variable", () => {
    const lines = problems({
      SLACK_APP_TOKEN: "nope",
      PORT: "99999",
      LOG_LEVEL: "chatty",
      DISCORD_GUILD_ID: "x",
    });
    expect(lines.map((l) => l.split(" ")[0])).toEqual([
      "SLACK_APP_TOKEN",
      "SLACK_APP_TOKEN",
      "DISCORD_GUILD_ID",
      "DISCORD_GUILD_ID",
      "PORT",
      "LOG_LEVEL",
    ]);
  });

  it("never puts a secret's value in a problem line", () => {
    const secrets = {
      SLACK_BOT_TOKEN: "xoxp-should-not-leak-1",
      SLACK_APP_TOKEN: "xoxb-should-not-leak-2",
      SLACK_SIGNING_SECRET: "xoxa-should-not-leak-3",
      DISCORD_TOKEN: "Bot should-not-leak-4",
    };
    const text = problems({ ...secrets, PORT: "x" }).join("\n");
    for (const value of Object.values(secrets)) expect(text).not.toContain(value.slice(5));
    expect(text).not.toContain("should-not-leak");
  });
});

describe("unknownVariables", () => {
  it("given a near-miss Slack or Discord name, suggests the real one", () => {
    expect(unknownVariables({ DISCORD_BOT_TOKEN: "x", SLACK_SIGNING_SECRETS: "y" })).toEqual([
      "DISCORD_BOT_TOKEN is not a gapbot setting (did you mean DISCORD_TOKEN?)",
      "SLACK_SIGNING_SECRETS is not a gapbot setting (did you mean SLACK_SIGNING_SECRET?)",
    ]);
  });

  it("given only known, blank or unrelated variables, says nothing", () => {
    expect(
      unknownVariables({ SLACK_BOT_TOKEN: BOT, DISCORD_WHATEVER: "", HOME: "/root", PATH: "/bin" }),
    ).toEqual([]);
  });
});
