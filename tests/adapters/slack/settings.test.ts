// `/gapbot settings` through the real Bolt receiver (HTTP mode, signed requests) and the Web API stand-in:
// anyone reads a channel's settings, only admins change them, and they take effect (mentions, follow-ups,
// replies, sources) and show in App Home.
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { renderSlack, renderSlackHome } from "../../../src/adapters/slack/render.js";
import { SETTINGS_HOW } from "../../../src/adapters/slack/settings.js";
import { notAdminCard, settingsCard } from "../../../src/runtime/channel-settings-command.js";
import { ChannelSettingsStore, DEFAULT_CHANNEL_SETTINGS } from "../../../src/state/channel-settings.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import { eventually, TEAM_ID } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { httpSlackForTests, withHttpSlack } from "../../helpers/slack-http.js";
import { appMention, eventCallback, slashCommand } from "../../helpers/slack-requests.js";

const core = fixtureCore();
const store = new ChannelSettingsStore(new MemoryKeyValueStore());
const app = httpSlackForTests({ core, channelSettings: store, threads: new MemoryKeyValueStore() });
let n = 0;

const here = { platform: "slack" as const, workspace: TEAM_ID, channel: "C0001" };

/** Sends `/command text` in C0001 and returns what its response_url received. */
async function command(line: string) {
  const [name = "", ...rest] = line.split(" ");
  const id = `settings-${++n}`;
  await app.send(slashCommand(name, rest.join(" "), app.api.responseUrl(id)));
  return (await eventually(() => app.api.responsesTo(id)[0])).body;
}

/** Sends a DM (always answered) and waits for its answer: events sent before it have been handled. */
async function dmAnswered(channel: string) {
  await app.send(
    eventCallback(`Ev-dm-${channel}`, {
      type: "message",
      channel_type: "im",
      channel,
      user: "U0001",
      text: "/gapbot",
      ts: "1700029999.000100",
    }),
  );
  await eventually(() => app.api.callsTo("chat.postMessage").find((c) => c.body.channel === channel));
}

function asAdmin(admin: boolean) {
  app.api.answer("users.info", { ok: true, user: { id: "U0001", is_admin: admin, is_owner: false } });
}

describe("/gapbot settings", () => {
  it("shows anyone the channel's settings, privately", async () => {
    const body = await command("/gapbot settings");
    expect(body).toEqual({
      response_type: "ephemeral",
      ...renderSlack(settingsCard(DEFAULT_CHANNEL_SETTINGS, "ephemeral", false, SETTINGS_HOW), {
        ephemeral: true,
      }),
    });
  });

  it("refuses a change from someone who is not a workspace admin, saying so, and changes nothing", async () => {
    asAdmin(false);
    const body = await command("/gapbot settings mentions off");
    expect(body).toEqual({
      response_type: "ephemeral",
      ...renderSlack(notAdminCard("workspace admins and owners"), { ephemeral: true }),
    });
    expect(app.api.callsTo("users.info").at(-1)?.body).toEqual({ user: "U0001" });
    expect(await store.get(here)).toEqual(DEFAULT_CHANNEL_SETTINGS);
  });

  it("saves an admin's change in the state store and shows the result", async () => {
    asAdmin(true);
    const body = await command("/gapbot settings replies public");
    const saved = { ...DEFAULT_CHANNEL_SETTINGS, replies: "public" as const };
    expect(await store.get(here)).toEqual(saved);
    expect(body).toEqual({
      response_type: "ephemeral",
      ...renderSlack(settingsCard(saved, "ephemeral", true, SETTINGS_HOW), { ephemeral: true }),
    });
  });

  it("given users.info failing once with 503, asks again and saves the admin's change", async () => {
    asAdmin(true);
    app.api.failNext("users.info", 503, 1);
    await command("/gapbot settings followups off");
    expect((await store.get(here)).followUps).toBe(false);
    await command("/gapbot settings followups on");
  });

  it("tells an admin what it could not read, and keeps the settings", async () => {
    asAdmin(true);
    const before = await store.get(here);
    const body = await command("/gapbot settings replies sometimes");
    expect(JSON.stringify(body)).toContain("replies takes public, private or default");
    const sources = await command("/gapbot settings sources nowhere");
    expect(JSON.stringify(sources)).toContain("no source nowhere");
    expect(await store.get(here)).toEqual(before);
  });

  it("with replies public, answers commands in the channel where the bot's default is private", async () => {
    await store.update(here, { replies: "public" });
    expect((await command("/chip 910B")).response_type).toBe("in_channel");
    await store.update(here, { replies: undefined });
    expect((await command("/chip 910B")).response_type).toBe("ephemeral");
  });

  it("with mentions off, leaves a mention unanswered", async () => {
    await store.update(here, { mentions: false });
    const ts = "1700020001.000100";
    await app.send(appMention("Ev-settings-mention", { channel: "C0001", ts, text: "/chip 910B" }));
    await dmAnswered("D0SET");
    expect(app.api.callsTo("chat.postMessage").filter((c) => c.body.thread_ts === ts)).toEqual([]);
    await store.update(here, { mentions: true });
  });

  it("with follow-ups off, lets an unmentioned reply in its thread be, and follows it up again once on", async () => {
    await store.update(here, { followUps: false });
    const root = "1700020101.000100";
    const inThread = () => app.api.callsTo("chat.postMessage").filter((c) => c.body.thread_ts === root);
    await app.send(
      appMention("Ev-settings-root", {
        channel: "C0001",
        ts: root,
        text: "what is the US's computing power?",
      }),
    );
    await eventually(() => inThread().length === 1);
    const reply = (id: string, ts: string) =>
      eventCallback(id, {
        type: "message",
        channel_type: "channel",
        channel: "C0001",
        user: "U0001",
        text: "and China?",
        ts,
        thread_ts: root,
      });
    await app.send(reply("Ev-settings-reply-off", "1700020102.000100"));
    await dmAnswered("D0FOLLOW");
    expect(inThread()).toHaveLength(1);
    await store.update(here, { followUps: true });
    await app.send(reply("Ev-settings-reply-on", "1700020103.000100"));
    const [, followUp] = await eventually(() => inThread().length === 2 && inThread());
    expect(JSON.stringify(followUp?.body.blocks)).toContain(
      "Reading this as: what is China's computing power?",
    );
  });

  it("with follow-ups off, reads a mention inside the bot's thread on its own", async () => {
    await store.update(here, { followUps: false });
    try {
      const root = "1700020201.000100";
      const inThread = () => app.api.callsTo("chat.postMessage").filter((c) => c.body.thread_ts === root);
      const question = "what is the US's computing power?";
      await app.send(appMention("Ev-settings-root2", { channel: "C0001", ts: root, text: question }));
      await eventually(() => inThread().length === 1);
      const ts = "1700020202.000100";
      await app.send(
        appMention("Ev-settings-in-thread", { channel: "C0001", ts, thread_ts: root, text: "and China?" }),
      );
      const [, alone] = await eventually(() => inThread().length === 2 && inThread());
      expect(JSON.stringify(alone?.body.blocks)).not.toContain("Reading this as");
    } finally {
      await store.update(here, { followUps: true });
    }
  });

  it("answers a channel from the sources an admin picks for it, commands and mentions alike", async () => {
    const { createCore } = await import("../../../src/core/index.js");
    const { readKnowledge } = await import("../../../src/knowledge/load.js");
    const two = createCore({
      knowledge: readKnowledge(new URL("../../fixtures/two-sources", import.meta.url).pathname).knowledge,
    });
    await withHttpSlack(
      { core: two, channelSettings: new ChannelSettingsStore(new MemoryKeyValueStore()) },
      async (own) => {
        own.api.answer("users.info", { ok: true, user: { id: "U0001", is_admin: true, is_owner: false } });
        const ask = async (line: string, id: string) => {
          const [name = "", ...rest] = line.split(" ");
          await own.send(slashCommand(name, rest.join(" "), own.api.responseUrl(id)));
          return JSON.stringify((await eventually(() => own.api.responsesTo(id)[0])).body);
        };
        // From every source, the 910B has two figures for one metric: 640 TOPS (mini) and 600 TOPS (later).
        expect(await ask("/chip 910B", "every-source")).toContain("640 TOPS");
        expect(await ask("/gapbot settings sources later", "set-sources")).toContain("later");
        const narrowed = await ask("/chip 910B", "later-only");
        expect(narrowed).toContain("600 TOPS");
        expect(narrowed).not.toContain("640");
        await own.send(
          appMention("Ev-sources-mention", { channel: "C0001", ts: "1700020301.000100", text: "/chip 910B" }),
        );
        const post = await eventually(() => own.api.callsTo("chat.postMessage")[0]);
        expect(JSON.stringify(post.body)).toContain("600 TOPS");
        expect(JSON.stringify(post.body)).not.toContain("640");
      },
    );
  });

  it("lists each channel's own settings in App Home", async () => {
    await store.update(here, { mentions: false, sources: [core.knowledge.sources[0]?.id ?? ""] });
    await app.send(
      eventCallback("Ev-settings-home", {
        type: "app_home_opened",
        user: "U0001",
        channel: "D0001",
        tab: "home",
      }),
    );
    const publish = await eventually(() => app.api.callsTo("views.publish")[0]);
    const channels = await store.all({ platform: "slack", workspace: TEAM_ID });
    expect(publish.body).toEqual({
      user_id: "U0001",
      view: renderSlackHome(core.catalog(), commands, channels),
    });
    expect(JSON.stringify(publish.body)).toContain(
      `<#C0001>: mentions ignored · sources: ${core.knowledge.sources[0]?.id}`,
    );
  });
});
