// npm run start:sharded: a real ShardingManager forking the built shard child, each shard on the stand-in, and
// the manager's health port: GET /healthz for all shards, GET /metrics merging every shard's.
import type { Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type RunningShards,
  serveShards,
  startShardManager,
} from "../../../src/adapters/discord/start-sharded.js";
import { silentLogger } from "../../../src/log.js";
import { FIXTURE_KNOWLEDGE } from "../../helpers/discord-harness.js";
import { DiscordStandIn, eventually } from "../../helpers/discord-stand-in.js";
import { ensureBuilt, root } from "../../start/ensure-built.js";

const IDENTIFY = 2;

describe("startShardManager", () => {
  let standIn: DiscordStandIn;
  let shards: RunningShards | undefined;
  let server: Server | undefined;

  beforeAll(async () => {
    // Shards are separate Node processes: they run the compiled JavaScript, as npm run start:sharded does.
    ensureBuilt();
    standIn = await DiscordStandIn.start({ recommendedShards: 2 });
  }, 60_000);

  afterAll(async () => {
    server?.close();
    await shards?.stop();
    await standIn.close();
  });

  it("with DISCORD_SHARDS=auto, asks the configured REST, forks each shard, every shard answers, and the health port serves both", async () => {
    ({ server, shards } = await serveShards(
      { token: standIn.token, apiUrl: standIn.apiUrl, shards: "auto" },
      0,
      {
        host: "127.0.0.1",
        logger: silentLogger(),
        childFile: join(root, "dist", "src", "adapters", "discord", "shard-child.js"),
        env: { LOG_LEVEL: "silent", KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE },
        spawnDelayMs: 200,
      },
    ));
    const address = server.address();
    const health = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    expect(shards.totalShards).toBe(2);
    expect(standIn.find("GET", /^\/v10\/gateway\/bot$/).length).toBeGreaterThanOrEqual(1);
    const identified = standIn.framesWithOp(IDENTIFY).map((f) => (f.d as { shard: [number, number] }).shard);
    expect(identified.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(shards.healthy()).toBe(true);

    // The last shard to identify holds the stand-in's live socket: an interaction sent there is answered.
    const payload = standIn.slashCommand("chip", { name: "910B" });
    standIn.dispatch("INTERACTION_CREATE", payload);
    const callback = await eventually(
      () =>
        standIn.requests.find((r) => r.path === `/v10/interactions/${payload.id}/${payload.token}/callback`),
      "the shard's answer",
    );
    expect(
      (callback.body as { type: number; data: { embeds: { title: string }[] } }).data.embeds[0]?.title,
    ).toBe("Ascend 910B");

    // The manager's GET /metrics: both shards scraped, the answer counted once, the knowledge not doubled.
    expect((await fetch(`${health}/healthz`)).status).toBe(200);
    // The answer is counted once the shard has replied; a scrape a moment later sees it.
    let metrics = "";
    for (let tries = 0; tries < 50; tries++) {
      metrics = await (await fetch(`${health}/metrics`)).text();
      if (/gapbot_answers_total\{platform="discord",command="chip",kind="[a-z_]+"\} 1\n/.test(metrics)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(metrics).toMatch(/gapbot_answers_total\{platform="discord",command="chip",kind="[a-z_]+"\} 1\n/);
    const sample = (series: string) =>
      Number(
        metrics
          .split("\n")
          .find((l) => l.startsWith(`${series} `))
          ?.slice(series.length + 1),
      );
    expect(sample("gapbot_shards")).toBe(2);
    expect(sample("gapbot_shards_ready")).toBe(2);
    expect(sample("gapbot_shards_reporting")).toBe(2);
    const facts = sample("gapbot_knowledge_facts");
    expect(facts).toBeGreaterThan(0);
    // Each shard reports the same count; merged, it is one shard's, not the sum.
    const each = await shards.manager.broadcastEval(() =>
      (
        globalThis as Record<
          symbol,
          { getSingleMetric(n: string): { get(): Promise<{ values: { value: number }[] }> } }
        >
      )[Symbol.for("gapbot.metrics")]
        ?.getSingleMetric("gapbot_knowledge_facts")
        .get()
        .then((m) => m.values[0]?.value),
    );
    expect(each).toEqual([facts, facts]);

    await shards.stop();
    expect(
      shards.manager.shards.every((s) => s.process?.exitCode !== null || s.process?.signalCode !== null),
    ).toBe(true);
    shards = undefined;
    expect((await fetch(`${health}/healthz`)).status).toBe(503);
    server.close();
    server = undefined;
  }, 60_000);

  it("with DISCORD_SHARD_IDS, runs only this machine's shards of the shared count", async () => {
    const before = standIn.framesWithOp(IDENTIFY).length;
    shards = await startShardManager(
      { token: standIn.token, apiUrl: standIn.apiUrl, shards: 2, shardIds: [1] },
      {
        logger: silentLogger(),
        childFile: join(root, "dist", "src", "adapters", "discord", "shard-child.js"),
        env: { LOG_LEVEL: "silent", KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE },
        spawnDelayMs: 200,
      },
    );
    const identified = standIn
      .framesWithOp(IDENTIFY)
      .slice(before)
      .map((f) => (f.d as { shard: [number, number] }).shard);
    expect(identified).toEqual([[1, 2]]);
    expect(shards.manager.shards.map((s) => s.id)).toEqual([1]);
    expect(shards.healthy()).toBe(true);
    await shards.stop();
    shards = undefined;
  }, 60_000);
});
