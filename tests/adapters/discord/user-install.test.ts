// A user's own install of gapbot (any server or DM) and the "Ask gapbot" message command, end to end:
// the real discord.js Client on the stand-in, answering with the real core.
import { describe, expect, it } from "vitest";
import { noTextCard } from "../../../src/adapters/discord/message-command.js";
import { renderDiscordMessage } from "../../../src/adapters/discord/render-chart.js";
import { harnessForTests, recordingCore } from "../../helpers/discord-harness.js";

const USE_EXTERNAL_APPS = 1n << 50n;

const core = recordingCore();
const h = harnessForTests({ core });
const answer = h.respond;

describe("a user-installed /gap", () => {
  it("in a server that never added the bot, answers the asker alone when they may not use external apps", async () => {
    const body = await answer(
      h.standIn.slashCommand("gap", { topic: "compute" }, { userInstall: true, otherGuild: true }),
    );
    expect(core.requests.at(-1)).toEqual({ command: "gap", args: { topic: "compute" }, platform: "discord" });
    expect(body).toEqual({
      type: 4,
      data: renderDiscordMessage(h.core.answer("/gap compute"), { ephemeral: true }),
    });
  });

  it("in such a server, answers in the channel for a member allowed to use external apps", async () => {
    const body = await answer(
      h.standIn.slashCommand(
        "gap",
        { topic: "compute" },
        { userInstall: true, otherGuild: true, permissions: USE_EXTERNAL_APPS },
      ),
    );
    expect(body).toEqual({ type: 4, data: renderDiscordMessage(h.core.answer("/gap compute")) });
  });

  it("in a DM between users, answers there, in public, unless private is asked", async () => {
    const open = await answer(
      h.standIn.slashCommand("chip", { name: "910B" }, { userInstall: true, privateChannel: true }),
    );
    expect(open).toEqual({ type: 4, data: renderDiscordMessage(h.core.answer("/chip 910B")) });
    const closed = await answer(
      h.standIn.slashCommand(
        "chip",
        { name: "910B", private: true },
        { userInstall: true, privateChannel: true },
      ),
    );
    expect(closed.data.flags).toBe(64);
  });

  it("in a server that also added the bot, answers in public as a server install does", async () => {
    const body = await answer(h.standIn.slashCommand("help", {}, { userInstall: true }));
    expect(body.data.flags).toBeUndefined();
  });
});

describe('the "Ask gapbot" message command', () => {
  it("asks the selected message's text, mentions left out, and answers in the channel", async () => {
    const question = "How many GPUs will Meta deploy?";
    const body = await answer(
      h.standIn.messageCommand("Ask gapbot", `<@123456789012345678> ${question} <#42>`),
    );
    const request = { command: "ask", args: { question }, platform: "discord" as const };
    expect(core.requests.at(-1)).toEqual(request);
    const card = h.core.answer(request);
    expect(card.kind).not.toBe("not_found");
    expect(body).toEqual({ type: 4, data: renderDiscordMessage(card) });
  });

  it("asks a message that starts with a slash as a question, not as a command", async () => {
    await answer(h.standIn.messageCommand("Ask gapbot", "/chip is what I typed"));
    expect(core.requests.at(-1)).toEqual({
      command: "ask",
      args: { question: "/chip is what I typed" },
      platform: "discord",
    });
  });

  it("on a message with no text, tells the asker alone, without asking the core", async () => {
    const before = core.requests.length;
    const body = await answer(h.standIn.messageCommand("Ask gapbot", "   "));
    expect(core.requests).toHaveLength(before);
    expect(body).toEqual({ type: 4, data: renderDiscordMessage(noTextCard(), { ephemeral: true }) });
  });

  it("used through a user install in a server that never added the bot, answers the asker alone", async () => {
    const body = await answer(
      h.standIn.messageCommand("Ask gapbot", "中美算力差距", { userInstall: true, otherGuild: true }),
    );
    expect(body.data.flags).toBe(64);
    expect(core.requests.at(-1)).toEqual({
      command: "ask",
      args: { question: "中美算力差距" },
      platform: "discord",
    });
  });

  it("works in a DM between users", async () => {
    const body = await answer(
      h.standIn.messageCommand("Ask gapbot", "How many GPUs will Meta deploy?", {
        userInstall: true,
        privateChannel: true,
      }),
    );
    expect(body.type).toBe(4);
    expect(body.data.flags).toBeUndefined();
  });
});
