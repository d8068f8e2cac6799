// The slow path: an answer not ready within 1 s is deferred (type 5) and then edited in via the webhook.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFER_AFTER_MS } from "../../../src/adapters/discord/limits.js";
import { renderDiscordMessage } from "../../../src/adapters/discord/render-chart.js";
import { type Harness, slowCore, startHarness, testCore } from "../../helpers/discord-harness.js";
import { eventually } from "../../helpers/discord-stand-in.js";

const SLOW_MS = DEFER_AFTER_MS + 500;

describe("an answer slower than 1 s", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ core: slowCore(SLOW_MS) });
  });
  afterAll(async () => {
    await h.stop();
  });

  async function run(options: Record<string, string | boolean>) {
    const payload = h.standIn.slashCommand("chip", options);
    const sent = Date.now();
    const callback = await h.interact(payload);
    const deferredAfter = Date.now() - sent;
    const editPath = `/v10/webhooks/${h.standIn.applicationId}/${payload.token}/messages/@original`;
    const edit = await eventually(
      () => h.standIn.requests.find((r) => r.method === "PATCH" && r.path === editPath),
      "the edit of the original response",
    );
    return { callback, deferredAfter, edit, editedAfter: Date.now() - sent };
  }

  it("defers within Discord's 3 s window, then edits the original response with the card", async () => {
    const { callback, deferredAfter, edit, editedAfter } = await run({ name: "910B" });
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(deferredAfter).toBeGreaterThanOrEqual(DEFER_AFTER_MS - 50);
    // The user sees "thinking…" once the answer takes over a second, well inside Discord's 3 s window.
    expect(deferredAfter).toBeLessThan(1_500);
    expect(editedAfter).toBeGreaterThanOrEqual(SLOW_MS - 50);
    expect(edit.body).toEqual(renderDiscordMessage(testCore().answer("/chip 910B")));
  });

  it("keeps a private answer private: the defer carries flag 64, the edit carries no flags", async () => {
    const { callback, edit } = await run({ name: "910B", private: true });
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    const { flags: _flags, ...expected } = renderDiscordMessage(testCore().answer("/chip 910B"), {
      ephemeral: true,
    });
    expect(edit.body).toEqual(expected);
  });
});

describe("an answer ready in time", () => {
  it("is sent straight away (type 4) with no defer and no edit", async () => {
    const h = await startHarness();
    try {
      const callback = await h.interact(h.standIn.slashCommand("chip", { name: "910B" }));
      expect((callback.body as { type: number }).type).toBe(4);
      expect(h.standIn.requests.filter((r) => r.method === "PATCH")).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});
