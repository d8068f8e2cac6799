// REST failures through the real discord.js client: an interaction callback answered 429 with Retry-After,
// or 5xx, is retried by discord.js's REST queue within the interaction's 3 s, and the answer lands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordMessage } from "../../../src/adapters/discord/render.js";
import { type Harness, startHarness } from "../../helpers/discord-harness.js";
import { eventually } from "../../helpers/discord-stand-in.js";

describe("Discord adapter, REST faults", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  const callbacksOf = (payload: { id: string; token: string }) =>
    h.standIn.requests.filter((r) => r.path === `/v10/interactions/${payload.id}/${payload.token}/callback`);

  it("given the callback answered 429 with Retry-After 1, waits and answers on the next try", async () => {
    h.standIn.failNext("POST", /\/callback$/, 429, 1, 1);
    const payload = h.standIn.slashCommand("gap", { topic: "compute" });
    const started = Date.now();
    h.standIn.dispatch("INTERACTION_CREATE", payload);
    const [failed, answered] = await eventually(() => {
      const c = callbacksOf(payload);
      return c.length >= 2 && c;
    }, "a second callback");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(failed?.body).toEqual(answered?.body);
    const body = answered?.body as { type: number; data: DiscordMessage } | undefined;
    expect(body?.type).toBe(4);
    expect(body?.data.embeds[0]?.description ?? "").not.toBe("");
  });

  it("given the callback failing with 502 once, retries it and answers", async () => {
    h.standIn.failNext("POST", /\/callback$/, 502, 1);
    const payload = h.standIn.slashCommand("chip", { name: "910B" });
    h.standIn.dispatch("INTERACTION_CREATE", payload);
    const calls = await eventually(() => {
      const c = callbacksOf(payload);
      return c.length >= 2 && c;
    }, "a retried callback");
    expect(calls).toHaveLength(2);
    expect((calls[1]?.body as { type: number } | undefined)?.type).toBe(4);
  });
});
