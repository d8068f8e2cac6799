import { describe, expect, it } from "vitest";
import { MemoryKeyValueStore } from "../../src/state/kv.js";

describe("MemoryKeyValueStore", () => {
  it("given a value with a ttl, returns it until the ttl passes and nothing after", async () => {
    let t = 1_000;
    const kv = new MemoryKeyValueStore(10, () => t);
    await kv.set("thread:1", "context", 500);
    expect(await kv.get("thread:1")).toBe("context");
    t += 499;
    expect(await kv.get("thread:1")).toBe("context");
    t += 1;
    expect(await kv.get("thread:1")).toBeUndefined();
  });

  it("given more keys than its bound, drops the least recently written first", async () => {
    const kv = new MemoryKeyValueStore(2);
    await kv.set("a", "1");
    await kv.set("b", "2");
    await kv.set("a", "1 again");
    await kv.set("c", "3");
    expect(await kv.get("b")).toBeUndefined();
    expect(await kv.get("a")).toBe("1 again");
    expect(await kv.get("c")).toBe("3");
  });

  it("given a delete, forgets the key", async () => {
    const kv = new MemoryKeyValueStore();
    await kv.set("k", "v");
    await kv.delete("k");
    expect(await kv.get("k")).toBeUndefined();
  });
});
