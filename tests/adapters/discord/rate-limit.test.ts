// The process-wide rate limits (RATE_LIMIT_PER_USER / _PER_CHANNEL) on Discord turns, end to end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordMessage } from "../../../src/adapters/discord/render.js";
import { MemoryRateLimiter } from "../../../src/runtime/rate-limit.js";
import { type Harness, startHarness } from "../../helpers/discord-harness.js";

describe("a user over RATE_LIMIT_PER_USER", () => {
  let h: Harness;
  beforeAll(async () => {
    const limiter = new MemoryRateLimiter();
    h = await startHarness({ rateLimit: { limiter, perUserPerMinute: 2, perChannelPerMinute: 100 } });
  });
  afterAll(async () => {
    await h.stop();
  });

  it("gets a private 'try again' note for the third slash command in a minute, not an answer", async () => {
    for (let i = 0; i < 2; i++) {
      const ok = await h.interact(h.standIn.slashCommand("help"));
      expect((ok.body as { data: DiscordMessage }).data.flags).toBeUndefined();
    }
    const limited = (await h.interact(h.standIn.slashCommand("help"))).body as {
      type: number;
      data: DiscordMessage;
    };
    expect(limited.type).toBe(4);
    expect(limited.data.flags).toBe(64);
    expect(limited.data.embeds[0]?.description).toMatch(/try again in \d+ seconds?/);
  });

  it("gets no reply to a mention while over the limit", async () => {
    const message = h.standIn.message(`<@${h.standIn.bot.id}> /help`, { mentionsBot: true });
    h.standIn.dispatch("MESSAGE_CREATE", message);
    // The next interaction is handled after the message: by then it has been passed over.
    await h.interact(h.standIn.slashCommand("help"));
    expect(h.standIn.find("POST", /\/channels\/\d+\/messages$/)).toEqual([]);
  });
});
