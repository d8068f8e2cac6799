// Per-channel settings an admin sets (/gapbot settings on Slack, /settings on Discord), kept in the one
// key-value store so that every instance reads the same: whether mentions are answered, whether threads get
// follow-ups, whether replies are public or private, and which sources the channel may use.
import { z } from "zod";
import type { KeyValueStore } from "./kv.js";

export const ChannelSettings = z.object({
  /** Answer @mentions in this channel. */
  mentions: z.boolean().default(true),
  /** Answer follow-up messages in a thread the bot answered in. */
  followUps: z.boolean().default(true),
  /** Replies to commands: the bot's default (undefined), or always public or always private. */
  replies: z.enum(["public", "ephemeral"]).optional(),
  /** The sources this channel may use, by id; empty means every source the bot has. */
  sources: z.array(z.string().min(1)).default([]),
});
export type ChannelSettings = z.output<typeof ChannelSettings>;

export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = ChannelSettings.parse({});

/** Where a channel is: its platform, its workspace or guild, its id. */
export interface ChannelRef {
  platform: "slack" | "discord";
  workspace: string;
  channel: string;
}

const key = (c: ChannelRef) => `channel-settings:${c.platform}:${c.workspace}:${c.channel}`;
const indexKey = (c: Omit<ChannelRef, "channel">) => `channel-settings:${c.platform}:${c.workspace}`;

export class ChannelSettingsStore {
  constructor(private readonly kv: KeyValueStore) {}

  /** The channel's settings, defaults filled in; a stored value that no longer parses counts as unset. */
  async get(c: ChannelRef): Promise<ChannelSettings> {
    const raw = await this.kv.get(key(c));
    if (raw === undefined) return DEFAULT_CHANNEL_SETTINGS;
    try {
      const parsed = ChannelSettings.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : DEFAULT_CHANNEL_SETTINGS;
    } catch {
      return DEFAULT_CHANNEL_SETTINGS;
    }
  }

  /** Changes some settings, keeps the rest; returns the whole result. */
  async update(c: ChannelRef, change: Partial<ChannelSettings>): Promise<ChannelSettings> {
    const next = ChannelSettings.parse({ ...(await this.get(c)), ...change });
    await this.kv.set(key(c), JSON.stringify(next));
    const channels = await this.channels(c);
    if (!channels.includes(c.channel)) {
      await this.kv.set(indexKey(c), JSON.stringify([...channels, c.channel]));
    }
    return next;
  }

  /** The channels of a workspace with settings of their own, in the order they were first set. */
  async channels(w: Omit<ChannelRef, "channel">): Promise<string[]> {
    const raw = await this.kv.get(indexKey(w));
    try {
      const list = z.array(z.string()).safeParse(raw === undefined ? [] : JSON.parse(raw));
      return list.success ? list.data : [];
    } catch {
      return [];
    }
  }

  /** Every channel of a workspace with settings of its own, and those settings. */
  async all(w: Omit<ChannelRef, "channel">): Promise<{ channel: string; settings: ChannelSettings }[]> {
    const channels = await this.channels(w);
    return Promise.all(
      channels.map(async (channel) => ({ channel, settings: await this.get({ ...w, channel }) })),
    );
  }
}
