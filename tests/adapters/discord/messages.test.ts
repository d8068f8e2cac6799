// Mentions and DMs, end to end: what reaches POST /channels/:id/messages on the stand-in.
import { describe, expect, it } from "vitest";
import type { DiscordMessage } from "../../../src/adapters/discord/render.js";
import { renderDiscord } from "../../../src/adapters/discord/render.js";
import { harnessForTests, recordingCore } from "../../helpers/discord-harness.js";
import { eventually, type RecordedRequest, user } from "../../helpers/discord-stand-in.js";

type Sent = DiscordMessage & { message_reference?: { message_id: string; fail_if_not_exists: boolean } };

const core = recordingCore();
const h = harnessForTests({ core });

const sentMessages = () => h.standIn.find("POST", /^\/v10\/channels\/\d+\/messages$/);

/** Dispatches MESSAGE_CREATE and waits for the reply that references it. */
async function replyTo(message: { id: string }): Promise<RecordedRequest & { body: Sent }> {
  h.standIn.dispatch("MESSAGE_CREATE", message);
  return eventually(
    () => sentMessages().find((r) => (r.body as Sent).message_reference?.message_id === message.id),
    `a reply to ${message.id}`,
  ) as Promise<RecordedRequest & { body: Sent }>;
}

describe("messages", () => {
  it("answers a mention with a reply to it, the mention stripped from the question", async () => {
    const question = "How many GPUs will Meta deploy?";
    const message = h.standIn.message(`<@${h.standIn.bot.id}> ${question}`, { mentionsBot: true });
    const reply = await replyTo(message);
    expect(reply.path).toBe(`/v10/channels/${h.standIn.channelId}/messages`);
    expect(core.requests.at(-1)).toEqual({ text: question, platform: "discord" });
    expect(reply.body).toEqual({
      ...renderDiscord(h.core.answer({ text: question, platform: "discord" })),
      message_reference: { message_id: message.id, fail_if_not_exists: false },
    });
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("strips the legacy nickname mention form <@!id> too", async () => {
    await replyTo(h.standIn.message(`<@!${h.standIn.bot.id}> /chip 910B`, { mentionsBot: true }));
    expect(core.requests.at(-1)).toEqual({ text: "/chip 910B", platform: "discord" });
  });

  it("ignores a channel message that does not mention the bot, and bots' messages", async () => {
    const before = sentMessages().length;
    h.standIn.dispatch("MESSAGE_CREATE", h.standIn.message("/chip 910B, anyone?"));
    const fromBot = { ...h.standIn.message(`<@${h.standIn.bot.id}> hi`, { mentionsBot: true }) };
    fromBot.author = user("9", "otherbot", true);
    h.standIn.dispatch("MESSAGE_CREATE", fromBot);
    // Dispatches are handled in order: once a later mention is answered, the two above were passed over.
    await replyTo(h.standIn.message(`<@${h.standIn.bot.id}> /help`, { mentionsBot: true }));
    expect(sentMessages().length).toBe(before + 1);
  });

  it("answers a DM, which needs no mention", async () => {
    const message = h.standIn.message("/model Mythos", { dm: true });
    const reply = await replyTo(message);
    expect(reply.path).toBe(`/v10/channels/${h.standIn.dmChannelId}/messages`);
    expect(reply.body).toEqual({
      ...renderDiscord(h.core.answer({ text: "/model Mythos" })),
      message_reference: { message_id: message.id, fail_if_not_exists: false },
    });
  });

  it("answers a redelivered message once", async () => {
    const message = h.standIn.message(`<@${h.standIn.bot.id}> /gap`, { mentionsBot: true });
    await replyTo(message);
    h.standIn.dispatch("MESSAGE_CREATE", message);
    await replyTo(h.standIn.message(`<@${h.standIn.bot.id}> /help`, { mentionsBot: true }));
    expect(
      sentMessages().filter((r) => (r.body as Sent).message_reference?.message_id === message.id),
    ).toHaveLength(1);
  });

  it("given hostile text in a mention, pings no one in the reply and shows no live markdown", async () => {
    const text = "/chip [x](https://evil.example) @everyone <@&456> @here";
    const reply = await replyTo(h.standIn.message(`<@${h.standIn.bot.id}> ${text}`, { mentionsBot: true }));
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const json = JSON.stringify(reply.body);
    expect(json).not.toMatch(/@(everyone|here)/);
    expect(json).not.toMatch(/<@[!&]?\d+>/);
    expect(reply.body.embeds[0]?.description).toContain("\\[x\\](https:\u200b//evil.\u200bexample)");
  });
});
