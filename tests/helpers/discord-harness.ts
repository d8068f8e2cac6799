// The Discord adapter running for real (discord.js Client, our handlers, the real core) against the stand-in.
import { join } from "node:path";
import type { APIMessage } from "discord.js";
import type { AdapterContext, RunningAdapter } from "../../src/adapters/adapter.js";
import { type DiscordAdapterOptions, startDiscord } from "../../src/adapters/discord/index.js";
import type { DiscordMessage } from "../../src/adapters/discord/render.js";
import type { Card, Core, Request } from "../../src/core/index.js";
import { createCore } from "../../src/core/index.js";
import { silentLogger } from "../../src/log.js";
import { MemorySeenStore } from "../../src/runtime/seen-store.js";
import { MemoryKeyValueStore } from "../../src/state/kv.js";
import { DiscordStandIn, eventually, type RecordedRequest, type StandInOptions } from "./discord-stand-in.js";
import { startedForTests } from "./started-for-tests.js";

/** The small, stable knowledge the core tests use: the same answers whatever the real knowledge/ holds. */
export const FIXTURE_KNOWLEDGE = join(import.meta.dirname, "..", "fixtures", "mini-knowledge");

let fixtureCore: Core | undefined;
export function testCore(): Core {
  fixtureCore ??= createCore({ knowledgeDir: FIXTURE_KNOWLEDGE });
  return fixtureCore;
}

export interface Harness {
  standIn: DiscordStandIn;
  adapter: RunningAdapter;
  core: Core;
  /** Dispatches an INTERACTION_CREATE and waits for the interaction's callback (type 4, 5, 8…). */
  interact(payload: { id: string; token: string }): Promise<RecordedRequest>;
  /** The same, and the callback's body: its type and message data (with autocomplete's choices). */
  respond(payload: { id: string; token: string }): Promise<InteractionResponse>;
  /** Dispatches MESSAGE_CREATE and waits for the bot's message that replies to it. */
  answerTo(message: { id: string }): Promise<APIMessage>;
  /** A reply to `to` (one of the bot's messages), pinging its author as Discord does by default. */
  replyTo(to: { id: string; channel_id: string }, content: string): { id: string; [field: string]: unknown };
  stop(): Promise<void>;
}

export interface InteractionResponse {
  type: number;
  data: DiscordMessage & { choices?: { name: string; value: string }[] };
}

export interface HarnessOptions {
  core?: Core;
  adapter?: DiscordAdapterOptions;
  standIn?: StandInOptions;
  rateLimit?: AdapterContext["rateLimit"];
  channelSettings?: AdapterContext["channelSettings"];
  questions?: AdapterContext["questions"];
  threads?: AdapterContext["threads"];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const standIn = await DiscordStandIn.start(options.standIn);
  const core = options.core ?? testCore();
  const adapter = await startDiscord(
    { token: standIn.token, apiUrl: standIn.apiUrl },
    {
      core,
      logger: silentLogger(),
      seen: new MemorySeenStore(),
      kv: new MemoryKeyValueStore(),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      ...(options.channelSettings ? { channelSettings: options.channelSettings } : {}),
      ...(options.questions ? { questions: options.questions } : {}),
      ...(options.threads ? { threads: options.threads } : {}),
    },
    options.adapter,
  );
  const interact = (payload: { id: string; token: string }) => {
    standIn.dispatch("INTERACTION_CREATE", payload);
    const path = `/v10/interactions/${payload.id}/${payload.token}/callback`;
    return eventually(() => standIn.requests.find((r) => r.path === path), `the callback for ${payload.id}`);
  };
  return {
    standIn,
    adapter,
    core,
    interact,
    respond: async (payload) => (await interact(payload)).body as InteractionResponse,
    answerTo(message) {
      standIn.dispatch("MESSAGE_CREATE", message);
      return eventually(
        () => standIn.sent.find((m) => m.message_reference?.message_id === message.id),
        `a reply to ${message.id}`,
      );
    },
    replyTo: (to, content) => ({
      ...standIn.message(content, { mentionsBot: true }),
      type: 19,
      message_reference: { message_id: to.id, channel_id: to.channel_id, guild_id: standIn.guildId },
      referenced_message: to,
    }),
    async stop() {
      await adapter.stop();
      await standIn.close();
    },
  };
}

/**
 * One harness for the tests of a file (or of a describe block, when called inside one): started before
 * them, stopped after them. Its parts are read through the returned object once the tests run.
 */
export function harnessForTests(options: HarnessOptions = {}): Harness {
  const h = startedForTests(
    "the Discord harness",
    () => startHarness(options),
    (running) => running.stop(),
  );
  return {
    get standIn() {
      return h().standIn;
    },
    get adapter() {
      return h().adapter;
    },
    get core() {
      return h().core;
    },
    interact: (payload) => h().interact(payload),
    respond: (payload) => h().respond(payload),
    answerTo: (message) => h().answerTo(message),
    replyTo: (to, content) => h().replyTo(to, content),
    stop: () => h().stop(),
  };
}

/** The real core, remembering each request it was asked: to check what the adapter made of an event. */
export function recordingCore(core: Core = testCore()): Core & { requests: (Request | string)[] } {
  const requests: (Request | string)[] = [];
  return {
    requests,
    knowledge: core.knowledge,
    answer: (request) => {
      requests.push(request);
      return core.answer(request);
    },
    complete: (kind, input, limit) => core.complete(kind, input, limit),
    followUp: (previous, text) => core.followUp(previous, text),
    catalog: () => core.catalog(),
  };
}

/** The real core, but each answer arrives `delayMs` later, asynchronously (for the defer-then-edit path). */
export function slowCore(delayMs: number, core: Core = testCore()): Core {
  return {
    ...core,
    knowledge: core.knowledge,
    // The Core type says answer() returns a Card; a late answer is a promise of one, which the adapter
    // awaits (that is the path under test). The cast keeps the real core's type honest for everyone else.
    answer: (request) =>
      new Promise((resolve) => setTimeout(() => resolve(core.answer(request)), delayMs)) as unknown as Card,
  };
}
