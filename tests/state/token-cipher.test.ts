import { describe, expect, it } from "vitest";
import {
  KeyValueInstallationRecords,
  SealedInstallationStore,
} from "../../src/adapters/slack/installation-store.js";
import { MemoryKeyValueStore } from "../../src/state/kv.js";
import { parseTokenKey, TokenCipher } from "../../src/state/token-cipher.js";

const key = Buffer.alloc(32, 1);

describe("TokenCipher", () => {
  it("opens what it sealed; the same token seals differently each time, never in clear", () => {
    const cipher = new TokenCipher(key);
    const a = cipher.seal("xoxb-secret");
    const b = cipher.seal("xoxb-secret");
    expect(a).not.toBe(b);
    expect(a).not.toContain("xoxb");
    expect(cipher.open(a)).toBe("xoxb-secret");
  });

  it("refuses a changed value and another key's value rather than yield a wrong token", () => {
    const sealed = new TokenCipher(key).seal("xoxb-secret");
    const parts = sealed.split(".");
    const data = Buffer.from(parts[3] ?? "", "base64url");
    data[0] = (data[0] ?? 0) ^ 1;
    const changed = [...parts.slice(0, 3), data.toString("base64url")].join(".");
    expect(() => new TokenCipher(key).open(changed)).toThrow(/SLACK_TOKEN_KEY/);
    expect(() => new TokenCipher(Buffer.alloc(32, 2)).open(sealed)).toThrow(/SLACK_TOKEN_KEY/);
  });

  it("reads a key as 64 hex digits or base64 of 32 bytes, and nothing else", () => {
    expect(parseTokenKey("ab".repeat(32))).toEqual(Buffer.alloc(32, 0xab));
    expect(parseTokenKey(key.toString("base64"))).toEqual(key);
    expect(parseTokenKey("ab".repeat(16))).toBeUndefined();
    expect(parseTokenKey("not a key")).toBeUndefined();
  });
});

describe("installations in the shared key-value store (Redis when configured)", () => {
  it("keeps one per workspace and one per org-wide install, sealed, and forgets on delete", async () => {
    const kv = new MemoryKeyValueStore();
    const store = new SealedInstallationStore(new KeyValueInstallationRecords(kv), new TokenCipher(key));
    const team = { team: { id: "T1" }, bot: { token: "xoxb-t1" }, isEnterpriseInstall: false } as never;
    const org = { enterprise: { id: "E1" }, bot: { token: "xoxb-e1" }, isEnterpriseInstall: true } as never;
    await store.storeInstallation(team);
    await store.storeInstallation(org);
    expect(await kv.get("slack-installation:team:T1")).not.toContain("xoxb");
    const q = { teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false };
    expect((await store.fetchInstallation(q)).bot?.token).toBe("xoxb-t1");
    // A workspace of the org finds the org-wide install by its enterprise id.
    const inOrg = { teamId: "T9", enterpriseId: "E1", isEnterpriseInstall: true };
    expect((await store.fetchInstallation(inOrg)).bot?.token).toBe("xoxb-e1");
    await store.deleteInstallation(q);
    await expect(store.fetchInstallation(q)).rejects.toThrow(/no Slack installation/);
  });
});
