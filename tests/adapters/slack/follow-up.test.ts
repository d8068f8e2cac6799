// Thread follow-ups through the real Bolt app in HTTP mode: after gapbot answered a mention, a reply in its
// thread without a mention is answered, read against the thread's last question; gapbot's own messages,
// other bots' and threads it never answered in are let be. Context lives in the state store (KeyValueStore).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import {
  BOT_ID,
  BOT_USER_ID,
  eventually,
  type SlackApiStandIn,
  startSlackApiStandIn,
} from "../../helpers/slack-api-stand-in.js";
import { allStrings } from "../../helpers/slack-block-kit.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { type HttpSlack, startHttpSlack } from "../../helpers/slack-http.js";
import { eventCallback } from "../../helpers/slack-requests.js";

const core = fixtureCore();
let api: SlackApiStandIn;
let app: HttpSlack;
let threads: MemoryKeyValueStore;
let n = 0;
const ts = () => `17000020${String(++n).padStart(2, "0")}.000100`;

function channelMessage(text: string, threadTs: string | undefined, extra: Record<string, unknown> = {}) {
  const at = ts();
  return {
    at,
    event: {
      type: "message",
      channel_type: "channel",
      channel: "C0001",
      user: "U0001",
      text,
      ts: at,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...extra,
    },
  };
}

beforeAll(async () => {
  api = await startSlackApiStandIn();
  threads = new MemoryKeyValueStore();
  app = await startHttpSlack(api, { core, threads });
});
afterAll(async () => {
  await app.slack.stop();
  await api.close();
});

/** Sends the event and waits for it to be handled (Bolt acks HTTP events before the listener ends). */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 150));
}

async function mentionThread(question: string): Promise<string> {
  const root = ts();
  const before = api.callsTo("chat.postMessage").length;
  await app.send(
    eventCallback(`Ev-${root}`, {
      type: "app_mention",
      user: "U0001",
      text: `<@${BOT_USER_ID}> ${question}`,
      ts: root,
      channel: "C0001",
    }),
  );
  const post = await eventually(() => api.callsTo("chat.postMessage")[before]);
  expect(post.body.thread_ts).toBe(root);
  return root;
}

describe("Slack thread follow-ups", () => {
  it("given a mention then 'and China?' in its thread without a mention, answers in the thread, read as China's", async () => {
    const root = await mentionThread("what is the US's computing power?");
    const before = api.callsTo("chat.postMessage").length;
    const reply = channelMessage("and China?", root);
    await app.send(eventCallback(`Ev-${reply.at}`, reply.event));
    const post = await eventually(() => api.callsTo("chat.postMessage")[before]);
    expect(post.body.thread_ts).toBe(root);
    const strings = allStrings(post.body.blocks);
    expect(strings.some((t) => t.startsWith("Reading this as: what is China's computing power?"))).toBe(true);
    expect(String(post.body.text)).toMatch(/China/);
    expect(String(post.body.text)).toMatch(/1053|1,053/);
  });

  it("given 'why?' in the thread, shows the last answer's sources, word for word", async () => {
    const root = await mentionThread("what is the US's computing power?");
    const before = api.callsTo("chat.postMessage").length;
    const why = channelMessage("why?", root);
    await app.send(eventCallback(`Ev-${why.at}`, why.event));
    const post = await eventually(() => api.callsTo("chat.postMessage")[before]);
    expect(post.body.thread_ts).toBe(root);
    expect(JSON.stringify(post.body.blocks)).toMatch(/¶/);
  });

  it("ignores its own messages, other bots' messages and 'thanks' in the thread", async () => {
    const root = await mentionThread("what is the US's computing power?");
    const before = api.callsTo("chat.postMessage").length;
    const own = channelMessage("and China?", root, { user: BOT_USER_ID, bot_id: BOT_ID });
    const otherBot = channelMessage("and China?", root, {
      subtype: "bot_message",
      bot_id: "B0OTHER",
      user: undefined,
    });
    const otherBotAsUser = channelMessage("and China?", root, { user: "U0BOT2", bot_id: "B0OTHER" });
    const thanks = channelMessage("thanks!", root);
    for (const m of [own, otherBot, otherBotAsUser, thanks])
      await app.send(eventCallback(`Ev-${m.at}`, m.event));
    await settle();
    expect(api.callsTo("chat.postMessage").length).toBe(before);
  });

  it("ignores replies in threads it never answered in, channel messages outside threads, and replies that mention it", async () => {
    const before = api.callsTo("chat.postMessage").length;
    const stranger = channelMessage("and China?", "1699999999.000100");
    const top = channelMessage("and China?", undefined);
    const root = await mentionThread("what is the US's computing power?");
    const mentioned = channelMessage(`<@${BOT_USER_ID}> and China?`, root);
    for (const m of [stranger, top, mentioned]) await app.send(eventCallback(`Ev-${m.at}`, m.event));
    await settle();
    // The one post is the mention's own answer; the mention in the thread is app_mention's to answer.
    expect(api.callsTo("chat.postMessage").length).toBe(before + 1);
  });

  it("given a thread's context older than a day, lets the reply be", async () => {
    let now = Date.now();
    const store = new MemoryKeyValueStore(100, () => now);
    const api2 = await startSlackApiStandIn();
    const app2 = await startHttpSlack(api2, { core, threads: store });
    try {
      const root = ts();
      await app2.send(
        eventCallback(`Ev-old-${root}`, {
          type: "app_mention",
          user: "U0001",
          text: `<@${BOT_USER_ID}> /gap compute`,
          ts: root,
          channel: "C0001",
        }),
      );
      await eventually(() => api2.callsTo("chat.postMessage")[0]);
      now += 24 * 60 * 60 * 1000 + 1;
      const late = channelMessage("and China?", root);
      await app2.send(eventCallback(`Ev-${late.at}`, late.event));
      await settle();
      expect(api2.callsTo("chat.postMessage")).toHaveLength(1);
    } finally {
      await app2.slack.stop();
      await api2.close();
    }
  });
});

describe("Slack with follow-ups off", () => {
  it("answers the mention and lets a reply without a mention be", async () => {
    const api2 = await startSlackApiStandIn();
    const app2 = await startHttpSlack(api2, { core });
    try {
      const root = ts();
      await app2.send(
        eventCallback(`Ev-off-${root}`, {
          type: "app_mention",
          user: "U0001",
          text: `<@${BOT_USER_ID}> /gap compute`,
          ts: root,
          channel: "C0001",
        }),
      );
      await eventually(() => api2.callsTo("chat.postMessage")[0]);
      const reply = channelMessage("and China?", root);
      await app2.send(eventCallback(`Ev-${reply.at}`, reply.event));
      await settle();
      expect(api2.callsTo("chat.postMessage")).toHaveLength(1);
    } finally {
      await app2.slack.stop();
      await api2.close();
    }
  });
});

describe("Slack progress", () => {
  it("given a turn slower than the threshold, puts 👀 on the question and takes it away after answering", async () => {
    // A state store that answers slowly, as a remote one may: the turn outlasts the threshold.
    const slow = new MemoryKeyValueStore();
    const get = slow.get.bind(slow);
    slow.get = async (key) => {
      await new Promise((resolve) => setTimeout(resolve, 120));
      return get(key);
    };
    const api2 = await startSlackApiStandIn();
    const app2 = await startHttpSlack(api2, { core, threads: slow }, {}, { progressAfterMs: 50 });
    try {
      const root = ts();
      await app2.send(
        eventCallback(`Ev-slow-${root}`, {
          type: "app_mention",
          user: "U0001",
          text: `<@${BOT_USER_ID}> /gap compute`,
          ts: root,
          channel: "C0001",
        }),
      );
      await eventually(() => api2.callsTo("reactions.remove")[0]);
      expect(
        api2.calls.map((c) => c.method).filter((m) => m.startsWith("reactions.") || m === "chat.postMessage"),
      ).toEqual(["reactions.add", "chat.postMessage", "reactions.remove"]);
      expect(api2.callsTo("reactions.add")[0]?.body).toMatchObject({
        channel: "C0001",
        timestamp: root,
        name: "eyes",
      });
    } finally {
      await app2.slack.stop();
      await api2.close();
    }
  });

  it("given a quick turn, shows nothing", async () => {
    expect(api.callsTo("reactions.add")).toEqual([]);
  });
});
