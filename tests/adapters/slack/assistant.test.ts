// Slack's assistant surface through the real Bolt receiver (HTTP mode, signed requests) and the Web API
// stand-in: suggested prompts when a thread starts, then a status, a title and the card for each message.
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import {
  ASSISTANT_STATUS,
  suggestedPrompts,
  THREAD_TITLE_MAX,
  threadTitle,
} from "../../../src/adapters/slack/assistant-prompts.js";
import { BOT_EVENTS, BOT_SCOPES, slackManifest } from "../../../src/adapters/slack/manifest.js";
import { renderSlack } from "../../../src/adapters/slack/render.js";
import { requestFromQuery } from "../../../src/adapters/slack/requests.js";
import { eventually, TEAM_ID } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { httpSlackForTests } from "../../helpers/slack-http.js";
import { eventCallback } from "../../helpers/slack-requests.js";

const core = fixtureCore();
const app = httpSlackForTests({ core });
let n = 0;

/** A new assistant thread in its own DM channel, as Slack opens one. */
function thread() {
  n += 1;
  return { channel: `D0AS${n}`, thread_ts: `17000100${n}.000100` };
}

function threadStarted(t: { channel: string; thread_ts: string }) {
  return eventCallback(`Ev-as-start-${t.channel}`, {
    type: "assistant_thread_started",
    assistant_thread: {
      user_id: "U0001",
      context: { channel_id: "C0001", team_id: TEAM_ID, enterprise_id: null },
      channel_id: t.channel,
      thread_ts: t.thread_ts,
    },
  });
}

function userMessage(t: { channel: string; thread_ts: string }, text: string, id = `${t.channel}-${text}`) {
  return eventCallback(`Ev-as-${id}`, {
    type: "message",
    channel_type: "im",
    channel: t.channel,
    user: "U0001",
    text,
    ts: `${Number(t.thread_ts) + 1}.000200`,
    thread_ts: t.thread_ts,
  });
}

/** The calls made into one thread, in order, by method. */
function callsIn(t: { channel: string; thread_ts: string }) {
  return app.api.calls.filter(
    (c) =>
      (c.body.channel === t.channel && c.body.thread_ts === t.thread_ts) ||
      (c.body.channel_id === t.channel && c.body.thread_ts === t.thread_ts),
  );
}

describe("the assistant thread", () => {
  it("when a thread starts, offers the topics, a chip, a compare and a question as suggested prompts", async () => {
    const t = thread();
    await app.send(threadStarted(t));
    const call = await eventually(() => app.api.callsTo("assistant.threads.setSuggestedPrompts")[0]);
    expect(call.body).toEqual({
      channel_id: t.channel,
      thread_ts: t.thread_ts,
      title: "Try one of these",
      prompts: JSON.stringify(suggestedPrompts()),
    });
    const messages = suggestedPrompts().map((p) => p.message);
    expect(messages).toEqual([
      "/gap",
      "/chip 910B",
      commands.find((c) => c.name === "compare")?.examples[0],
      expect.any(String),
    ]);
    // Each prompt answers: none is a miss.
    for (const m of messages) expect(core.answer(requestFromQuery(m)).kind).not.toBe("not_found");
  });

  it("answers a question with the DM's card, after a status and with the question as the thread's title", async () => {
    const t = thread();
    const question = "How many developers does CUDA have?";
    await app.send(userMessage(t, question));
    const post = await eventually(() => callsIn(t).find((c) => c.method === "chat.postMessage"));
    expect(callsIn(t).map((c) => c.method)).toEqual([
      "assistant.threads.setStatus",
      "assistant.threads.setTitle",
      "chat.postMessage",
    ]);
    const [status, title] = callsIn(t);
    expect(status?.body).toEqual({ channel_id: t.channel, thread_ts: t.thread_ts, status: ASSISTANT_STATUS });
    expect(title?.body).toEqual({ channel_id: t.channel, thread_ts: t.thread_ts, title: question });
    expect(post.body).toEqual({
      ...where(t),
      ...renderSlack(core.answer(requestFromQuery(question)), { query: question }),
    });
  });

  it("reads a message that looks like a command as that command, since slash commands do not run there", async () => {
    const t = thread();
    await app.send(userMessage(t, "/chip 910B"));
    const post = await eventually(() => callsIn(t).find((c) => c.method === "chat.postMessage"));
    expect(post.body).toEqual({
      ...where(t),
      ...renderSlack(core.answer(requestFromQuery("/chip 910B")), { query: "/chip 910B" }),
    });
  });

  it("sets a status before every answer, not only the first", async () => {
    const t = thread();
    await app.send(userMessage(t, "/gap compute"));
    await eventually(() => callsIn(t).filter((c) => c.method === "chat.postMessage").length === 1);
    await app.send(userMessage(t, "/chip 910B"));
    await eventually(() => callsIn(t).filter((c) => c.method === "chat.postMessage").length === 2);
    const order = callsIn(t)
      .map((c) => c.method)
      .filter((m) => m !== "assistant.threads.setTitle");
    expect(order).toEqual([
      "assistant.threads.setStatus",
      "chat.postMessage",
      "assistant.threads.setStatus",
      "chat.postMessage",
    ]);
  });

  it("still answers when Slack refuses the status and the title (a thread that is not an assistant's)", async () => {
    app.api.answer("assistant.threads.setStatus", { ok: false, error: "not_allowed" });
    app.api.answer("assistant.threads.setTitle", { ok: false, error: "not_allowed" });
    try {
      const t = thread();
      await app.send(userMessage(t, "/gap compute"));
      const post = await eventually(() => callsIn(t).find((c) => c.method === "chat.postMessage"));
      expect(post.body.blocks).toEqual(
        renderSlack(core.answer(requestFromQuery("/gap compute")), { query: "/gap compute" }).blocks,
      );
    } finally {
      app.api.answer("assistant.threads.setStatus", { ok: true });
      app.api.answer("assistant.threads.setTitle", { ok: true });
    }
  });

  it("answers each message once: the DM listener leaves thread messages to the assistant", async () => {
    const t = thread();
    await app.send(userMessage(t, "/gap compute", "once"));
    await app.send(userMessage(t, "/chip 910B", "twice"));
    await eventually(() => callsIn(t).filter((c) => c.method === "chat.postMessage").length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(callsIn(t).filter((c) => c.method === "chat.postMessage")).toHaveLength(2);
  });
});

describe("help", () => {
  it("says slash commands do not run in the assistant panel, on /gapbot as everywhere", () => {
    // Help is written per platform: the assistant panel is Slack's.
    const help = core.answer({ command: "help", args: {}, platform: "slack" });
    expect(help.footer).toContain("slash commands do not run");
    expect(JSON.stringify(renderSlack(help, { query: "/help" }))).toContain("slash commands do not run");
  });
});

describe("thread titles", () => {
  it("keep a short question as it is, on one line", () => {
    expect(threadTitle("  How many\nGPUs?  ")).toBe("How many GPUs?");
  });

  it("cut a long question to the limit with an ellipsis, never inside a character", () => {
    const long = "算".repeat(200);
    const title = threadTitle(long);
    expect(Array.from(title)).toHaveLength(THREAD_TITLE_MAX);
    expect(title.endsWith("…")).toBe(true);
  });
});

describe("the manifest", () => {
  const manifest = slackManifest(commands);

  it("turns on the assistant view, with the same suggested prompts", () => {
    expect(manifest.features?.assistant_view).toEqual({
      assistant_description: expect.any(String),
      suggested_prompts: suggestedPrompts(),
    });
  });

  it("asks for assistant:write and the assistant's thread events", () => {
    expect(BOT_SCOPES).toContain("assistant:write");
    expect(BOT_EVENTS).toEqual(
      expect.arrayContaining(["assistant_thread_started", "assistant_thread_context_changed", "message.im"]),
    );
    expect(manifest.oauth_config?.scopes?.bot).toContain("assistant:write");
  });
});

function where(t: { channel: string; thread_ts: string }) {
  return { channel: t.channel, thread_ts: t.thread_ts };
}
