// The invalid_blocks fallback through the real Bolt app in HTTP mode, against a Web API and response_url
// stand-in that acts as a workspace without Slack's chart and table blocks.
import { afterEach, describe, expect, it } from "vitest";
import { ChartSupport } from "../../../src/adapters/slack/chart-fallback.js";
import type { RunningSlack } from "../../../src/adapters/slack/index.js";
import { createCore } from "../../../src/core/index.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import { eventually, type SlackApiStandIn, startSlackApiStandIn } from "../../helpers/slack-api-stand-in.js";
import { blockKitProblems } from "../../helpers/slack-block-kit.js";
import { startHttpSlack } from "../../helpers/slack-http.js";
import { eventCallback, type sendToApp, slashCommand } from "../../helpers/slack-requests.js";

const CHART_TYPES = ["data_visualization", "table"];
const core = createCore();

const typesOf = (body: Record<string, unknown>) =>
  ((body.blocks as { type: string }[] | undefined) ?? []).map((b) => b.type);
const hasCharts = (body: Record<string, unknown>) => typesOf(body).some((t) => CHART_TYPES.includes(t));

let api: SlackApiStandIn | undefined;
let slack: RunningSlack | undefined;
afterEach(async () => {
  await slack?.stop();
  await api?.close();
  slack = undefined;
  api = undefined;
});

/** A fresh adapter, so that what one test teaches it about the workspace does not leak into the next. */
async function start(): Promise<{
  api: SlackApiStandIn;
  send: (body: Parameters<typeof sendToApp>[1]) => Promise<Response>;
}> {
  api = await startSlackApiStandIn();
  const started = await startHttpSlack(api, { core });
  slack = started.slack;
  return { api, send: (body) => started.send(body) };
}

const dm = (id: string, channel: string, text: string) =>
  eventCallback(id, {
    type: "message",
    channel_type: "im",
    channel,
    user: "U0001",
    text,
    ts: "1700000000.000100",
  });

describe("Slack chart blocks fallback", () => {
  it("given a workspace that accepts chart blocks, sends the answer once, with its chart and table", async () => {
    const { api, send } = await start();
    await send(slashCommand("/gap", "compute", api.responseUrl("ok")));
    const [post] = await eventually(() => api.responsesTo("ok").length > 0 && api.responsesTo("ok"));
    expect(typesOf(post?.body ?? {})).toEqual(expect.arrayContaining(CHART_TYPES));
    expect(blockKitProblems(post?.body as { text: string; blocks: object[] })).toEqual([]);
    await send(dm("Ev-ok-2", "D0OK", "/gap compute"));
    await eventually(() => api.callsTo("chat.postMessage").length);
    expect(api.responsesTo("ok")).toHaveLength(1);
  });

  it("given invalid_blocks from chat.postMessage, resends once without them, then remembers the workspace", async () => {
    const { api, send } = await start();
    api.rejectBlocks(CHART_TYPES);
    await send(dm("Ev-1", "D0ONE", "/gap compute"));
    const posts = await eventually(() => {
      const calls = api.callsTo("chat.postMessage").filter((c) => c.body.channel === "D0ONE");
      return calls.length >= 2 && calls;
    });
    expect(posts.map((c) => hasCharts(c.body))).toEqual([true, false]);
    // The text bars stand in for the chart.
    expect(JSON.stringify(posts[1]?.body.blocks)).toContain("████████████");

    await send(dm("Ev-2", "D0TWO", "/gap market share"));
    const [next] = await eventually(() => {
      const calls = api.callsTo("chat.postMessage").filter((c) => c.body.channel === "D0TWO");
      return calls.length >= 1 && calls;
    });
    expect(hasCharts(next?.body ?? {})).toBe(false);
    // A later answer proves nothing more was sent to D0TWO.
    await send(dm("Ev-3", "D0THREE", "/help"));
    await eventually(() => api.callsTo("chat.postMessage").some((c) => c.body.channel === "D0THREE"));
    expect(api.callsTo("chat.postMessage").filter((c) => c.body.channel === "D0TWO")).toHaveLength(1);
  });

  it("given a response_url that answers 400 to chart blocks, resends the slash command's answer once without", async () => {
    const { api, send } = await start();
    api.rejectBlocks(CHART_TYPES, 400);
    await send(slashCommand("/gap", "compute", api.responseUrl("r400")));
    const posts = await eventually(() => api.responsesTo("r400").length >= 2 && api.responsesTo("r400"));
    expect(posts.map((p) => hasCharts(p.body))).toEqual([true, false]);
    expect(posts[1]?.body.response_type).toBe("ephemeral");
  });

  it("given a response_url that answers 200 with invalid_blocks in its body, resends once without", async () => {
    const { api, send } = await start();
    api.rejectBlocks(CHART_TYPES, 200);
    await send(slashCommand("/gap", "market share", api.responseUrl("r200")));
    const posts = await eventually(() => api.responsesTo("r200").length >= 2 && api.responsesTo("r200"));
    expect(posts.map((p) => hasCharts(p.body))).toEqual([true, false]);
  });

  it("given another failure (a 500), never resends without charts: retries as is, then apologises", async () => {
    const { api, send } = await start();
    api.failResponseUrls(500);
    await send(slashCommand("/gap", "compute", api.responseUrl("r500")));
    const isApology = (p: { body: Record<string, unknown> }) => /sorry/i.test(String(p.body.text));
    const posts = await eventually(() => api.responsesTo("r500").some(isApology) && api.responsesTo("r500"));
    const answers = posts.filter((p) => !isApology(p));
    // A 500 is transient: the same message (with its charts) is retried, never one without them.
    expect(answers.length).toBeGreaterThan(1);
    expect(answers.every((p) => hasCharts(p.body))).toBe(true);
    expect(posts.filter(isApology).every((p) => p.body.blocks === undefined)).toBe(true);
  });
});

describe("ChartSupport", () => {
  it("remembers a workspace that rejected chart blocks, and only that one, in the store it is given", async () => {
    const store = new MemoryKeyValueStore();
    const support = new ChartSupport(store);
    await support.markUnsupported("T1");
    expect(await support.supports("T1")).toBe(false);
    expect(await support.supports("T2")).toBe(true);
    // Another instance reading the same store knows it too.
    expect(await new ChartSupport(store).supports("T1")).toBe(false);
  });
});
