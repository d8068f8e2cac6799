// What a Slack turn asks of the shared stores, through the real Bolt receiver: the rate limit and the
// channel's settings (and, for a command, the workspace's chart support) are asked together (on Redis, one
// round trip); elsewhere the chart-support lookup is skipped when the answer carries no chart or feedback
// blocks, and everywhere for a workspace this process knows rejects them.
import { afterEach, describe, expect, it } from "vitest";
import { ChartSupport } from "../../../src/adapters/slack/chart-fallback.js";
import type { RunningSlack } from "../../../src/adapters/slack/index.js";
import { createCore } from "../../../src/core/index.js";
import type { RateLimiter, Verdict } from "../../../src/runtime/rate-limit.js";
import { ChannelSettingsStore } from "../../../src/state/channel-settings.js";
import { type KeyValueStore, MemoryKeyValueStore } from "../../../src/state/kv.js";
import { eventually, type SlackApiStandIn, startSlackApiStandIn } from "../../helpers/slack-api-stand-in.js";
import { startHttpSlack } from "../../helpers/slack-http.js";
import { eventCallback, slashCommand } from "../../helpers/slack-requests.js";

const core = createCore();

/** A key-value store that logs every read, and whether the rate limit had answered by then. */
class LoggedStore implements KeyValueStore {
  readonly reads: { key: string; limitAnswered: boolean }[] = [];
  private readonly inner = new MemoryKeyValueStore();
  constructor(private readonly limitAnswered: () => boolean) {}
  async get(key: string) {
    this.reads.push({ key, limitAnswered: this.limitAnswered() });
    return this.inner.get(key);
  }
  set(key: string, value: string, ttlMs?: number) {
    return this.inner.set(key, value, ttlMs);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
}

/** A limiter whose answer comes a little later, as one over the network does. */
class SlowLimiter implements RateLimiter {
  answered = 0;
  async take(): Promise<Verdict> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    this.answered++;
    return { ok: true };
  }
}

let api: SlackApiStandIn | undefined;
let slack: RunningSlack | undefined;
afterEach(async () => {
  await slack?.stop();
  await api?.close();
  slack = api = undefined;
});

async function start() {
  api = await startSlackApiStandIn();
  const limiter = new SlowLimiter();
  const kv = new LoggedStore(() => limiter.answered > 0);
  const started = await startHttpSlack(api, {
    core,
    kv,
    channelSettings: new ChannelSettingsStore(kv),
    threads: kv,
    rateLimit: { limiter, perUserPerMinute: 100, perChannelPerMinute: 100 },
  });
  slack = started.slack;
  return { api, kv, send: started.send };
}

describe("a slash command's store calls", () => {
  it("reads the channel's settings and the workspace's chart support before the rate limit has answered", async () => {
    const { api, kv, send } = await start();
    await send(slashCommand("/gap", "compute", api.responseUrl("both")));
    await eventually(() => api.responsesTo("both").length > 0);
    const settings = kv.reads.filter((r) => r.key.startsWith("channel-settings:"));
    const charts = kv.reads.filter((r) => r.key.includes("no-chart-blocks"));
    expect(settings).toHaveLength(1);
    expect(charts).toHaveLength(1);
    expect([...settings, ...charts].some((r) => r.limitAnswered)).toBe(false);
  });

  it("given a DM answered without chart or feedback blocks, never asks which workspaces take chart blocks", async () => {
    const { api, kv, send } = await start();
    await send(
      eventCallback("Ev-plain", {
        type: "message",
        channel_type: "im",
        channel: "D0PLAIN",
        user: "U0001",
        text: "what is the weather in Paris?",
        ts: "1700000000.000100",
      }),
    );
    const [answer] = await eventually(() => {
      const posts = api.callsTo("chat.postMessage").filter((c) => c.body.channel === "D0PLAIN");
      return posts.length > 0 && posts;
    });
    expect(JSON.stringify(answer?.body.blocks)).not.toMatch(/data_visualization|"table"|context_actions/);
    expect(kv.reads.filter((r) => r.key.includes("no-chart-blocks"))).toEqual([]);
    // The DM's thread context was read, with the rate limit, before it answered: only chart blocks were not asked.
    const thread = kv.reads.filter((r) => r.key.includes(":D0PLAIN:"));
    expect(thread).toHaveLength(1);
    expect(thread[0]?.limitAnswered).toBe(false);
  });

  it("given answers with a chart, asks the store each time until the workspace rejects them, then no more", async () => {
    const { api, kv, send } = await start();
    const chartReads = () => kv.reads.filter((r) => r.key.includes("no-chart-blocks")).length;
    for (const id of ["c1", "c2"]) {
      await send(slashCommand("/gap", "compute", api.responseUrl(id)));
      await eventually(() => api.responsesTo(id).length > 0);
    }
    expect(JSON.stringify(api.responsesTo("c2")[0]?.body.blocks)).toContain("data_visualization");
    expect(chartReads()).toBe(2);
    api.rejectBlocks(["data_visualization", "table"]);
    await send(slashCommand("/gap", "compute", api.responseUrl("c3")));
    await eventually(() => api.responsesTo("c3").length >= 2);
    await send(slashCommand("/gap", "compute", api.responseUrl("c4")));
    const [c4] = await eventually(() => api.responsesTo("c4").length > 0 && api.responsesTo("c4"));
    expect(JSON.stringify(c4?.body.blocks)).not.toContain("data_visualization");
    expect(chartReads()).toBe(3);
  });
});

describe("ChartSupport in process", () => {
  it("reads a rejection another instance met at once, and keeps one it read without asking again", async () => {
    let reads = 0;
    const store = new MemoryKeyValueStore();
    const counted: KeyValueStore = {
      get: (key) => {
        reads++;
        return store.get(key);
      },
      set: (key, value, ttlMs) => store.set(key, value, ttlMs),
      delete: (key) => store.delete(key),
    };
    const here = new ChartSupport(counted);
    const elsewhere = new ChartSupport(store);
    expect(await here.supports("T1")).toBe(true);
    await elsewhere.markUnsupported("T1");
    expect(await here.supports("T1")).toBe(false);
    expect(await here.supports("T1")).toBe(false);
    expect(reads).toBe(2);
  });
});
