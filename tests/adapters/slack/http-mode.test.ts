// The real Bolt app in HTTP mode on 127.0.0.1, fed requests signed as Slack signs them, talking to a
// local stand-in for the Web API and for response_url.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands, findCommand } from "../../../commands/index.js";
import { type RunningSlack, startSlack } from "../../../src/adapters/slack/index.js";
import { slackPreview } from "../../../src/adapters/slack/preview.js";
import {
  ACTION_RUN_PREFIX,
  ACTION_SHARE,
  ACTION_SHOW_SOURCES,
  renderSlack,
  renderSlackHome,
  renderSlackSources,
} from "../../../src/adapters/slack/render.js";
import { buttonValue, commandQuery, requestFromQuery } from "../../../src/adapters/slack/requests.js";
import type { Core } from "../../../src/core/index.js";
import { createLogger } from "../../../src/log.js";
import { MemorySeenStore } from "../../../src/runtime/seen-store.js";
import { apologyCard } from "../../../src/runtime/turn.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import {
  BOT_ID,
  BOT_USER_ID,
  eventually,
  type SlackApiStandIn,
  startSlackApiStandIn,
  TEAM_ID,
} from "../../helpers/slack-api-stand-in.js";
import { allStrings, blockKitProblems } from "../../helpers/slack-block-kit.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { BOT_TOKEN, httpSettings, SIGNING_SECRET as SECRET } from "../../helpers/slack-http.js";
import {
  blockActions,
  eventCallback,
  sendToApp,
  slashCommand,
  urlVerification,
} from "../../helpers/slack-requests.js";

function captureLogs() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: "trace", destination }), lines };
}

const HOSTILE_TEXT = "<!channel> <!here> <@U123> Tom & Jerry *bold* _x_ ~s~ `code` <http://evil|click>";
const RAW = ["<!channel>", "<!here>", "<@U123>", "<http://evil|click>"];

describe("Slack adapter, HTTP mode", () => {
  const core = fixtureCore();
  const logs = captureLogs();
  let api: SlackApiStandIn;
  let slack: RunningSlack;
  let events: string;
  let base: string;
  let processHealthy = true;
  let n = 0;
  const send = (
    body: Parameters<typeof sendToApp>[1],
    options: Partial<Parameters<typeof sendToApp>[2]> = {},
  ) => sendToApp(events, body, { secret: SECRET, ...options });
  /** A DM whose reply proves every event sent before it has been handled. */
  const sentinel = async (): Promise<string> => {
    const channel = `D0SENT${++n}`;
    await send(eventCallback(`Ev-sentinel-${n}`, dm("/gapbot", `1700009${n}.000100`, channel)));
    await eventually(() => api.callsTo("chat.postMessage").find((c) => c.body.channel === channel));
    return channel;
  };

  beforeAll(async () => {
    api = await startSlackApiStandIn();
    slack = await startSlack(
      httpSettings(api),
      {
        core,
        logger: logs.logger,
        seen: new MemorySeenStore(),
        kv: new MemoryKeyValueStore(),
        health: () => processHealthy,
      },
      { host: "127.0.0.1", retries: 0 },
    );
    base = `http://127.0.0.1:${slack.port}`;
    events = `${base}/slack/events`;
  });

  afterAll(async () => {
    await slack?.stop();
    await api?.close();
  });

  it("on start-up, checks the bot token with auth.test and listens on the port it picked", () => {
    expect(api.callsTo("auth.test")).toEqual([{ method: "auth.test", body: {}, token: BOT_TOKEN }]);
    expect(slack.port).toBeGreaterThan(0);
    expect(slack.healthy()).toBe(true);
  });

  it("given Slack's url_verification, echoes the challenge", async () => {
    const res = await send(urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("given a bad signature, answers 401 and runs nothing", async () => {
    const before = api.responses.length;
    const res = await send(slashCommand("/gap", "compute", api.responseUrl("forged")), {
      signature: "v0=deadbeef",
    });
    expect(res.status).toBe(401);
    const wrongSecret = await sendToApp(events, slashCommand("/gap", "compute", api.responseUrl("forged")), {
      secret: "not-the-secret",
    });
    expect(wrongSecret.status).toBe(401);
    await sentinel();
    expect(api.responses.length).toBe(before);
  });

  it("given a timestamp older than five minutes (a replay), answers 401", async () => {
    const res = await send(slashCommand("/gap", "compute", api.responseUrl("replay")), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
    await sentinel();
    expect(api.responsesTo("replay")).toEqual([]);
  });

  it("GET /healthz answers 200 while the process is healthy and 503 when it is not", async () => {
    const ok = await fetch(`${base}/healthz`);
    expect([ok.status, await ok.json()]).toEqual([200, { ok: true }]);
    processHealthy = false;
    const down = await fetch(`${base}/healthz`);
    processHealthy = true;
    expect([down.status, await down.json()]).toEqual([503, { ok: false }]);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  const examples: Record<string, string> = {
    gap: "compute",
    chip: "910B",
    model: "Mythos",
    compare: "Mythos vs DeepSeek V4 Pro",
    ask: "How many GPUs will Meta deploy by the end of 2026?",
    source: "24",
    help: "",
  };

  it.each(commands.map((c) => [c.slack_name ?? c.name, c.name]))(
    "given /%s, acks at once with an empty 200 and answers ephemeral through response_url with renderSlack's payload",
    async (slackName, name) => {
      const command = findCommand(name);
      if (!command) throw new Error(name);
      const text = examples[name] ?? "";
      const id = `cmd-${name}`;
      const res = await send(slashCommand(`/${slackName}`, text, api.responseUrl(id)));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("");
      const [reply] = await eventually(() => api.responsesTo(id).length > 0 && api.responsesTo(id));
      const query = commandQuery(command, text);
      const card = core.answer({ ...requestFromQuery(query), platform: "slack" });
      expect(reply?.body).toEqual({
        response_type: "ephemeral",
        ...renderSlack(card, { ephemeral: true, query }),
      });
      // What `gapbot render --platform slack "/<command> <text>"` prints is what was sent.
      const typed = `/${slackName} ${text}`.trim();
      expect(reply?.body).toEqual({ response_type: "ephemeral", ...slackPreview(core, typed) });
    },
  );

  it("given an @mention in a channel, answers in the thread of the mention with chat.postMessage", async () => {
    const ts = "1700000100.000100";
    await send(
      eventCallback("Ev-mention-1", mention(`<@${BOT_USER_ID}> How many data centers does the US have?`, ts)),
    );
    const reply = await eventually(() =>
      api.callsTo("chat.postMessage").find((c) => c.body.thread_ts === ts),
    );
    const query = "How many data centers does the US have?";
    expect(reply).toEqual({
      method: "chat.postMessage",
      token: BOT_TOKEN,
      teamId: TEAM_ID,
      body: {
        channel: "C0001",
        thread_ts: ts,
        ...renderSlack(core.answer({ ...requestFromQuery(query), platform: "slack" }), { query }),
      },
    });
    expect(reply?.body).toEqual({
      channel: "C0001",
      thread_ts: ts,
      ...slackPreview(core, query, { ephemeral: false }),
    });
  });

  it("given an @mention inside a thread, answers in that thread, not in a new one", async () => {
    const parent = "1700000150.000100";
    await send(
      eventCallback("Ev-mention-2", mention(`<@${BOT_USER_ID}> /chip 910B`, "1700000200.000100", parent)),
    );
    const reply = await eventually(() =>
      api.callsTo("chat.postMessage").find((c) => c.body.thread_ts === parent),
    );
    expect(reply?.body.channel).toBe("C0001");
    expect(api.callsTo("chat.postMessage").some((c) => c.body.thread_ts === "1700000200.000100")).toBe(false);
  });

  it("given a bare @mention, answers with help", async () => {
    const ts = "1700000250.000100";
    await send(eventCallback("Ev-mention-3", mention(`<@${BOT_USER_ID}>`, ts)));
    const reply = await eventually(() =>
      api.callsTo("chat.postMessage").find((c) => c.body.thread_ts === ts),
    );
    expect(reply?.body.blocks).toEqual(
      renderSlack(core.answer({ command: "help", args: {}, platform: "slack" }), { query: "/help" }).blocks,
    );
  });

  it("given a direct message, answers in the DM (message.im)", async () => {
    const ts = "1700000300.000100";
    await send(eventCallback("Ev-dm-1", dm("How many developers does CUDA have?", ts, "D0001")));
    const reply = await eventually(() =>
      api.callsTo("chat.postMessage").find((c) => c.body.channel === "D0001"),
    );
    const query = "How many developers does CUDA have?";
    expect(reply?.body).toEqual({
      channel: "D0001",
      ...renderSlack(core.answer({ ...requestFromQuery(query), platform: "slack" }), { query }),
    });
  });

  it("given a DM that also mentions the bot, answers the question without the mention", async () => {
    await send(eventCallback("Ev-dm-2", dm(`<@${BOT_USER_ID}> /chip 910B`, "1700000350.000100", "D0004")));
    const reply = await eventually(() =>
      api.callsTo("chat.postMessage").find((c) => c.body.channel === "D0004"),
    );
    expect(reply?.body).toEqual({
      channel: "D0004",
      ...slackPreview(core, "/chip 910B", { ephemeral: false }),
    });
  });

  it("given our own messages, other bots' messages, edits and channel chatter, answers none of them", async () => {
    const before = api.callsTo("chat.postMessage").length;
    await send(
      eventCallback("Ev-own", {
        ...dm("an answer", "1700000400.000100", "D0002"),
        user: BOT_USER_ID,
        bot_id: BOT_ID,
      }),
    );
    await send(eventCallback("Ev-bot", { ...dm("hello", "1700000401.000100", "D0002"), bot_id: "B0OTHER" }));
    await send(
      eventCallback("Ev-edit", { ...dm("edited", "1700000402.000100", "D0002"), subtype: "message_changed" }),
    );
    await send(
      eventCallback("Ev-chan", { ...dm("hi all", "1700000403.000100", "C0002"), channel_type: "channel" }),
    );
    await send(
      eventCallback("Ev-botmention", {
        ...mention(`<@${BOT_USER_ID}> hi`, "1700000404.000100"),
        bot_id: "B0OTHER",
      }),
    );
    const last = await sentinel();
    const replies = api.callsTo("chat.postMessage").slice(before);
    expect(replies.map((c) => c.body.channel)).toEqual([last]);
  });

  it("given Slack redelivers an event (x-slack-retry-num, same event_id), answers it once", async () => {
    const ts = "1700000500.000100";
    const event = eventCallback("Ev-retried", mention(`<@${BOT_USER_ID}> /gap capex`, ts));
    expect((await send(event)).status).toBe(200);
    await eventually(() => api.callsTo("chat.postMessage").find((c) => c.body.thread_ts === ts));
    expect((await send(event, { retryNum: 1, retryReason: "http_timeout" })).status).toBe(200);
    expect((await send(event, { retryNum: 2, retryReason: "http_timeout" })).status).toBe(200);
    await sentinel();
    expect(api.callsTo("chat.postMessage").filter((c) => c.body.thread_ts === ts)).toHaveLength(1);
  });

  it("given App Home is opened, publishes the home view with what the bot knows and the commands", async () => {
    await send(
      eventCallback("Ev-home", { type: "app_home_opened", user: "U0001", channel: "D0001", tab: "home" }),
    );
    await send(
      eventCallback("Ev-messages-tab", {
        type: "app_home_opened",
        user: "U0002",
        channel: "D0002",
        tab: "messages",
      }),
    );
    const publish = await eventually(() => api.callsTo("views.publish")[0]);
    expect(publish.body).toEqual({ user_id: "U0001", view: renderSlackHome(core.catalog(), commands) });
    await sentinel();
    expect(api.callsTo("views.publish")).toHaveLength(1);
  });

  it("given a click on Show sources, replies with the quotes, ephemeral, leaving the answer in place", async () => {
    const query = "/gap compute";
    const id = "click-sources";
    const res = await send(
      blockActions({
        actionId: ACTION_SHOW_SOURCES,
        value: buttonValue(query) ?? "",
        responseUrl: api.responseUrl(id),
        ephemeral: true,
      }),
    );
    expect(res.status).toBe(200);
    const [reply] = await eventually(() => api.responsesTo(id).length > 0 && api.responsesTo(id));
    expect(reply?.body).toEqual({
      response_type: "ephemeral",
      replace_original: false,
      ...renderSlackSources(core.answer({ ...requestFromQuery(query), platform: "slack" })),
    });
  });

  it("given a click on Share in channel, posts the answer publicly and removes the ephemeral one", async () => {
    const query = "/compare Ascend 910B vs A100";
    const id = "click-share";
    await send(
      blockActions({
        actionId: ACTION_SHARE,
        value: buttonValue(query) ?? "",
        responseUrl: api.responseUrl(id),
        ephemeral: true,
      }),
    );
    const posts = await eventually(() => api.responsesTo(id).length >= 2 && api.responsesTo(id));
    expect(posts.map((p) => p.body)).toEqual([
      {
        response_type: "in_channel",
        replace_original: false,
        ...renderSlack(core.answer({ ...requestFromQuery(query), platform: "slack" }), { query }),
      },
      { delete_original: true },
    ]);
  });

  it("given a click on a suggestion under an ephemeral answer, answers the suggested command ephemeral", async () => {
    const query = "/chip Ascend 910B";
    const id = "click-suggestion";
    await send(
      blockActions({
        actionId: `${ACTION_RUN_PREFIX}1`,
        value: buttonValue(query) ?? "",
        responseUrl: api.responseUrl(id),
        ephemeral: true,
      }),
    );
    const [reply] = await eventually(() => api.responsesTo(id).length > 0 && api.responsesTo(id));
    expect(reply?.body).toEqual({
      response_type: "ephemeral",
      replace_original: false,
      ...renderSlack(core.answer({ ...requestFromQuery(query), platform: "slack" }), {
        ephemeral: true,
        query,
      }),
    });
  });

  it("given a click on a suggestion under a public answer, answers in that answer's thread (or in place in a DM)", async () => {
    const query = "/gap capex";
    const value = buttonValue(query) ?? "";
    const card = renderSlack(core.answer({ ...requestFromQuery(query), platform: "slack" }), { query });
    await send(
      blockActions({
        actionId: `${ACTION_RUN_PREFIX}0`,
        value,
        responseUrl: api.responseUrl("x1"),
        ephemeral: false,
        channel: "C0003",
        messageTs: "1700000600.000100",
      }),
    );
    const inChannel = await eventually(() =>
      api.callsTo("chat.postMessage").find((c) => c.body.channel === "C0003"),
    );
    expect(inChannel?.body).toEqual({ channel: "C0003", thread_ts: "1700000600.000100", ...card });
    await send(
      blockActions({
        actionId: `${ACTION_RUN_PREFIX}0`,
        value,
        responseUrl: api.responseUrl("x2"),
        ephemeral: false,
        channel: "D0003",
        messageTs: "1700000601.000100",
      }),
    );
    const inDm = await eventually(() =>
      api.callsTo("chat.postMessage").find((c) => c.body.channel === "D0003"),
    );
    expect(inDm?.body).toEqual({ channel: "D0003", ...card });
  });

  it("given hostile input in a slash command and a mention, nothing comes back that could ping, link or format", async () => {
    // /chip echoes the name it could not find, so the hostile text does come back in the card.
    await send(slashCommand("/chip", HOSTILE_TEXT, api.responseUrl("hostile")));
    const [reply] = await eventually(
      () => api.responsesTo("hostile").length > 0 && api.responsesTo("hostile"),
    );
    const ts = "1700000700.000100";
    await send(eventCallback("Ev-hostile", mention(`<@${BOT_USER_ID}> ${HOSTILE_TEXT}`, ts)));
    const posted = await eventually(() =>
      api.callsTo("chat.postMessage").find((c) => c.body.thread_ts === ts),
    );
    expect(allStrings(reply?.body).join("\n")).toContain("&lt;!channel&gt;");
    for (const payload of [reply?.body ?? {}, posted?.body ?? {}]) {
      expect(blockKitProblems(payload)).toEqual([]);
      const strings = allStrings(payload).join("\n");
      for (const raw of RAW) expect(strings).not.toContain(raw);
    }
  });

  it("never writes the bot token or the signing secret to the log, even at trace", () => {
    const all = logs.lines.join("\n");
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SECRET);
  });
});

describe("Slack adapter, HTTP mode, public replies and failures", () => {
  const real = fixtureCore();
  let failing = false;
  // A fake core is the only way to make the real one throw; everything else here is real.
  const core: Core = {
    knowledge: real.knowledge,
    answer: (request) => {
      if (failing) throw new Error("boom inside the core");
      return real.answer(request);
    },
    complete: (...args) => real.complete(...args),
    followUp: (...args) => real.followUp(...args),
    catalog: () => real.catalog(),
  };
  const logs = captureLogs();
  let api: SlackApiStandIn;
  let slack: RunningSlack;
  let events: string;
  const send = (body: Parameters<typeof sendToApp>[1]) => sendToApp(events, body, { secret: SECRET });
  const command = async (id: string, text = "compute") => {
    await send(slashCommand("/gap", text, api.responseUrl(id)));
    return eventually(() => api.responsesTo(id).length > 0 && api.responsesTo(id));
  };

  beforeAll(async () => {
    api = await startSlackApiStandIn();
    slack = await startSlack(
      httpSettings(api, { replyVisibility: "in_channel" }),
      { core, logger: logs.logger, seen: new MemorySeenStore(), kv: new MemoryKeyValueStore() },
      { host: "127.0.0.1", retries: 0 },
    );
    events = `http://127.0.0.1:${slack.port}/slack/events`;
  });

  afterAll(async () => {
    await slack?.stop();
    await api?.close();
  });

  it("given replies set to public, answers slash commands in_channel with no Share button", async () => {
    const [reply] = await command("public");
    const query = "/gap compute";
    expect(reply?.body).toEqual({
      response_type: "in_channel",
      ...renderSlack(real.answer(requestFromQuery(query)), { query }),
    });
    expect(allStrings(reply?.body)).not.toContain(ACTION_SHARE);
  });

  it("given the core throws, the user gets a short apology, the log the details, and the next command works", async () => {
    failing = true;
    const [apology] = await command("boom");
    failing = false;
    expect(apology?.body).toEqual({
      response_type: "in_channel",
      ...renderSlack(apologyCard(), { query: "/gap compute" }),
    });
    expect(logs.lines.join("\n")).toContain("boom inside the core");
    expect(allStrings(apology?.body).join("\n")).not.toContain("boom");
    const [next] = await command("after-boom");
    expect(next?.body.response_type).toBe("in_channel");
    expect(slack.healthy()).toBe(true);
  });

  it("given response_url fails, logs the failure and the apology's failure, and stays up", async () => {
    api.failResponseUrls(500);
    await send(slashCommand("/gap", "compute", api.responseUrl("down")));
    await eventually(() => api.responsesTo("down").length >= 2);
    await eventually(() => logs.lines.some((l) => l.includes("slack apology failed")));
    api.failResponseUrls(0);
    expect(logs.lines.some((l) => l.includes("slack turn failed"))).toBe(true);
    const [next] = await command("after-down");
    expect(next?.body.response_type).toBe("in_channel");
  });

  it("given stop(), stops listening and reports unhealthy", async () => {
    await slack.stop();
    expect(slack.healthy()).toBe(false);
    await expect(fetch(events, { method: "POST", signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  });
});

function mention(text: string, ts: string, threadTs?: string): Record<string, unknown> {
  return {
    type: "app_mention",
    user: "U0001",
    text,
    ts,
    channel: "C0001",
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
}

function dm(text: string, ts: string, channel: string): Record<string, unknown> {
  return { type: "message", channel_type: "im", channel, user: "U0001", text, ts };
}
