// `/gapbot settings` through the real Bolt receiver (HTTP mode, signed requests) and the Web API stand-in:
// anyone reads a channel's settings, only admins change them, and they take effect and show in App Home.
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { renderSlack, renderSlackHome } from "../../../src/adapters/slack/render.js";
import { SETTINGS_HOW } from "../../../src/adapters/slack/settings.js";
import { notAdminCard, settingsCard } from "../../../src/runtime/channel-settings-command.js";
import { ChannelSettingsStore, DEFAULT_CHANNEL_SETTINGS } from "../../../src/state/channel-settings.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import { eventually, TEAM_ID } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { httpSlackForTests } from "../../helpers/slack-http.js";
import { eventCallback, slashCommand } from "../../helpers/slack-requests.js";

const core = fixtureCore();
const store = new ChannelSettingsStore(new MemoryKeyValueStore());
const app = httpSlackForTests({ core, channelSettings: store });
let n = 0;

const here = { platform: "slack" as const, workspace: TEAM_ID, channel: "C0001" };

/** Sends `/command text` in C0001 and returns what its response_url received. */
async function command(line: string) {
  const [name = "", ...rest] = line.split(" ");
  const id = `settings-${++n}`;
  await app.send(slashCommand(name, rest.join(" "), app.api.responseUrl(id)));
  return (await eventually(() => app.api.responsesTo(id)[0])).body;
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
    await app.send(
      eventCallback("Ev-settings-mention", {
        type: "app_mention",
        channel: "C0001",
        user: "U0001",
        text: "<@UBOT> /chip 910B",
        ts,
      }),
    );
    // A DM is always answered: once it is, the mention before it has been handled.
    await app.send(
      eventCallback("Ev-settings-dm", {
        type: "message",
        channel_type: "im",
        channel: "D0SET",
        user: "U0001",
        text: "/gapbot",
        ts: "1700020002.000100",
      }),
    );
    await eventually(() => app.api.callsTo("chat.postMessage").find((c) => c.body.channel === "D0SET"));
    expect(app.api.callsTo("chat.postMessage").filter((c) => c.body.thread_ts === ts)).toEqual([]);
    await store.update(here, { mentions: true });
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
