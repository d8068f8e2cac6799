// Slash commands, autocomplete and buttons, end to end: the real discord.js Client on the stand-in.
import { describe, expect, it } from "vitest";
import { renderDiscordMessage } from "../../../src/adapters/discord/render-chart.js";
import type { Request } from "../../../src/core/index.js";
import { harnessForTests, recordingCore } from "../../helpers/discord-harness.js";

const NO_PINGS = { parse: [], replied_user: false };

const core = recordingCore();
const h = harnessForTests({ core });
const answer = h.respond;

describe("slash commands", () => {
  const cases: [string, Record<string, string>, Request][] = [
    ["gap", { topic: "compute" }, { command: "gap", args: { topic: "compute" } }],
    ["chip", { name: "910B" }, { command: "chip", args: { name: "910B" } }],
    ["model", { name: "Mythos" }, { command: "model", args: { name: "Mythos" } }],
    [
      "compare",
      { first: "Mythos", second: "DeepSeek V4 Pro" },
      { command: "compare", args: { first: "Mythos", second: "DeepSeek V4 Pro" } },
    ],
    [
      "ask",
      { question: "How many GPUs will Meta deploy?" },
      { command: "ask", args: { question: "How many GPUs will Meta deploy?" } },
    ],
    ["source", { ref: "24" }, { command: "source", args: { ref: "24" } }],
    ["help", {}, { command: "help", args: {} }],
  ];

  it.each(cases)(
    "/%s is answered in the channel (type 4) with exactly renderDiscordMessage of the core's card",
    async (name, options, request) => {
      const body = await answer(h.standIn.slashCommand(name, options));
      // The adapter says where the request comes from: help is written per platform.
      const card = h.core.answer({ ...request, platform: "discord" });
      expect(card.kind).not.toBe("not_found");
      expect(core.requests.at(-1)).toEqual({ ...request, platform: "discord" });
      expect(body).toEqual({ type: 4, data: renderDiscordMessage(card) });
      expect(body.data.allowed_mentions).toEqual(NO_PINGS);
      expect(body.data.flags).toBeUndefined();
    },
  );

  it("with private: true, answers ephemerally (flag 64) and keeps private out of the core's request", async () => {
    const body = await answer(h.standIn.slashCommand("chip", { name: "910B", private: true }));
    expect(core.requests.at(-1)).toEqual({ command: "chip", args: { name: "910B" }, platform: "discord" });
    expect(body).toEqual({
      type: 4,
      data: renderDiscordMessage(h.core.answer("/chip 910B"), { ephemeral: true }),
    });
    expect(body.data.flags).toBe(64);
  });

  it("answers a redelivered interaction (same id, after a resume) only once", async () => {
    const payload = h.standIn.slashCommand("help");
    await answer(payload);
    h.standIn.dispatch("INTERACTION_CREATE", payload);
    // A later interaction is answered, so the repeat has been handled (ignored) by then.
    await answer(h.standIn.slashCommand("help"));
    expect(h.standIn.requests.filter((r) => r.path.includes(`/interactions/${payload.id}/`))).toHaveLength(1);
  });

  it("given hostile input, echoes it escaped and pings no one", async () => {
    // The core echoes only the start of a long name: the link and markdown go first.
    const hostile = "[click](https://evil.example) **bold** @everyone <@123> <@&456> @here";
    const body = await answer(h.standIn.slashCommand("chip", { name: hostile }));
    expect(body.data.allowed_mentions).toEqual(NO_PINGS);
    const description = body.data.embeds[0]?.description ?? "";
    expect(description).toContain(
      "\\[click\\](https:\u200b//evil.\u200bexample) \\*\\*bold\\*\\* @\u200beveryone",
    );
    expect(description).not.toMatch(/(?<!\\)\*\*/);
    const json = JSON.stringify(body);
    expect(json).not.toMatch(/@(everyone|here)/);
    expect(json).not.toMatch(/<@[!&]?\d+>/);
  });
});

describe("autocomplete", () => {
  it("completes a chip name (type 8) from the core's entity search", async () => {
    const body = await answer(h.standIn.autocomplete("chip", { name: "91" }, "name"));
    expect(body.type).toBe(8);
    expect(body.data.choices).toEqual(h.core.complete("chip", "91", 25));
    expect(body.data.choices?.map((c) => c.value)).toContain("Ascend 910B");
  });

  it("completes the focused option of /compare, whichever it is", async () => {
    const body = await answer(
      h.standIn.autocomplete("compare", { first: "Mythos", second: "deeps" }, "second"),
    );
    expect(body.data.choices?.map((c) => c.value)).toContain("DeepSeek V4 Pro");
    expect(body.data.choices?.map((c) => c.value)).not.toContain("Mythos");
  });

  it("lists the most useful choices for empty input, at most 25, each within 100 characters", async () => {
    const body = await answer(h.standIn.autocomplete("gap", { topic: "" }, "topic"));
    const choices = body.data.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });

  it("offers nothing for an option that has no autocomplete", async () => {
    const body = await answer(h.standIn.autocomplete("ask", { question: "how" }, "question"));
    expect(body).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe("buttons", () => {
  /** Answers `/chip 910B` and returns the message as Discord would hold it, with its buttons. */
  async function chipMessage(options: Record<string, string | boolean> = {}) {
    const body = await answer(h.standIn.slashCommand("chip", { name: "910B", ...options }));
    const buttons = body.data.components.flatMap((row) => row.components);
    return { message: h.standIn.messageFromBody(body.data), buttons };
  }

  it("Show sources replies ephemerally with each citation's verbatim quote and paragraph", async () => {
    const { message, buttons } = await chipMessage();
    const show = buttons.find((b) => b.label === "Show sources");
    expect(show).toBeDefined();
    const body = await answer(h.standIn.buttonClick(show?.custom_id ?? "", message));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions).toEqual(NO_PINGS);
    const card = h.core.answer("/chip 910B");
    expect(card.citations.length).toBeGreaterThan(0);
    const fields = body.data.embeds[0]?.fields ?? [];
    for (const c of card.citations) {
      expect(fields.some((f) => f.name.startsWith(`¶${c.paragraph}`) && f.value.includes(c.quote))).toBe(
        true,
      );
    }
  });

  it("a suggestion button runs its command and answers in the channel", async () => {
    const { message, buttons } = await chipMessage();
    const suggestion = h.core.answer("/chip 910B").suggestions[0];
    const button = buttons.find((b) => b.label === suggestion?.label);
    expect(button?.custom_id).toBe(`run:${suggestion?.command}`);
    const body = await answer(h.standIn.buttonClick(button?.custom_id ?? "", message));
    expect(core.requests.at(-1)).toEqual({ text: suggestion?.command, platform: "discord" });
    expect(body).toEqual({
      type: 4,
      data: renderDiscordMessage(h.core.answer({ text: suggestion?.command ?? "" })),
    });
  });

  it("a suggestion under a private answer answers privately too", async () => {
    const { message, buttons } = await chipMessage({ private: true });
    const button = buttons.find((b) => b.custom_id.startsWith("run:"));
    const body = await answer(h.standIn.buttonClick(button?.custom_id ?? "", message));
    expect(body.data.flags).toBe(64);
  });

  it("an unknown button (from an older version) gets the help card rather than silence", async () => {
    const { message } = await chipMessage();
    const body = await answer(h.standIn.buttonClick("legacy:thing", message));
    expect(body).toEqual({
      type: 4,
      data: renderDiscordMessage(h.core.answer({ command: "help", args: {}, platform: "discord" })),
    });
  });
});
