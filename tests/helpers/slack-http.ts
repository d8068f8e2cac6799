// The Slack adapter in HTTP mode on 127.0.0.1, wired to the Web API stand-in: one place for the settings
// every HTTP-mode test shares, so that each test says only what it changes.

import type { AdapterContext } from "../../src/adapters/adapter.js";
import { type RunningSlack, type SlackStartOptions, startSlack } from "../../src/adapters/slack/index.js";
import type { SlackSettings } from "../../src/config/settings.js";
import { silentLogger } from "../../src/log.js";
import { MemorySeenStore } from "../../src/runtime/seen-store.js";
import { MemoryKeyValueStore } from "../../src/state/kv.js";
import { type ApiCall, type SlackApiStandIn, startSlackApiStandIn } from "./slack-api-stand-in.js";
import { type SendOptions, type SlackBody, sendToApp } from "./slack-requests.js";
import { startedForTests } from "./started-for-tests.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-1111-2222-gapbot-test-token";

/** HTTP-mode settings against the stand-in, on a free port. */
export function httpSettings(api: SlackApiStandIn, overrides: Partial<SlackSettings> = {}): SlackSettings {
  return {
    mode: "http",
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: api.url,
    port: 0,
    replyVisibility: "ephemeral",
    ...overrides,
  };
}

export interface HttpSlack {
  slack: RunningSlack;
  /** The events URL Slack would call. */
  events: string;
  /** Sends a body signed with the signing secret (or as `options` say). */
  send: (body: SlackBody, options?: Partial<SendOptions>) => Promise<Response>;
}

/** Starts the adapter: a silent logger, a fresh seen-store and no retries unless the caller says. */
export async function startHttpSlack(
  api: SlackApiStandIn,
  ctx: Partial<AdapterContext> & Pick<AdapterContext, "core">,
  overrides: Partial<SlackSettings> = {},
  options: SlackStartOptions = {},
): Promise<HttpSlack> {
  const slack = await startSlack(
    httpSettings(api, overrides),
    { logger: silentLogger(), seen: new MemorySeenStore(), kv: new MemoryKeyValueStore(), ...ctx },
    { host: "127.0.0.1", retries: 0, ...options },
  );
  const events = `http://127.0.0.1:${slack.port}/slack/events`;
  return {
    slack,
    events,
    send: (body, sendOptions) => sendToApp(events, body, { secret: SIGNING_SECRET, ...sendOptions }),
  };
}

type TestContext = Partial<AdapterContext> & Pick<AdapterContext, "core">;

/** The adapter and the stand-in it talks to. */
export interface SlackUnderTest extends HttpSlack {
  api: SlackApiStandIn;
  /** The chat.postMessage calls made to `channel` so far. */
  postsTo(channel: string): ApiCall[];
}

async function startUnderTest(
  ctx: TestContext,
  overrides: Partial<SlackSettings>,
  options: SlackStartOptions,
): Promise<SlackUnderTest & { stop(): Promise<void> }> {
  const api = await startSlackApiStandIn();
  const app = await startHttpSlack(api, ctx, overrides, options);
  return {
    ...app,
    api,
    postsTo: (channel) => api.callsTo("chat.postMessage").filter((c) => c.body.channel === channel),
    async stop() {
      await app.slack.stop();
      await api.close();
    },
  };
}

/**
 * A stand-in and the adapter on it for the tests of a file (or of a describe block, when called inside
 * one): started before them, stopped after them. Its parts are read through the returned object in tests.
 */
export function httpSlackForTests(
  ctx: TestContext,
  overrides: Partial<SlackSettings> = {},
  options: SlackStartOptions = {},
): SlackUnderTest {
  const current = startedForTests(
    "the Slack adapter",
    () => startUnderTest(ctx, overrides, options),
    (under) => under.stop(),
  );
  return {
    get api() {
      return current().api;
    },
    get slack() {
      return current().slack;
    },
    get events() {
      return current().events;
    },
    send: (body, sendOptions) => current().send(body, sendOptions),
    postsTo: (channel) => current().postsTo(channel),
  };
}

/** A stand-in and an adapter of their own for one test's `work`, stopped after it whatever happens. */
export async function withHttpSlack<T>(
  ctx: TestContext,
  work: (under: SlackUnderTest) => Promise<T>,
  options: SlackStartOptions = {},
): Promise<T> {
  const under = await startUnderTest(ctx, {}, options);
  try {
    return await work(under);
  } finally {
    await under.stop();
  }
}
