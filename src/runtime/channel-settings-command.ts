// The settings command, platform-neutral: its words → a change to a channel's settings, and the card that
// shows the result. Slack passes the words after "/gapbot settings"; Discord passes its options.
import type { Card, Field } from "../core/card.js";
import type { ChannelSettings } from "../state/channel-settings.js";

export type SettingsCommand =
  | { kind: "show" }
  | { kind: "change"; change: Partial<ChannelSettings> }
  | { kind: "invalid"; problem: string };

export const SETTINGS_USAGE = [
  "mentions on|off — answer @mentions in this channel",
  "followups on|off — answer follow-up messages in threads",
  "replies public|private|default — who sees answers to commands",
  "sources all|<id> [<id>…] — which sources answers may use",
];

const ON = new Set(["on", "yes", "true", "enable", "enabled"]);
const OFF = new Set(["off", "no", "false", "disable", "disabled"]);

function onOff(value: string | undefined): boolean | undefined {
  const v = value?.toLowerCase();
  return v && ON.has(v) ? true : v && OFF.has(v) ? false : undefined;
}

/** `replies` as typed: public, private (or ephemeral), or default. */
export function parseReplies(value: string): ChannelSettings["replies"] | "default" | undefined {
  const v = value.toLowerCase();
  if (v === "public" || v === "in_channel" || v === "channel") return "public";
  if (v === "private" || v === "ephemeral") return "ephemeral";
  if (v === "default") return "default";
  return undefined;
}

/** `sources` as typed: "all", or ids separated by spaces or commas, each one the bot knows. */
export function parseSources(value: string, known: readonly string[]): string[] | string {
  const ids = value.split(/[\s,]+/).filter(Boolean);
  if (ids.length === 1 && ids[0]?.toLowerCase() === "all") return [];
  if (ids.length === 0) return "name one source or more, or all";
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length) return `no source ${unknown.join(", ")}; the sources are ${known.join(", ")}`;
  return [...new Set(ids)];
}

/** Slack's words after "settings": nothing shows them; "<setting> <value>" changes one. */
export function parseSettingsWords(words: string, knownSources: readonly string[]): SettingsCommand {
  const [name, ...rest] = words.trim().split(/\s+/).filter(Boolean);
  if (!name) return { kind: "show" };
  const value = rest.join(" ");
  switch (name.toLowerCase()) {
    case "mentions":
    case "followups":
    case "follow-ups": {
      const on = onOff(rest[0]);
      if (on === undefined || rest.length !== 1)
        return { kind: "invalid", problem: `${name} takes on or off` };
      return {
        kind: "change",
        change: name.toLowerCase() === "mentions" ? { mentions: on } : { followUps: on },
      };
    }
    case "replies": {
      const replies = parseReplies(value);
      if (!replies) return { kind: "invalid", problem: "replies takes public, private or default" };
      return { kind: "change", change: { replies: replies === "default" ? undefined : replies } };
    }
    case "sources": {
      const sources = parseSources(value, knownSources);
      return typeof sources === "string"
        ? { kind: "invalid", problem: sources }
        : { kind: "change", change: { sources } };
    }
    default:
      return { kind: "invalid", problem: `there is no setting "${name}"` };
  }
}

/** The settings as card fields, one per setting, as an admin reads them. */
export function settingsFields(s: ChannelSettings, defaultReplies: "public" | "ephemeral"): Field[] {
  return [
    { label: "Mentions", value: s.mentions ? "answered" : "ignored" },
    { label: "Follow-ups in threads", value: s.followUps ? "answered" : "ignored" },
    {
      label: "Replies to commands",
      value: `${(s.replies ?? defaultReplies) === "public" ? "public" : "private (only the asker sees them)"}${s.replies ? "" : " (the default)"}`,
    },
    { label: "Sources", value: s.sources.length ? s.sources.join(", ") : "all" },
  ];
}

export function settingsCard(
  s: ChannelSettings,
  defaultReplies: "public" | "ephemeral",
  changed: boolean,
  how: string,
): Card {
  return {
    kind: "help",
    title: "Settings for this channel",
    headline: changed ? "Saved. This channel's settings are now:" : "This channel's settings:",
    fields: settingsFields(s, defaultReplies),
    citations: [],
    suggestions: [],
    footer: `Only admins can change them: ${how}`,
  };
}

/** A settings command that could not be read: what was wrong, and how to write it. */
export function settingsProblemCard(problem: string, how: string): Card {
  return {
    kind: "error",
    title: "Settings not changed",
    headline: `Settings not changed: ${problem}.`,
    fields: SETTINGS_USAGE.map((line) => {
      const [label = "", value = ""] = line.split(" — ");
      return { label, value };
    }),
    citations: [],
    suggestions: [],
    footer: how,
  };
}

/** A non-admin's attempt: refused, and said so plainly. */
export function notAdminCard(who: string): Card {
  return {
    kind: "error",
    title: "Only admins can change settings",
    headline: `Only ${who} can change this channel's settings. Nothing was changed.`,
    fields: [],
    citations: [],
    suggestions: [],
  };
}
