// Thread follow-ups through the real Bolt app in HTTP mode: after gapbot answered a mention, a reply in its
// thread without a mention is answered, read against the thread's last question; gapbot's own messages,
// other bots' and threads it never answered in are let be. Context lives in the state store (KeyValueStore).
import { describe, expect, it } from "vitest";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import { BOT_ID, BOT_USER_ID, eventually } from "../../helpers/slack-api-stand-in.js";
import { allStrings } from "../../helpers/slack-block-kit.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { httpSlackForTests, type SlackUnderTest, withHttpSlack } from "../../helpers/slack-http.js";
import { appMention, eventCallback } from "../../helpers/slack-requests.js";

const core = fixtureCore();
const app = httpSlackForTests({ core, threads: new MemoryKeyValueStore() });
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

/** Sends the event and waits for it to be handled (Bolt acks HTTP events before the listener ends). */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 150));
}

/** Mentions the bot in C0001 with `question` and waits for its answer in the new thread; the thread's ts. */
async function mentionThread(question: string, on: SlackUnderTest = app): Promise<string> {
  const root = ts();
  const before = on.api.callsTo("chat.postMessage").length;
  await on.send(appMention(`Ev-${root}`, { channel: "C0001", ts: root, text: question }));
  const post = await eventually(() => on.api.callsTo("chat.postMessage")[before]);
  expect(post.body.thread_ts).toBe(root);
  return root;
}

describe("Slack thread follow-ups", () => {
  it("given a mention then 'and China?' in its thread without a mention, answers in the thread, read as China's", async () => {
    const root = await mentionThread("what is the US's computing power?");
    const before = app.api.callsTo("chat.postMessage").length;
    const reply = channelMessage("and China?", root);
    await app.send(eventCallback(`Ev-${reply.at}`, reply.event));
    const post = await eventually(() => app.api.callsTo("chat.postMessage")[before]);
    expect(post.body.thread_ts).toBe(root);
    const strings = allStrings(post.body.blocks);
    expect(strings.some((t) => t.startsWith("Reading this as: what is China's computing power?"))).toBe(true);
    expect(String(post.body.text)).toMatch(/China/);
    expect(String(post.body.text)).toMatch(/1053|1,053/);
  });

  it("given 'why?' in the thread, shows the last answer's sources, word for word", async () => {
    const root = await mentionThread("what is the US's computing power?");
    const before = app.api.callsTo("chat.postMessage").length;
    const why = channelMessage("why?", root);
    await app.send(eventCallback(`Ev-${why.at}`, why.event));
    const post = await eventually(() => app.api.callsTo("chat.postMessage")[before]);
    expect(post.body.thread_ts).toBe(root);
    expect(JSON.stringify(post.body.blocks)).toMatch(/¶/);
  });

  it("ignores its own messages, other bots' messages and 'thanks' in the thread", async () => {
    const root = await mentionThread("what is the US's computing power?");
    const before = app.api.callsTo("chat.postMessage").length;
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
    expect(app.api.callsTo("chat.postMessage").length).toBe(before);
  });

  it("ignores replies in threads it never answered in, channel messages outside threads, and replies that mention it", async () => {
    const before = app.api.callsTo("chat.postMessage").length;
    const stranger = channelMessage("and China?", "1699999999.000100");
    const top = channelMessage("and China?", undefined);
    const root = await mentionThread("what is the US's computing power?");
    const mentioned = channelMessage(`<@${BOT_USER_ID}> and China?`, root);
    for (const m of [stranger, top, mentioned]) await app.send(eventCallback(`Ev-${m.at}`, m.event));
    await settle();
    // The one post is the mention's own answer; the mention in the thread is app_mention's to answer.
    expect(app.api.callsTo("chat.postMessage").length).toBe(before + 1);
  });

  it("given a thread's context older than a day, lets the reply be", async () => {
    let now = Date.now();
    const store = new MemoryKeyValueStore(100, () => now);
    await withHttpSlack({ core, threads: store }, async (own) => {
      const root = await mentionThread("/gap compute", own);
      now += 24 * 60 * 60 * 1000 + 1;
      const late = channelMessage("and China?", root);
      await own.send(eventCallback(`Ev-${late.at}`, late.event));
      await settle();
      expect(own.api.callsTo("chat.postMessage")).toHaveLength(1);
    });
  });
});

describe("Slack with follow-ups off", () => {
  it("answers the mention and lets a reply without a mention be", async () => {
    await withHttpSlack({ core }, async (own) => {
      const root = await mentionThread("/gap compute", own);
      const reply = channelMessage("and China?", root);
      await own.send(eventCallback(`Ev-${reply.at}`, reply.event));
      await settle();
      expect(own.api.callsTo("chat.postMessage")).toHaveLength(1);
    });
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
    await withHttpSlack(
      { core, threads: slow },
      async (own) => {
        const root = ts();
        await own.send(appMention(`Ev-slow-${root}`, { channel: "C0001", ts: root, text: "/gap compute" }));
        await eventually(() => own.api.callsTo("reactions.remove")[0]);
        expect(
          own.api.calls
            .map((c) => c.method)
            .filter((m) => m.startsWith("reactions.") || m === "chat.postMessage"),
        ).toEqual(["reactions.add", "chat.postMessage", "reactions.remove"]);
        expect(own.api.callsTo("reactions.add")[0]?.body).toMatchObject({
          channel: "C0001",
          timestamp: root,
          name: "eyes",
        });
      },
      { progressAfterMs: 50 },
    );
  });

  it("given a quick turn, shows nothing", async () => {
    expect(app.api.callsTo("reactions.add")).toEqual([]);
  });
});
