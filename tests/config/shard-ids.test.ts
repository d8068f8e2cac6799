// DISCORD_SHARD_IDS: the shards one machine runs, checked against the count every machine must share.
import { describe, expect, it } from "vitest";
import { parseSettings } from "../../src/config/env.js";

const base = { DISCORD_TOKEN: "t0ken" };

describe("DISCORD_SHARD_IDS", () => {
  it("given ids below a numeric DISCORD_SHARDS, runs those shards, sorted, once each", () => {
    const parsed = parseSettings({ ...base, DISCORD_SHARDS: "4", DISCORD_SHARD_IDS: " 3, 1,1" });
    expect(parsed.ok && parsed.settings.discord).toMatchObject({ shards: 4, shardIds: [1, 3] });
  });

  it("given DISCORD_SHARDS=auto or unset, asks for the count every machine shares", () => {
    for (const shards of ["auto", undefined]) {
      const parsed = parseSettings({ ...base, DISCORD_SHARDS: shards, DISCORD_SHARD_IDS: "0" });
      expect(parsed.ok ? [] : parsed.problems).toEqual([
        expect.stringMatching(
          /^DISCORD_SHARD_IDS \(.+\): needs DISCORD_SHARDS set to the total number of shards/,
        ),
      ]);
    }
  });

  it("given an id past the count, or not a list of ids, says which", () => {
    const past = parseSettings({ ...base, DISCORD_SHARDS: "2", DISCORD_SHARD_IDS: "1,2" });
    expect(past.ok ? [] : past.problems).toEqual([
      expect.stringMatching(/below DISCORD_SHARDS \(2\): 0 to 1$/),
    ]);
    const words = parseSettings({ ...base, DISCORD_SHARDS: "2", DISCORD_SHARD_IDS: "first" });
    expect(words.ok ? [] : words.problems).toEqual([expect.stringMatching(/separated by commas/)]);
  });
});
