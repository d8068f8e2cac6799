// The Slack app manifest, generated from the command definitions so that the two cannot drift.
// https://docs.slack.dev/reference/app-manifest
import type { webApi } from "@slack/bolt";
import type { Command } from "../../../commands/index.js";
import { suggestedPrompts } from "./assistant-prompts.js";
import { EVENTS_PATH, REDIRECT_PATH } from "./paths.js";
import { slackCommandName } from "./requests.js";

export type SlackManifest = webApi.AppsManifestCreateArguments["manifest"];
type BotScopes = NonNullable<NonNullable<NonNullable<SlackManifest["oauth_config"]>["scopes"]>["bot"]>;

export interface SlackManifestOptions {
  /** App and bot name (35 characters at most; the bot's display name allows a-z 0-9 - _ . only). */
  name?: string;
  /**
   * HTTP mode: the public base URL, e.g. "https://gapbot.example.com"; commands, events and
   * interactivity then all point at <base>/slack/events. Without it the app uses Socket Mode.
   */
  baseUrl?: string;
}

/**
 * What each scope is for: slash commands, replying, reading mentions, reading and answering DMs, and the
 * assistant thread (its status, title and suggested prompts); reading thread replies in public and private
 * channels and group DMs (follow-ups: gapbot acts only in threads it has answered in); 👀 on a question that
 * takes a while; telling workspace admins apart (channel settings, the App Home report).
 */
export const BOT_SCOPES = [
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
  // users.info: only workspace admins and owners may change a channel's settings or read the report.
  "users:read",
] as const;
/** The assistant's messages arrive as message.im, in the thread it started; follow-ups in channel threads. */
export const BOT_EVENTS = [
  "app_home_opened",
  "app_mention",
  "message.im",
  "message.channels",
  "message.groups",
  "message.mpim",
  "assistant_thread_started",
  "assistant_thread_context_changed",
  // OAuth mode forgets a workspace's installation the moment it uninstalls or revokes the bot's token.
  "app_uninstalled",
  "tokens_revoked",
] as const;

const ASSISTANT_DESCRIPTION =
  "Ask about the China–US AI compute gap: every figure comes with the sentence it is quoted from. " +
  "Slash commands do not run here; type the question, or a command as a message (/chip 910B).";

const DESCRIPTION = "Answers questions about the China–US AI compute gap, with verbatim citations.";
const LONG_DESCRIPTION =
  "gapbot answers questions about the China–US AI compute gap from a curated article: computing power, " +
  "chips, models, capital spending, market share and the software ecosystem. Every figure it shows is " +
  "quoted word for word with its paragraph, ratios are marked as computed from their inputs, and what the " +
  "material does not say, it says is not in the material. Use /gap, /chip, /model, /compare, /ask and " +
  "/source, mention @gapbot in a channel, or send it a direct message.";

export function slackManifest(
  commands: readonly Command[],
  options: SlackManifestOptions = {},
): SlackManifest {
  const name = options.name ?? "gapbot";
  const url = options.baseUrl ? `${options.baseUrl.replace(/\/+$/, "")}${EVENTS_PATH}` : undefined;
  const at = url ? { url } : {};
  return {
    display_information: {
      name,
      description: DESCRIPTION,
      long_description: LONG_DESCRIPTION,
      background_color: "#1f2a44",
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      // Slack's split view for agents: https://docs.slack.dev/ai/developing-ai-apps
      assistant_view: { assistant_description: ASSISTANT_DESCRIPTION, suggested_prompts: suggestedPrompts() },
      bot_user: { display_name: name, always_online: true },
      slash_commands: commands.map((c) => ({
        command: slackCommandName(c),
        description: c.description,
        ...(c.usage_hint ? { usage_hint: c.usage_hint } : {}),
        // Plain text in, plain names out: escaped <@U…> ids would mean nothing to the core.
        should_escape: false,
        ...at,
      })),
    },
    // The SDK's list of bot scopes predates assistant:write.
    oauth_config: {
      scopes: { bot: [...BOT_SCOPES] as BotScopes },
      // OAuth installs (HTTP mode) come back here with their code.
      ...(options.baseUrl
        ? { redirect_urls: [`${options.baseUrl.replace(/\/+$/, "")}${REDIRECT_PATH}`] }
        : {}),
    },
    settings: {
      event_subscriptions: { bot_events: [...BOT_EVENTS], ...(url ? { request_url: url } : {}) },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !url,
      token_rotation_enabled: false,
    },
  };
}

/** The committed file's exact text: two-space JSON with a final newline. */
export function slackManifestJson(commands: readonly Command[], options: SlackManifestOptions = {}): string {
  return `${JSON.stringify(slackManifest(commands, options), null, 2)}\n`;
}
