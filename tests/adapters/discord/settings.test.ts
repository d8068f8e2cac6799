// /settings on Discord through the real discord.js Client on the stand-in: an admin changes a channel's
// settings, a non-admin is refused, and the settings take effect on mentions, follow-ups, command replies
// and "Ask gapbot".
import { describe, expect, it } from "vitest";
import { renderDiscord } from "../../../src/adapters/discord/render.js";
import { renderDiscordMessage } from "../../../src/adapters/discord/render-chart.js";
import { notAdminCard, settingsCard } from "../../../src/runtime/channel-settings-command.js";
import { coreForSources } from "../../../src/runtime/scoped-core.js";
import { ChannelSettingsStore, DEFAULT_CHANNEL_SETTINGS } from "../../../src/state/channel-settings.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import { harnessForTests, startHarness } from "../../helpers/discord-harness.js";
import { eventually } from "../../helpers/discord-stand-in.js";

const MANAGE_GUILD = 1n << 5n;
const HOW = "/settings with Manage Server, e.g. /settings mentions:false or /settings replies:private";

const store = new ChannelSettingsStore(new MemoryKeyValueStore());
const h = harnessForTests({ channelSettings: store, threads: new MemoryKeyValueStore() });
const answer = h.respond;

const here = () => ({
  platform: "discord" as const,
  workspace: h.standIn.guildId,
  channel: h.standIn.channelId,
});

describe("/settings", () => {
  it("refuses a member without Manage Server, privately, and changes nothing", async () => {
    const body = await answer(h.standIn.slashCommand("settings", { mentions: false }));
    expect(body).toEqual({
      type: 4,
      data: renderDiscord(notAdminCard("members with the Manage Server permission, in a server"), {
        ephemeral: true,
      }),
    });
    expect(await store.get(here())).toEqual(DEFAULT_CHANNEL_SETTINGS);
  });

  it("shows an admin the channel's settings, privately", async () => {
    const body = await answer(h.standIn.slashCommand("settings", {}, { permissions: MANAGE_GUILD }));
    expect(body).toEqual({
      type: 4,
      data: renderDiscord(settingsCard(DEFAULT_CHANNEL_SETTINGS, "public", false, HOW), { ephemeral: true }),
    });
  });

  it("saves an admin's change in the state store and shows the result", async () => {
    const body = await answer(
      h.standIn.slashCommand(
        "settings",
        { replies: "private", follow_ups: false },
        { permissions: MANAGE_GUILD },
      ),
    );
    const saved = { ...DEFAULT_CHANNEL_SETTINGS, replies: "ephemeral" as const, followUps: false };
    expect(await store.get(here())).toEqual(saved);
    expect(body.data).toEqual(renderDiscord(settingsCard(saved, "public", true, HOW), { ephemeral: true }));
  });

  it("refuses a value it cannot read, naming the problem, and keeps the settings", async () => {
    const before = await store.get(here());
    const body = await answer(
      h.standIn.slashCommand("settings", { sources: "nope" }, { permissions: MANAGE_GUILD }),
    );
    expect(body.data.flags).toBe(64);
    expect(JSON.stringify(body.data)).toContain("no source nope");
    expect(await store.get(here())).toEqual(before);
  });

  it("with replies set to private, answers commands in the channel privately", async () => {
    await store.update(here(), { replies: "ephemeral" });
    const body = await answer(h.standIn.slashCommand("gap", { topic: "compute" }));
    expect(body).toEqual({
      type: 4,
      data: renderDiscordMessage(h.core.answer("/gap compute"), { ephemeral: true }),
    });
    await store.update(here(), { replies: undefined });
    const open = await answer(h.standIn.slashCommand("gap", { topic: "compute" }));
    expect(open.data.flags).toBeUndefined();
  });

  it('with replies set to private, answers "Ask gapbot" in the channel privately too', async () => {
    const asked = () => h.standIn.messageCommand("Ask gapbot", "how much computing power does the US have?");
    await store.update(here(), { replies: "ephemeral" });
    expect((await answer(asked())).data.flags).toBe(64);
    await store.update(here(), { replies: undefined });
    expect((await answer(asked())).data.flags).toBeUndefined();
  });

  it("with follow-ups off, reads a reply to an answer on its own, and against the answer again once on", async () => {
    const question = `<@${h.standIn.bot.id}> what is the US's computing power?`;
    const first = await h.answerTo(h.standIn.message(question, { mentionsBot: true }));
    const footer = (m: { embeds?: { footer?: { text: string } }[] }) => m.embeds?.[0]?.footer?.text ?? "";
    await store.update(here(), { followUps: false });
    const alone = await h.answerTo(h.replyTo(first, "and China?"));
    expect(footer(alone)).not.toMatch(/Reading this as/);
    await store.update(here(), { followUps: true });
    const followed = await h.answerTo(h.replyTo(first, "and China?"));
    expect(footer(followed)).toMatch(/^Reading this as: what is China's computing power\?/);
  });

  it("with mentions off, leaves mentions in the channel unanswered, and answers them again once on", async () => {
    await store.update(here(), { mentions: false });
    const ignored = h.standIn.message(`<@${h.standIn.bot.id}> /chip 910B`, { mentionsBot: true });
    h.standIn.dispatch("MESSAGE_CREATE", ignored);
    // A DM is always answered: once it is, the mention before it has been handled (and left alone).
    const sentinel = h.standIn.message("/help", { dm: true });
    h.standIn.dispatch("MESSAGE_CREATE", sentinel);
    await eventually(
      () => h.standIn.find("POST", new RegExp(`/channels/${h.standIn.dmChannelId}/messages$`))[0],
      "the DM's reply",
    );
    await store.update(here(), { mentions: true });
    const answered = h.standIn.message(`<@${h.standIn.bot.id}> /chip 910B`, { mentionsBot: true });
    h.standIn.dispatch("MESSAGE_CREATE", answered);
    const posts = () => h.standIn.find("POST", new RegExp(`/channels/${h.standIn.channelId}/messages$`));
    const reply = await eventually(
      () =>
        posts().find(
          (r) =>
            (r.body as { message_reference?: { message_id: string } }).message_reference?.message_id ===
            answered.id,
        ),
      "the reply to the second mention",
    );
    expect(reply).toBeDefined();
    expect(
      posts().filter(
        (r) =>
          (r.body as { message_reference?: { message_id: string } }).message_reference?.message_id ===
          ignored.id,
      ),
    ).toEqual([]);
  });
});

describe("/settings sources", () => {
  it("narrows a channel's answers to the sources an admin picks", async () => {
    const { createCore } = await import("../../../src/core/index.js");
    const { readKnowledge } = await import("../../../src/knowledge/load.js");
    const two = createCore({
      knowledge: readKnowledge(new URL("../../fixtures/two-sources", import.meta.url).pathname).knowledge,
    });
    const own = new ChannelSettingsStore(new MemoryKeyValueStore());
    const harness = await startHarness({ core: two, channelSettings: own });
    try {
      const set = (await harness.interact(
        harness.standIn.slashCommand("settings", { sources: "later" }, { permissions: MANAGE_GUILD }),
      )) as { body: unknown };
      expect(JSON.stringify(set.body)).toContain("later");
      const callback = await harness.interact(harness.standIn.slashCommand("chip", { name: "910B" }));
      const request = { command: "chip", args: { name: "910B" } };
      const narrowed = renderDiscordMessage(coreForSources(two, ["later"]).answer(request));
      expect((callback.body as { data: unknown }).data).toEqual(narrowed);
      // Not what the channel would get from every source: the narrowing is what made the difference.
      expect(narrowed).not.toEqual(renderDiscordMessage(two.answer(request)));
      expect(
        new Set(
          coreForSources(two, ["later"])
            .answer(request)
            .citations.map((c) => c.source),
        ),
      ).toEqual(new Set(["later"]));
      // "Ask gapbot" in that channel answers from the same sources alone.
      const text = "how many Ascend 910B chips did Huawei ship?";
      const asked = (await harness.interact(harness.standIn.messageCommand("Ask gapbot", text))) as {
        body: { data: unknown };
      };
      const ask = { command: "ask", args: { question: text } };
      const narrowedAsk = renderDiscordMessage(coreForSources(two, ["later"]).answer(ask));
      expect(asked.body.data).toEqual(narrowedAsk);
      expect(narrowedAsk).not.toEqual(renderDiscordMessage(two.answer(ask)));
    } finally {
      await harness.stop();
    }
  });
});
