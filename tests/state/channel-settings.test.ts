import { describe, expect, it } from "vitest";
import { ChannelSettingsStore, DEFAULT_CHANNEL_SETTINGS } from "../../src/state/channel-settings.js";
import { MemoryKeyValueStore } from "../../src/state/kv.js";

const a = { platform: "slack" as const, workspace: "T1", channel: "C1" };
const b = { platform: "slack" as const, workspace: "T1", channel: "C2" };

describe("ChannelSettingsStore", () => {
  it("gives the defaults for a channel nobody set, and keeps channels, workspaces and platforms apart", async () => {
    const store = new ChannelSettingsStore(new MemoryKeyValueStore());
    await store.update(a, { mentions: false });
    expect(await store.get(a)).toEqual({ ...DEFAULT_CHANNEL_SETTINGS, mentions: false });
    expect(await store.get(b)).toEqual(DEFAULT_CHANNEL_SETTINGS);
    expect(await store.get({ ...a, workspace: "T2" })).toEqual(DEFAULT_CHANNEL_SETTINGS);
    expect(await store.get({ ...a, platform: "discord" })).toEqual(DEFAULT_CHANNEL_SETTINGS);
  });

  it("changes only what it is given, and lists each channel once, in the order first set", async () => {
    const store = new ChannelSettingsStore(new MemoryKeyValueStore());
    await store.update(b, { replies: "ephemeral" });
    await store.update(a, { sources: ["x"] });
    await store.update(b, { followUps: false });
    expect(await store.get(b)).toEqual({
      ...DEFAULT_CHANNEL_SETTINGS,
      replies: "ephemeral",
      followUps: false,
    });
    expect(await store.channels({ platform: "slack", workspace: "T1" })).toEqual(["C2", "C1"]);
  });

  it("reads a stored value that no longer parses as the defaults rather than failing", async () => {
    const kv = new MemoryKeyValueStore();
    await kv.set("channel-settings:slack:T1:C1", "{not json");
    expect(await new ChannelSettingsStore(kv).get(a)).toEqual(DEFAULT_CHANNEL_SETTINGS);
  });
});
