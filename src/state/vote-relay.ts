// Votes on an answer another instance recorded. Each instance keeps its own question record (DATA_DIR), and an
// answer id starts with its record's owner name; a 👍/👎 that reaches another instance is put in that owner's
// mailbox on Redis, and the owner moves it into its record a moment later. The mailbox holds the voter's
// platform user id until then (the record itself keeps only a keyed hash of it), at most a day.
// https://redis.io/docs/latest/develop/data-types/lists/
import type { Redis } from "ioredis";
import type { Logger } from "../log.js";
import type { QuestionLog, Vote, VoteReason } from "../storage/question-log.js";
import { KEY_PREFIX } from "./redis-stores.js";

export interface RelayedVote {
  answerId: string;
  user: string;
  /** A 👍/👎, or the reason given after a 👎. */
  vote: Vote | { reason: VoteReason };
}

export interface VoteRelay {
  /** Puts a vote in the owner's mailbox. */
  send(owner: string, vote: RelayedVote): Promise<void>;
  /** Takes up to `max` votes from the owner's mailbox, oldest first. */
  take(owner: string, max: number): Promise<RelayedVote[]>;
}

/** A vote not moved into its record within this long is dropped (its owner is gone for good). */
export const MAILBOX_TTL_MS = 24 * 60 * 60_000;
/** How often an instance moves the votes others received for it into its record. */
export const DELIVER_EVERY_MS = 2_000;

const mailbox = (owner: string) => `${KEY_PREFIX}votes:${owner}`;

export class RedisVoteRelay implements VoteRelay {
  constructor(private readonly redis: Redis) {}

  async send(owner: string, vote: RelayedVote): Promise<void> {
    await this.redis
      .multi()
      .rpush(mailbox(owner), JSON.stringify(vote))
      .pexpire(mailbox(owner), MAILBOX_TTL_MS)
      .exec();
  }

  async take(owner: string, max: number): Promise<RelayedVote[]> {
    // Read and trim in one transaction, so that no vote pushed in between is dropped or read twice.
    const result = await this.redis
      .multi()
      .lrange(mailbox(owner), 0, max - 1)
      .ltrim(mailbox(owner), max, -1)
      .exec();
    const [read] = result ?? [];
    if (!read || read[0]) throw read?.[0] ?? new Error("vote relay: no answer from Redis");
    return (read[1] as string[]).flatMap((raw) => {
      try {
        return [JSON.parse(raw) as RelayedVote];
      } catch {
        return [];
      }
    });
  }
}

/** In process (tests; one instance never needs it: every answer is its own). */
export class MemoryVoteRelay implements VoteRelay {
  private readonly boxes = new Map<string, RelayedVote[]>();

  async send(owner: string, vote: RelayedVote): Promise<void> {
    const box = this.boxes.get(owner) ?? [];
    box.push(vote);
    this.boxes.set(owner, box);
  }

  async take(owner: string, max: number): Promise<RelayedVote[]> {
    return (this.boxes.get(owner) ?? []).splice(0, max);
  }
}

/** Moves every vote waiting in this record's mailbox into it; returns how many were stored. */
export async function deliverVotes(questions: QuestionLog, relay: VoteRelay, batch = 100): Promise<number> {
  let stored = 0;
  for (;;) {
    const votes = await relay.take(questions.owner, batch);
    for (const { answerId, user, vote } of votes) {
      const ok =
        typeof vote === "string"
          ? questions.vote(answerId, user, vote)
          : questions.explain(answerId, user, vote.reason);
      if (ok) stored++;
    }
    if (votes.length < batch) return stored;
  }
}

/** Delivers every DELIVER_EVERY_MS until stopped; a failed round (Redis away) is logged and tried again. */
export function deliverVotesEvery(
  questions: QuestionLog,
  relay: VoteRelay,
  logger: Logger,
  everyMs = DELIVER_EVERY_MS,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverVotes(questions, relay)
      .catch((err: unknown) => logger.warn({ err }, "votes from other instances not delivered yet"))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
