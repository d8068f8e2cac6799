// The gateway side of startDiscord: what it identifies with, /healthz through a drop and a resume, stop().
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord } from "../../../src/adapters/discord/index.js";
import { silentLogger } from "../../../src/log.js";
import { startHealthServer } from "../../../src/runtime/health-server.js";
import { MemorySeenStore } from "../../../src/runtime/seen-store.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import { type Harness, startHarness, testCore } from "../../helpers/discord-harness.js";
import { DiscordStandIn, eventually } from "../../helpers/discord-stand-in.js";

const IDENTIFY = 2;
const RESUME = 6;
const HEARTBEAT = 1;

describe("startDiscord on the gateway", () => {
  let h: Harness;
  let health: Server;
  let healthz: () => Promise<number>;

  beforeAll(async () => {
    h = await startHarness({ standIn: { heartbeatIntervalMs: 200 } });
    health = await startHealthServer(0, h.adapter.healthy, "127.0.0.1");
    const url = `http://127.0.0.1:${(health.address() as AddressInfo).port}/healthz`;
    healthz = async () => (await fetch(url)).status;
  });
  afterAll(async () => {
    health.close();
    await h.stop();
  });

  it("identifies with Guilds, GuildMessages and DirectMessages only: no privileged intent, no compression", () => {
    const identify = h.standIn.framesWithOp(IDENTIFY)[0]?.d as {
      intents: number;
      compress: boolean;
      token: string;
    };
    expect(identify.intents).toBe((1 << 0) | (1 << 9) | (1 << 12));
    // GuildMembers (1<<1), GuildPresences (1<<8) and MessageContent (1<<15) are the privileged ones.
    expect(identify.intents & ((1 << 1) | (1 << 8) | (1 << 15))).toBe(0);
    expect(identify.compress).toBe(false);
    expect(identify.token).toBe(h.standIn.token);
  });

  it("heartbeats, and the stand-in's ACKs keep the connection up", async () => {
    await eventually(() => h.standIn.framesWithOp(HEARTBEAT).length >= 2, "two heartbeats");
    expect(h.adapter.healthy()).toBe(true);
  });

  it("/healthz is 200 while connected, 503 from a dropped socket until the resume, then 200 and answering", async () => {
    expect(await healthz()).toBe(200);

    h.standIn.hold();
    h.standIn.dropConnections();
    await eventually(() => !h.adapter.healthy(), "healthy() to turn false after the drop");
    expect(await healthz()).toBe(503);
    // discord.js reconnects to resume_gateway_url and waits there for HELLO: still not connected.
    await eventually(() => h.standIn.waiting > 0, "the reconnect to be held");
    expect(await healthz()).toBe(503);

    const identifies = h.standIn.framesWithOp(IDENTIFY).length;
    h.standIn.release();
    await eventually(() => h.adapter.healthy(), "healthy() after the resume");
    expect(await healthz()).toBe(200);
    // It resumed the session (op 6 with the session id and the last sequence), not a new IDENTIFY.
    const resume = h.standIn.framesWithOp(RESUME).at(-1)?.d as
      | { session_id: string; seq: number }
      | undefined;
    expect(resume?.session_id).toMatch(/^[0-9a-f]{32}$/);
    expect(resume?.seq).toBeGreaterThanOrEqual(2);
    expect(h.standIn.framesWithOp(IDENTIFY)).toHaveLength(identifies);

    const callback = await h.interact(h.standIn.slashCommand("help"));
    expect((callback.body as { type: number }).type).toBe(4);
  });

  it("stop() disconnects: healthy() is false and /healthz says 503", async () => {
    const standIn = await DiscordStandIn.start();
    const adapter = await startDiscord(
      { token: standIn.token, apiUrl: standIn.apiUrl },
      {
        core: testCore(),
        logger: silentLogger(),
        seen: new MemorySeenStore(),
        kv: new MemoryKeyValueStore(),
      },
    );
    expect(adapter.healthy()).toBe(true);
    await adapter.stop();
    expect(adapter.healthy()).toBe(false);
    await eventually(() => !standIn.connected, "the socket to close");
    await standIn.close();
  });

  it("fails to start with a prefixed message when the token is refused (401)", async () => {
    const standIn = await DiscordStandIn.start();
    const start = startDiscord(
      { token: "not-the-token", apiUrl: standIn.apiUrl },
      {
        core: testCore(),
        logger: silentLogger(),
        seen: new MemorySeenStore(),
        kv: new MemoryKeyValueStore(),
      },
      { readyTimeoutMs: 5_000 },
    );
    await expect(start).rejects.toThrow(/^discord: could not connect: .*token/i);
    expect(standIn.find("GET", /\/gateway\/bot$/)[0]?.authorization).toBe("Bot not-the-token");
    await standIn.close();
  });
});
