// Start-up failures name the setting to fix and leave nothing running.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlack } from "../../../src/adapters/slack/index.js";
import type { SlackSettings } from "../../../src/config/settings.js";
import { silentLogger } from "../../../src/log.js";
import { MemorySeenStore } from "../../../src/runtime/seen-store.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import { type SlackApiStandIn, startSlackApiStandIn } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";

describe("startSlack", () => {
  let api: SlackApiStandIn;
  const ctx = {
    core: fixtureCore(),
    logger: silentLogger(),
    seen: new MemorySeenStore(),
    kv: new MemoryKeyValueStore(),
  };
  const http = (overrides: Partial<SlackSettings> = {}): SlackSettings => ({
    mode: "http",
    botToken: "xoxb-bad",
    signingSecret: "s",
    apiUrl: api.url,
    port: 0,
    replyVisibility: "ephemeral",
    ...overrides,
  });

  beforeAll(async () => {
    api = await startSlackApiStandIn();
  });

  afterAll(async () => {
    await api?.close();
  });

  it("given a bot token Slack rejects, fails start-up naming SLACK_BOT_TOKEN and Slack's error code", async () => {
    api.answer("auth.test", { ok: false, error: "invalid_auth" });
    await expect(startSlack(http(), ctx, { host: "127.0.0.1", retries: 0 })).rejects.toThrow(
      "gapbot: Slack rejected the bot token (SLACK_BOT_TOKEN): invalid_auth",
    );
  });

  it("given an app-level token Slack rejects, fails start-up naming SLACK_APP_TOKEN", async () => {
    api.answer("auth.test", { ok: true, user_id: "UBOT", bot_id: "BBOT" });
    api.answer("apps.connections.open", { ok: false, error: "invalid_auth" });
    await expect(
      startSlack(http({ mode: "socket", appToken: "xapp-bad", botToken: "xoxb-ok" }), ctx, { retries: 0 }),
    ).rejects.toThrow("gapbot: Slack rejected the app-level token (SLACK_APP_TOKEN): invalid_auth");
  });

  it("given an API URL nothing answers on, fails start-up saying Slack could not be reached, not that it said no", async () => {
    await expect(
      startSlack(http({ apiUrl: "http://127.0.0.1:9/api/", botToken: "xoxb-ok" }), ctx, {
        host: "127.0.0.1",
        retries: 0,
      }),
    ).rejects.toThrow(
      "gapbot: could not reach the Slack API at http://127.0.0.1:9/api/ (SLACK_API_URL) to check the bot token (SLACK_BOT_TOKEN)",
    );
  });

  it("given settings without the secret their mode needs, refuses to start and says which", async () => {
    await expect(startSlack(http({ signingSecret: undefined }), ctx)).rejects.toThrow("SLACK_SIGNING_SECRET");
    await expect(startSlack(http({ mode: "socket", appToken: undefined }), ctx)).rejects.toThrow(
      "SLACK_APP_TOKEN",
    );
  });

  it("given an API URL without its final slash, still calls the methods under it", async () => {
    api.answer("auth.test", { ok: true, user_id: "UBOT", bot_id: "BBOT" });
    const before = api.callsTo("auth.test").length;
    const slack = await startSlack(http({ apiUrl: api.url.replace(/\/$/, ""), botToken: "xoxb-ok" }), ctx, {
      host: "127.0.0.1",
      retries: 0,
    });
    await slack.stop();
    expect(api.callsTo("auth.test").length).toBe(before + 1);
  });
});
