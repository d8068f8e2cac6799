// Votes on an answer another instance recorded: handed to that instance's record through its mailbox (in
// memory here, on a real Redis below), delivered in order, each once; votes on one's own answers stay local.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Card } from "../../src/core/card.js";
import { silentLogger } from "../../src/log.js";
import { recordVote } from "../../src/runtime/record.js";
import { connectRedis, type RedisLink } from "../../src/state/redis.js";
import { deliverVotes, MemoryVoteRelay, RedisVoteRelay, type VoteRelay } from "../../src/state/vote-relay.js";
import { openDatabase } from "../../src/storage/database.js";
import { ownerOfAnswer, QuestionLog } from "../../src/storage/question-log.js";
import { hasRedisServer, startRedis, type TestRedis } from "../helpers/redis-server.js";

const card: Pick<Card, "kind" | "fields" | "citations" | "score"> = {
  kind: "gap",
  fields: [],
  citations: [],
};
const record = () => new QuestionLog(openDatabase({ dir: ":memory:" }), { retentionDays: 30 });
const ask = (log: QuestionLog) => log.record({ platform: "slack", command: "gap", text: "compute", card });
const tally = (log: QuestionLog, id: string) => {
  const row = log.since(0).find((r) => r.id === id);
  return { up: row?.up, down: row?.down, reasons: row?.reasons };
};

describe("votes across instances", () => {
  it("names each record apart, and starts every answer id with its record's name", () => {
    const a = record();
    const b = record();
    expect(a.owner).not.toBe(b.owner);
    expect(ownerOfAnswer(ask(a))).toBe(a.owner);
  });

  it("hands a vote on another instance's answer to it, which stores it with its reason, in order", async () => {
    const relay = new MemoryVoteRelay();
    const a = record();
    const b = record();
    const answer = ask(a);
    const onB = { questions: b, votes: relay, logger: silentLogger() };
    expect(recordVote(onB, "slack", answer, "U1", "down")).toBe(true);
    expect(recordVote(onB, "slack", answer, "U1", { reason: "wrong_figure" })).toBe(true);
    expect(recordVote(onB, "slack", answer, "U2", "up")).toBe(true);
    // Nothing reached B's own record, nor A's yet.
    expect(b.since(0)).toEqual([]);
    expect(tally(a, answer)).toMatchObject({ up: 0, down: 0 });
    expect(await deliverVotes(a, relay)).toBe(3);
    expect(tally(a, answer)).toEqual({ up: 1, down: 1, reasons: { wrong_figure: 1 } });
    // Delivered once: the mailbox is empty after.
    expect(await deliverVotes(a, relay)).toBe(0);
  });

  it("stores a vote on its own answer at once, and never relays one without a relay", async () => {
    const relay = new MemoryVoteRelay();
    const a = record();
    const answer = ask(a);
    expect(
      recordVote({ questions: a, votes: relay, logger: silentLogger() }, "slack", answer, "U1", "up"),
    ).toBe(true);
    expect(tally(a, answer)).toMatchObject({ up: 1 });
    // One instance alone (no Redis): another record's answer is not in this one, and nothing is sent.
    const b = record();
    expect(recordVote({ questions: b, logger: silentLogger() }, "slack", answer, "U2", "up")).toBe(false);
    expect(await relay.take(a.owner, 10)).toEqual([]);
  });
});

describe.skipIf(!hasRedisServer)("the vote mailbox on a real Redis", () => {
  let redis: TestRedis;
  let one: RedisLink;
  let two: RedisLink;
  beforeAll(async () => {
    redis = await startRedis();
    one = await connectRedis(redis.url, silentLogger());
    two = await connectRedis(redis.url, silentLogger());
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await redis?.close();
  });

  it("delivers what one client sends to the owner reading with another, in order, each once, in batches", async () => {
    const sender: VoteRelay = new RedisVoteRelay(one.client);
    const owner: VoteRelay = new RedisVoteRelay(two.client);
    const sent = Array.from({ length: 7 }, (_, i) => ({
      answerId: `own${i}`,
      user: `U${i}`,
      vote: "up" as const,
    }));
    for (const vote of sent) await sender.send("owner-1", vote);
    await sender.send("owner-2", { answerId: "x", user: "U9", vote: "down" });
    const first = await owner.take("owner-1", 5);
    const rest = await owner.take("owner-1", 5);
    expect([...first, ...rest]).toEqual(sent);
    expect(await owner.take("owner-1", 5)).toEqual([]);
    expect(await owner.take("owner-2", 5)).toHaveLength(1);
    expect(await one.client.pttl("gapbot:votes:owner-1")).toBe(-2);
  });

  it("moves a vote through Redis into the record that holds its answer", async () => {
    const a = record();
    const b = record();
    const answer = ask(a);
    const onB = { questions: b, votes: new RedisVoteRelay(one.client), logger: silentLogger() };
    recordVote(onB, "slack", answer, "U1", "up");
    await new Promise((r) => setTimeout(r, 50));
    expect(await one.client.pttl(`gapbot:votes:${a.owner}`)).toBeGreaterThan(0);
    expect(await deliverVotes(a, new RedisVoteRelay(two.client))).toBe(1);
    expect(tally(a, answer)).toMatchObject({ up: 1, down: 0 });
  });
});
