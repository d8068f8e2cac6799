// The per-channel settings store an adapter uses: the process's shared one, or (for an adapter started on
// its own, as tests do) one in memory, kept per context so that its turns all see the same settings.
import { type ChannelSettings, ChannelSettingsStore } from "../state/channel-settings.js";
import { MemoryKeyValueStore } from "../state/kv.js";
import type { AdapterContext } from "./adapter.js";

const own = new WeakMap<AdapterContext, ChannelSettingsStore>();

export function channelSettingsOf(ctx: AdapterContext): ChannelSettingsStore {
  if (ctx.channelSettings) return ctx.channelSettings;
  let store = own.get(ctx);
  if (!store) {
    store = new ChannelSettingsStore(new MemoryKeyValueStore());
    own.set(ctx, store);
  }
  return store;
}

/** A server's (or workspace's) channel's settings; none outside one (a DM), where nobody sets any. */
export async function channelSettingsIn(
  ctx: AdapterContext,
  platform: "slack" | "discord",
  workspace: string | null | undefined,
  channel: string,
): Promise<ChannelSettings | undefined> {
  if (!workspace) return undefined;
  return channelSettingsOf(ctx).get({ platform, workspace, channel });
}
