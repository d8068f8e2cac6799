// OAuth mode's settings: chosen by SLACK_CLIENT_ID with SLACK_BOT_TOKEN unset, and refused with a clear
// line naming each variable it still needs (the token key above all).
import { describe, expect, it } from "vitest";
import { parseSettings } from "../../src/config/env.js";

const KEY_HEX = "a".repeat(64);
const KEY_B64 = Buffer.alloc(32, 7).toString("base64");
const OAUTH = {
  SLACK_CLIENT_ID: "1234567890.0987654321",
  SLACK_CLIENT_SECRET: "clientsecretvalue",
  SLACK_STATE_SECRET: "a-random-state-secret",
  SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
  SLACK_TOKEN_KEY: KEY_HEX,
};

function problems(env: Record<string, string | undefined>): string[] {
  const result = parseSettings(env);
  return result.ok ? [] : result.problems;
}

describe("Slack OAuth mode settings", () => {
  it("with the client id, secrets and key and no bot token, runs Slack in OAuth HTTP mode", () => {
    const result = parseSettings(OAUTH);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.settings.slack).toEqual({
      mode: "http",
      signingSecret: OAUTH.SLACK_SIGNING_SECRET,
      port: 3000,
      replyVisibility: "ephemeral",
      oauth: {
        clientId: OAUTH.SLACK_CLIENT_ID,
        clientSecret: OAUTH.SLACK_CLIENT_SECRET,
        stateSecret: OAUTH.SLACK_STATE_SECRET,
        tokenKey: Buffer.from(KEY_HEX, "hex"),
      },
    });
    expect(result.warnings).toEqual([]);
  });

  it("reads the key as base64 too", () => {
    const result = parseSettings({ ...OAUTH, SLACK_TOKEN_KEY: KEY_B64 });
    expect(result.ok && result.settings.slack?.oauth?.tokenKey).toEqual(Buffer.alloc(32, 7));
  });

  it("without the token key, refuses to start, naming it and what it is for", () => {
    expect(problems({ ...OAUTH, SLACK_TOKEN_KEY: undefined })).toEqual([
      "SLACK_TOKEN_KEY (the key that encrypts stored Slack tokens (AES-256-GCM): 64 hex digits or base64 of 32 bytes, for OAuth installs): is not set, but SLACK_CLIENT_ID is: installing through OAuth needs it",
    ]);
  });

  it("refuses a key that is not 32 bytes, without echoing it", () => {
    const lines = problems({ ...OAUTH, SLACK_TOKEN_KEY: "short-secret-key" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^SLACK_TOKEN_KEY .*must be 32 bytes/);
    expect(lines[0]).not.toContain("short-secret-key");
  });

  it("names every other missing piece at once, and refuses Socket Mode", () => {
    const lines = problems({
      SLACK_CLIENT_ID: OAUTH.SLACK_CLIENT_ID,
      SLACK_APP_TOKEN: "xapp-1-A111-x",
    });
    expect(lines.map((l) => l.split(" ")[0])).toEqual([
      "SLACK_APP_TOKEN",
      "SLACK_SIGNING_SECRET",
      "SLACK_CLIENT_SECRET",
      "SLACK_STATE_SECRET",
      "SLACK_TOKEN_KEY",
    ]);
  });

  it("with SLACK_BOT_TOKEN set, stays single-workspace as before, and warns once which mode runs and why", () => {
    const result = parseSettings({ ...OAUTH, SLACK_BOT_TOKEN: "xoxb-1-2-3" });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.settings.slack?.botToken).toBe("xoxb-1-2-3");
    expect(result.settings.slack?.oauth).toBeUndefined();
    expect(result.warnings).toEqual([
      "Slack: both SLACK_BOT_TOKEN and SLACK_CLIENT_ID are set; running single-workspace with SLACK_BOT_TOKEN, " +
        "which wins when both are set, so SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SLACK_TOKEN_KEY " +
        "are ignored and /slack/install is not served. To install into many workspaces through OAuth, unset SLACK_BOT_TOKEN.",
    ]);
    // No secret's value is echoed.
    expect(result.warnings.join(" ")).not.toContain(OAUTH.SLACK_CLIENT_SECRET);
  });

  it("warns about nothing with a bot token alone", () => {
    const result = parseSettings({ SLACK_BOT_TOKEN: "xoxb-1-2-3", SLACK_SIGNING_SECRET: "s3cret" });
    expect(result.ok && result.warnings).toEqual([]);
  });

  it("names SLACK_CLIENT_ID when only the other OAuth secrets are set", () => {
    expect(problems({ SLACK_STATE_SECRET: OAUTH.SLACK_STATE_SECRET })[0]).toMatch(
      /^SLACK_STATE_SECRET .*SLACK_CLIENT_ID/,
    );
  });
});
