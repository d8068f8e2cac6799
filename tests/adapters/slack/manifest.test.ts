import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import {
  BOT_EVENTS,
  BOT_SCOPES,
  slackManifest,
  slackManifestJson,
} from "../../../src/adapters/slack/manifest.js";

describe("slackManifest", () => {
  it("given the committed commands/slack-manifest.json, matches what the definitions generate (run npm run manifest:slack)", () => {
    expect(readFileSync("commands/slack-manifest.json", "utf8")).toBe(slackManifestJson(commands));
  });

  it("given the command definitions, declares one slash command each, help as /gapbot, unescaped text", () => {
    const slash = slackManifest(commands).features?.slash_commands ?? [];
    expect(slash.map((c) => c.command)).toEqual([
      "/gap",
      "/chip",
      "/model",
      "/compare",
      "/ask",
      "/source",
      "/gapbot",
    ]);
    expect(slash.find((c) => c.command === "/chip")).toEqual({
      command: "/chip",
      description: "Figures and facts about one AI chip, e.g. Ascend 910B, H100, GB300",
      usage_hint: "<name>  e.g. 910B, A100, GB300",
      should_escape: false,
    });
  });

  it("by default, uses Socket Mode with the scopes and events the adapter needs, interactivity and App Home on", () => {
    const m = slackManifest(commands);
    expect(m.settings?.socket_mode_enabled).toBe(true);
    expect(m.settings?.event_subscriptions).toEqual({ bot_events: [...BOT_EVENTS] });
    expect(m.settings?.interactivity).toEqual({ is_enabled: true });
    expect(m.oauth_config?.scopes?.bot).toEqual([
      "commands",
      "chat:write",
      "app_mentions:read",
      "im:history",
      "im:read",
      "im:write",
      "assistant:write",
      "channels:history",
      "groups:history",
      "mpim:history",
      "reactions:write",
      "users:read",
    ]);
    expect(m.settings?.event_subscriptions?.bot_events).toEqual(
      expect.arrayContaining(["message.channels", "message.groups", "message.mpim"]),
    );
    expect([...BOT_SCOPES]).toEqual(m.oauth_config?.scopes?.bot);
    expect(m.features?.app_home?.home_tab_enabled).toBe(true);
    expect(m.features?.app_home?.messages_tab_enabled).toBe(true);
  });

  it("given a base URL, switches to HTTP mode with every request URL at <base>/slack/events", () => {
    const m = slackManifest(commands, { baseUrl: "https://gapbot.example.com/" });
    const url = "https://gapbot.example.com/slack/events";
    expect(m.settings?.socket_mode_enabled).toBe(false);
    expect(m.settings?.event_subscriptions?.request_url).toBe(url);
    expect(m.settings?.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(new Set(m.features?.slash_commands?.map((c) => c.url))).toEqual(new Set([url]));
    expect(m.oauth_config?.redirect_urls).toEqual(["https://gapbot.example.com/slack/oauth_redirect"]);
  });

  it("stays within Slack's manifest limits: name 35, description 140, long description 174–4000, command 32", () => {
    const m = slackManifest(commands);
    expect(m.display_information.name.length).toBeLessThanOrEqual(35);
    expect(m.display_information.description?.length).toBeLessThanOrEqual(140);
    const long = m.display_information.long_description?.length ?? 0;
    expect(long).toBeGreaterThanOrEqual(174);
    expect(long).toBeLessThanOrEqual(4000);
    expect(m.features?.bot_user?.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
    for (const c of m.features?.slash_commands ?? []) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(c.description.length).toBeLessThanOrEqual(2000);
      expect((c.usage_hint ?? "").length).toBeLessThanOrEqual(1000);
    }
  });
});
