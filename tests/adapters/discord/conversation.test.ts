// Follow-ups, feedback and progress through the real discord.js client against the local stand-in: a reply
// to one of gapbot's answers is read against that answer's question; 👍/👎 are stored once per user and
// thanked privately; a slow turn shows "typing…".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordMessage } from "../../../src/adapters/discord/render.js";
import { buildReport } from "../../../src/report/report.js";
import { THANKS_DOWN, THANKS_REASON, THANKS_UP } from "../../../src/runtime/record.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import { openDatabase } from "../../../src/storage/database.js";
import { QuestionLog } from "../../../src/storage/question-log.js";
import { type Harness, startHarness } from "../../helpers/discord-harness.js";
import { eventually, user } from "../../helpers/discord-stand-in.js";

type Sent = DiscordMessage & { message_reference?: { message_id: string } };

let h: Harness;
let questions: QuestionLog;
beforeAll(async () => {
  questions = new QuestionLog(openDatabase({ dir: ":memory:" }), { retentionDays: 30 });
  h = await startHarness({ questions, threads: new MemoryKeyValueStore() });
});
afterAll(async () => {
  await h.stop();
});

const footer = (m: { embeds?: { footer?: { text: string } }[] }) => m.embeds?.[0]?.footer?.text ?? "";
const description = (m: { embeds?: { description?: string }[] }) => m.embeds?.[0]?.description ?? "";

describe("Discord follow-ups", () => {
  it("given a mention then a reply to its answer saying 'and China?', answers about China, saying how it read it", async () => {
    const first = await h.answerTo(
      h.standIn.message(`<@${h.standIn.bot.id}> what is the US's computing power?`, { mentionsBot: true }),
    );
    expect(description(first)).toMatch(/2400|2,400/);
    const second = await h.answerTo(h.replyTo(first, "and China?"));
    expect(footer(second)).toMatch(/^Reading this as: what is China's computing power\?/);
    expect(description(second)).toMatch(/China/);
    expect(description(second)).toMatch(/1053|1,053/);
    // A reply to the follow-up's answer goes on from China.
    const third = await h.answerTo(h.replyTo(second, "why?"));
    expect(JSON.stringify(third.embeds)).toMatch(/China/);
    expect(third.flags ?? 0).toBe(0);
  });

  it("ignores another bot's reply to an answer", async () => {
    const first = await h.answerTo(
      h.standIn.message(`<@${h.standIn.bot.id}> /gap compute`, { mentionsBot: true }),
    );
    const before = h.standIn.sent.length;
    const fromBot = { ...h.replyTo(first, "and China?"), author: user("9", "otherbot", true) };
    h.standIn.dispatch("MESSAGE_CREATE", fromBot);
    await h.answerTo(h.standIn.message(`<@${h.standIn.bot.id}> /help`, { mentionsBot: true }));
    expect(h.standIn.sent.length).toBe(before + 1);
  });
});

describe("Discord feedback", () => {
  it("records a mention's question, and a 👎 with its reason, thanked privately; a changed vote stays one", async () => {
    const answer = await h.answerTo(
      h.standIn.message(`<@${h.standIn.bot.id}> /chip 910B`, { mentionsBot: true }),
    );
    const rows = (answer.components ?? []) as unknown as {
      components: { label: string; custom_id: string }[];
    }[];
    const buttons = rows.flatMap((row) => row.components);
    const down = buttons.find((b) => b.label === "👎");
    const up = buttons.find((b) => b.label === "👍");
    const id = down?.custom_id.replace(/^vote:down:/, "") ?? "";
    expect(questions.since(0).find((r) => r.id === id)).toMatchObject({
      platform: "discord",
      command: "mention",
      kind: "chip",
    });

    const voted = await h.interact(h.standIn.buttonClick(down?.custom_id ?? "", answer));
    const body = voted.body as { type: number; data: Sent };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toBe(THANKS_DOWN);
    const reasons = body.data.components.flatMap((r) => r.components);
    expect(reasons.map((b) => b.label)).toEqual(["Wrong figure", "Not what I asked", "Something missing"]);

    const thanksMessage = h.standIn.messageFromBody(body.data, h.standIn.channelId, { flags: 64 });
    const why = await h.interact(h.standIn.buttonClick(reasons[1]?.custom_id ?? "", thanksMessage));
    expect(why.body).toMatchObject({ type: 7, data: { content: THANKS_REASON, components: [] } });
    expect(questions.since(0).find((r) => r.id === id)).toMatchObject({
      up: 0,
      down: 1,
      reasons: { not_asked: 1 },
    });
    expect(buildReport(questions.since(0), 0, Date.now()).disliked[0]).toMatchObject({ text: "/chip 910B" });

    const upVote = await h.interact(h.standIn.buttonClick(up?.custom_id ?? "", answer));
    expect(upVote.body).toMatchObject({ type: 4, data: { content: THANKS_UP, flags: 64 } });
    expect(questions.since(0).find((r) => r.id === id)).toMatchObject({ up: 1, down: 0 });
  });

  it("puts 👍/👎 under a slash command's answer, recorded with the command as typed", async () => {
    const callback = await h.interact(h.standIn.slashCommand("compare", { first: "A100", second: "910B" }));
    const data = (callback.body as { data: Sent }).data;
    const vote = data.components.flatMap((r) => r.components).find((b) => b.label === "👍");
    const id = vote?.custom_id.replace(/^vote:up:/, "");
    expect(questions.since(0).find((r) => r.id === id)).toMatchObject({
      command: "compare",
      text: "/compare A100 vs 910B",
    });
  });
});

describe("Discord progress", () => {
  it("given a turn slower than the threshold, shows typing… in the channel, and not for a quick one", async () => {
    const slow = new MemoryKeyValueStore();
    const get = slow.get.bind(slow);
    slow.get = async (key) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return get(key);
    };
    const h2 = await startHarness({ threads: slow, adapter: { progressAfterMs: 50 } });
    try {
      const typing = () => h2.standIn.find("POST", /^\/v10\/channels\/\d+\/typing$/);
      const message = h2.standIn.message("/gap compute", { dm: true });
      h2.standIn.dispatch("MESSAGE_CREATE", message);
      await eventually(
        () => h2.standIn.sent.find((m) => m.message_reference?.message_id === message.id),
        "the answer",
      );
      expect(typing()).toHaveLength(1);
      expect(typing()[0]?.path).toBe(`/v10/channels/${h2.standIn.dmChannelId}/typing`);
    } finally {
      await h2.stop();
    }
    expect(h.standIn.find("POST", /\/typing$/)).toEqual([]);
  });
});
