// The chart as a PNG attached to the Discord embed: pure JSON first, then the real discord.js upload
// (multipart) to the stand-in, for a slash command, a deferred one, and a mention.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDiscordReply } from "../../../src/adapters/discord/chart-reply.js";
import { renderDiscord } from "../../../src/adapters/discord/render.js";
import { chartAltText, withChartImage } from "../../../src/adapters/discord/render-chart.js";
import { createCore } from "../../../src/core/index.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import { type Harness, slowCore, startHarness } from "../../helpers/discord-harness.js";
import { eventually, type RecordedRequest } from "../../helpers/discord-stand-in.js";

const core = createCore();
const compute = core.answer({ text: "/gap compute" });

/** The PNG signature and the IHDR chunk right after it. */
function expectPng(data: Buffer | undefined): void {
  expect(data?.subarray(0, 8).toString("latin1")).toBe("\x89PNG\r\n\x1a\n");
  expect(data?.subarray(12, 16).toString("latin1")).toBe("IHDR");
  expect(data?.readUInt32BE(16)).toBeGreaterThan(0);
}

/** The upload: one file part, files[0], chart.png, referenced by the embed and by attachments[0]. */
function expectChartUpload(
  request: RecordedRequest,
  message: { embeds: { image?: unknown }[]; attachments?: unknown },
) {
  expect(request.files?.map((f) => [f.field, f.filename, f.contentType])).toEqual([
    ["files[0]", "chart.png", "image/png"],
  ]);
  expectPng(request.files?.[0]?.data);
  expect(message.embeds[0]?.image).toEqual({ url: "attachment://chart.png" });
  expect(message.attachments).toEqual([
    expect.objectContaining({
      id: "0",
      filename: "chart.png",
      description: expect.stringContaining("computed"),
    }),
  ]);
}

describe("Discord chart image, as JSON", () => {
  it("given a card with a chart, points the embed image at the uploaded chart.png, with alt text", () => {
    if (!compute.chart) throw new Error("fixture: /gap compute has a chart");
    const message = withChartImage(renderDiscord(compute), compute.chart);
    expect(message.embeds[0]?.image).toEqual({ url: "attachment://chart.png" });
    expect(message.attachments).toEqual([
      {
        id: "0",
        filename: "chart.png",
        description:
          "Bar chart, Computing power (EFLOPS): US 2400 EFLOPS, China 1053 EFLOPS; ratio 2.3×, computed from 2,400 / 1,053",
      },
    ]);
    // Everything else is the plain rendering, unchanged.
    expect({
      ...message,
      attachments: undefined,
      embeds: [{ ...message.embeds[0], image: undefined }],
    }).toEqual({
      ...renderDiscord(compute),
      attachments: undefined,
      embeds: [{ ...renderDiscord(compute).embeds[0], image: undefined }],
    });
  });

  it("given a card without a chart, uploads nothing", async () => {
    const reply = await renderDiscordReply(new MemoryKeyValueStore(), core.answer({ text: "/chip 910B" }));
    expect(reply.files).toEqual([]);
    expect(reply.message.embeds[0]?.image).toBeUndefined();
    expect(reply.message.attachments).toBeUndefined();
  });

  it("given a chart that cannot be drawn, still answers, without the image", async () => {
    if (!compute.chart) throw new Error("fixture");
    const broken = { ...compute, chart: { ...compute.chart, items: null as unknown as [] } };
    const failures: unknown[] = [];
    const reply = await renderDiscordReply(new MemoryKeyValueStore(), broken, {}, (err) =>
      failures.push(err),
    );
    expect(reply.files).toEqual([]);
    expect(reply.message.embeds[0]?.title).toBe(compute.title);
    expect(failures).toHaveLength(1);
  });

  it("keeps alt text within Discord's 1024 characters and free of mentions", () => {
    if (!compute.chart) throw new Error("fixture");
    const item = { label: "@everyone ".repeat(80), value: 1, display: "1", factId: "f" };
    const alt = chartAltText({ ...compute.chart, items: [item, item] });
    expect(alt.length).toBeLessThanOrEqual(1024);
    expect(alt).not.toMatch(/@everyone/);
  });
});

describe("Discord chart upload through discord.js", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ core });
  });
  afterAll(async () => {
    await h.stop();
  });

  it("given /gap compute, replies multipart with the PNG, which the embed shows as attachment://chart.png", async () => {
    const callback = await h.interact(h.standIn.slashCommand("gap", { topic: "compute" }));
    const body = callback.body as {
      type: number;
      data: { embeds: { image?: unknown }[]; attachments?: unknown };
    };
    expect(body.type).toBe(4);
    expectChartUpload(callback, body.data);
  });

  it("given a mention asking for the compute gap, sends the reply multipart with the PNG", async () => {
    const message = h.standIn.message(`<@${h.standIn.bot.id}> /gap compute`, { mentionsBot: true });
    h.standIn.dispatch("MESSAGE_CREATE", message);
    const sent = await eventually(
      () =>
        h.standIn
          .find("POST", /^\/v10\/channels\/\d+\/messages$/)
          .find(
            (r) =>
              (r.body as { message_reference?: { message_id: string } }).message_reference?.message_id ===
              message.id,
          ),
      "the reply",
    );
    expectChartUpload(sent, sent.body as { embeds: { image?: unknown }[]; attachments?: unknown });
  });

  it("given a card without a chart, replies with plain JSON, no upload", async () => {
    const callback = await h.interact(h.standIn.slashCommand("help"));
    expect(callback.files).toBeUndefined();
  });
});

describe("Discord chart upload after a deferral", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ core: slowCore(150, core), adapter: { deferAfterMs: 20 } });
  });
  afterAll(async () => {
    await h.stop();
  });

  it("given a slow answer, defers, then edits the original response with the PNG attached", async () => {
    const interaction = h.standIn.slashCommand("gap", { topic: "compute" });
    const callback = await h.interact(interaction);
    expect((callback.body as { type: number }).type).toBe(5);
    const edit = await eventually(
      () => h.standIn.find("PATCH", /\/messages\/@original$/).find((r) => r.path.includes(interaction.token)),
      "the edit of the original response",
    );
    expectChartUpload(edit, edit.body as { embeds: { image?: unknown }[]; attachments?: unknown });
  });
});
