// Rate limits through the real Bolt app in HTTP mode: signed slash commands, mentions and button clicks
// from several users, teams and channels, against a limiter whose clock the test moves.
import { beforeEach, describe, expect, it } from "vitest";
import { ACTION_SHARE, renderSlack } from "../../../src/adapters/slack/render.js";
import { buttonValue } from "../../../src/adapters/slack/requests.js";
import { MemoryRateLimiter } from "../../../src/runtime/rate-limit.js";
import { rateLimitedCard } from "../../../src/runtime/rate-limited.js";
import { BOT_USER_ID, eventually } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { httpSlackForTests } from "../../helpers/slack-http.js";
import { blockActions, eventCallback, slashCommandFrom } from "../../helpers/slack-requests.js";

describe("Slack adapter, rate limits", () => {
  let now = 0;
  const app = httpSlackForTests(
    {
      core: fixtureCore(),
      rateLimit: {
        limiter: new MemoryRateLimiter(() => now),
        perUserPerMinute: 2,
        perChannelPerMinute: 3,
      },
    },
    { replyVisibility: "in_channel" },
  );
  const send = app.send;
  let n = 0;
  /** Sends one slash command and waits for its reply through response_url. */
  const ask = async (who: { user?: string; team?: string; channel?: string }) => {
    const id = `rl-${++n}`;
    const res = await send(slashCommandFrom(who, "/gap", "compute", app.api.responseUrl(id)));
    expect(res.status).toBe(200);
    const [reply] = await eventually(() => {
      const r = app.api.responsesTo(id);
      return r.length > 0 && r;
    });
    return reply?.body as { response_type: string; text: string };
  };

  beforeEach(() => {
    // A day later every bucket is full again.
    now += 86_400_000;
  });

  it("given a user's third command in a minute, answers only them, saying when to retry", async () => {
    const who = { user: "U-ana", channel: "C-one" };
    expect((await ask(who)).response_type).toBe("in_channel");
    expect((await ask(who)).response_type).toBe("in_channel");
    const third = await ask(who);
    // Two a minute: the next token comes 30 s after the first two were spent at the same instant.
    expect(third).toEqual({
      response_type: "ephemeral",
      ...renderSlack(rateLimitedCard(30_000), { ephemeral: true }),
    });
    expect(third.text).toContain("try again in 30 seconds");
    now += 30_000;
    expect((await ask(who)).response_type).toBe("in_channel");
  });

  it("given the same user id in another team, counts it apart", async () => {
    await ask({ user: "U-ana", channel: "C-two" });
    await ask({ user: "U-ana", channel: "C-two" });
    expect((await ask({ user: "U-ana", channel: "C-two" })).response_type).toBe("ephemeral");
    expect((await ask({ user: "U-ana", channel: "C-two", team: "T-other" })).response_type).toBe(
      "in_channel",
    );
  });

  it("given a busy channel, limits its fourth command whoever sends it", async () => {
    for (const user of ["U-a", "U-b", "U-c"]) {
      expect((await ask({ user, channel: "C-busy" })).response_type).toBe("in_channel");
    }
    expect((await ask({ user: "U-d", channel: "C-busy" })).text).toContain("try again in 20 seconds");
    expect((await ask({ user: "U-d", channel: "C-quiet" })).response_type).toBe("in_channel");
  });

  it("given mentions over the limit, tells only the asker, in the thread, when to retry", async () => {
    const mention = (i: number) =>
      eventCallback(`Ev-rl-${now}-${i}`, {
        type: "app_mention",
        user: "U-mentioner",
        channel: "C-mentions",
        text: `<@${BOT_USER_ID}> /gap compute`,
        ts: `1700000${i}.000100`,
      });
    for (const i of [1, 2, 3]) await send(mention(i));
    const [note] = await eventually(() => {
      const e = app.api.callsTo("chat.postEphemeral").filter((c) => c.body.channel === "C-mentions");
      return e.length > 0 && e;
    });
    expect(note?.body).toMatchObject({ user: "U-mentioner", thread_ts: "17000003.000100" });
    expect(String(note?.body.text)).toContain("try again in 30 seconds");
    const answers = await eventually(() => {
      const p = app.api.callsTo("chat.postMessage").filter((c) => c.body.channel === "C-mentions");
      return p.length >= 2 && p;
    });
    expect(answers.map((a) => a.body.thread_ts)).toEqual(["17000001.000100", "17000002.000100"]);
  });

  it("given a share click over the limit, tells the clicker alone and keeps their original", async () => {
    const who = { user: "U0001", channel: "C0001" };
    await ask(who);
    await ask(who);
    const id = `share-${now}`;
    await send(
      blockActions({
        actionId: ACTION_SHARE,
        value: buttonValue("/gap compute") ?? "",
        responseUrl: app.api.responseUrl(id),
        ephemeral: true,
      }),
    );
    const [reply] = await eventually(() => {
      const r = app.api.responsesTo(id);
      return r.length > 0 && r;
    });
    expect(reply?.body.response_type).toBe("ephemeral");
    expect(String(reply?.body.text)).toContain("try again in");
    // No delete_original: the answer stays there to share once the minute is up.
    await new Promise((r) => setTimeout(r, 100));
    expect(app.api.responsesTo(id)).toHaveLength(1);
  });
});
