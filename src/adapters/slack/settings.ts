// `/gapbot settings …` on Slack: anyone may read a channel's settings; only workspace admins and owners
// (users.info: is_admin, is_owner) may change them. The reply is always private to the asker.
// https://docs.slack.dev/reference/methods/users.info
import type { webApi } from "@slack/bolt";
import type { ReplyVisibility } from "../../config/settings.js";
import type { Card } from "../../core/card.js";
import {
  notAdminCard,
  parseSettingsWords,
  settingsCard,
  settingsProblemCard,
} from "../../runtime/channel-settings-command.js";
import { retryTransient } from "../../runtime/retry.js";
import type { ChannelSettings, ChannelSettingsStore } from "../../state/channel-settings.js";

export const SETTINGS_HOW = "/gapbot settings mentions off · followups on · replies private · sources all";

/** `/gapbot settings …`: the words after "settings", or undefined when the text is something else. */
export function settingsWords(text: string): string | undefined {
  const m = /^\s*settings\b([\s\S]*)$/i.exec(text);
  return m ? (m[1] ?? "").trim() : undefined;
}

/** A workspace admin or owner; a user Slack cannot tell us about is not one. */
export async function isWorkspaceAdmin(client: webApi.WebClient, user: string): Promise<boolean> {
  // A read, safe to repeat: retried here on 429 (after Retry-After), 5xx or the network, since the adapter's
  // WebClient retries nothing itself (see web-api-posts.ts).
  const info = await retryTransient(() => client.users.info({ user }));
  const u = info.user;
  return Boolean(u && (u.is_admin || u.is_owner || u.is_primary_owner));
}

export interface SlackSettingsTurn {
  words: string;
  user: string;
  where: { platform: "slack"; workspace: string; channel: string };
  store: ChannelSettingsStore;
  knownSources: readonly string[];
  defaultReplies: ReplyVisibility;
  isAdmin: () => Promise<boolean>;
}

/** The card for a settings command: shown, saved, refused or not understood. */
export async function slackSettingsCard(t: SlackSettingsTurn): Promise<Card> {
  const defaults = t.defaultReplies === "ephemeral" ? "ephemeral" : "public";
  const command = parseSettingsWords(t.words, t.knownSources);
  if (command.kind === "show") return settingsCard(await t.store.get(t.where), defaults, false, SETTINGS_HOW);
  if (!(await t.isAdmin())) return notAdminCard("workspace admins and owners");
  if (command.kind === "invalid") return settingsProblemCard(command.problem, SETTINGS_HOW);
  const saved = await t.store.update(t.where, command.change);
  return settingsCard(saved, defaults, true, SETTINGS_HOW);
}

/** Whether a slash command's answer in this channel is private: the channel's setting, else the bot's. */
export function privateReplies(channel: ChannelSettings, defaultReplies: ReplyVisibility): boolean {
  return channel.replies ? channel.replies === "ephemeral" : defaultReplies === "ephemeral";
}
