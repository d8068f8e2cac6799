// Feedback and the question record through the real Bolt app in HTTP mode: an answer carries Slack's own
// 👍/👎 (plain buttons where the workspace rejects them), a vote is stored once per user and changeable, the
// voter alone is thanked, and `gapbot report` (the built CLI, on the same database file) then lists the
// disliked answer and the question that was not found.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ACTION_VOTE_DOWN } from "../../../src/adapters/slack/render.js";
import { ACTION_REASON_PREFIX } from "../../../src/adapters/slack/render-feedback.js";
import { THANKS_DOWN, THANKS_REASON, THANKS_UP } from "../../../src/runtime/record.js";
import { openDatabase } from "../../../src/storage/database.js";
import { QuestionLog } from "../../../src/storage/question-log.js";
import { BOT_USER_ID, eventually } from "../../helpers/slack-api-stand-in.js";
import { blockKitProblems } from "../../helpers/slack-block-kit.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { httpSlackForTests, withHttpSlack } from "../../helpers/slack-http.js";
import { blockActions, eventCallback, feedbackClick, slashCommand } from "../../helpers/slack-requests.js";
import { ensureBuilt, root } from "../../start/ensure-built.js";

const core = fixtureCore();
const dataDir = mkdtempSync(join(tmpdir(), "gapbot-feedback-"));
const questions = new QuestionLog(openDatabase({ dir: dataDir }), { retentionDays: 30 });
const app = httpSlackForTests({ core, questions });
let n = 0;

// `gapbot report` below runs the built CLI.
beforeAll(() => ensureBuilt(), 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `gapbot report --json` as an operator runs it, on this test's database file. */
function report(): {
  unanswered: { examples: string[] }[];
  disliked: { text: string; facts: string[]; votes: { up: number; down: number } }[];
} {
  const run = spawnSync(process.execPath, [join(root, "bin/gapbot.js"), "report", "--json"], {
    cwd: dataDir,
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir },
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout);
}
afterEach(() => {
  app.api.rejectBlocks([]);
});

function mention(text: string): Record<string, unknown> {
  n++;
  return {
    type: "app_mention",
    user: "U0001",
    text: `<@${BOT_USER_ID}> ${text}`,
    ts: `1700001${n}.000100`,
    channel: "C0001",
  };
}

function feedbackElement(blocks: unknown[]) {
  const block = blocks.find((b) => (b as { type: string }).type === "context_actions") as
    | { elements: { type: string; positive_button: { value: string }; negative_button: { value: string } }[] }
    | undefined;
  return block?.elements[0];
}

describe("Slack feedback", () => {
  it("puts Slack's feedback buttons under a mention's answer, carrying the recorded question's id", async () => {
    const before = app.api.callsTo("chat.postMessage").length;
    await app.send(eventCallback(`Ev-fb-${n}`, mention("/chip 910B")));
    const post = await eventually(() => app.api.callsTo("chat.postMessage")[before]);
    const blocks = post.body.blocks as unknown[];
    expect(blockKitProblems(post.body)).toEqual([]);
    const element = feedbackElement(blocks);
    expect(element?.type).toBe("feedback_buttons");
    const id = element?.positive_button.value.replace(/^up:/, "");
    expect(element?.negative_button.value).toBe(`down:${id}`);
    const row = questions.since(0).find((r) => r.id === id);
    expect(row).toMatchObject({ platform: "slack", command: "mention", text: "/chip 910B", kind: "chip" });
    expect(row?.facts.length).toBeGreaterThan(0);
  });

  it("stores a 👎 and its reason, thanks the voter alone, and lets them change it to 👍: one vote each", async () => {
    const before = app.api.callsTo("chat.postMessage").length;
    await app.send(eventCallback(`Ev-fb-${n}`, mention("/chip 910B")));
    const post = await eventually(() => app.api.callsTo("chat.postMessage")[before]);
    const id =
      feedbackElement(post.body.blocks as unknown[])?.negative_button.value.replace(/^down:/, "") ?? "";

    await app.send(feedbackClick(`down:${id}`, "U0002", app.api.responseUrl("fb-down")));
    const thanks = await eventually(() => app.api.responsesTo("fb-down")[0]);
    expect(thanks.body).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: THANKS_DOWN,
    });
    const reasons = (
      thanks.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    )
      .find((b) => b.type === "actions")
      ?.elements?.map((e) => e.action_id);
    expect(reasons).toEqual([
      `${ACTION_REASON_PREFIX}wrong_figure`,
      `${ACTION_REASON_PREFIX}not_asked`,
      `${ACTION_REASON_PREFIX}missing`,
    ]);

    await app.send(
      blockActions({
        actionId: `${ACTION_REASON_PREFIX}wrong_figure`,
        value: id,
        responseUrl: app.api.responseUrl("fb-why"),
        ephemeral: true,
      }),
    );
    const noted = await eventually(() => app.api.responsesTo("fb-why")[0]);
    expect(noted.body).toMatchObject({
      response_type: "ephemeral",
      replace_original: true,
      text: THANKS_REASON,
    });
    // The reason click comes from U0001 in the helper's payload, who has not voted: nothing to explain.
    await app.send(feedbackClick(`down:${id}`, "U0001", app.api.responseUrl("fb-down-2")));
    await eventually(() => app.api.responsesTo("fb-down-2")[0]);
    await app.send(
      blockActions({
        actionId: `${ACTION_REASON_PREFIX}wrong_figure`,
        value: id,
        responseUrl: app.api.responseUrl("fb-why-2"),
        ephemeral: true,
      }),
    );
    await eventually(() => app.api.responsesTo("fb-why-2")[0]);

    let row = questions.since(0).find((r) => r.id === id);
    expect(row).toMatchObject({ up: 0, down: 2, reasons: { wrong_figure: 1 } });
    const operator = report();
    expect(operator.disliked[0]).toMatchObject({ text: "/chip 910B", votes: { up: 0, down: 2 } });
    expect(operator.disliked[0]?.facts.length).toBeGreaterThan(0);

    await app.send(feedbackClick(`up:${id}`, "U0002", app.api.responseUrl("fb-up")));
    expect((await eventually(() => app.api.responsesTo("fb-up")[0])).body).toMatchObject({ text: THANKS_UP });
    row = questions.since(0).find((r) => r.id === id);
    expect(row).toMatchObject({ up: 1, down: 1 });
    // Nothing reached the channel: every thank-you went to a response_url, ephemerally.
    expect(app.api.callsTo("chat.postMessage").length).toBe(before + 1);
  });

  it("given a workspace that rejects Slack's feedback buttons, answers with plain 👍/👎 buttons that vote too", async () => {
    app.api.rejectBlocks(["context_actions"]);
    await app.send(slashCommand("/chip", "910B", app.api.responseUrl("fb-plain")));
    const posts = await eventually(() =>
      app.api.responsesTo("fb-plain").length >= 2 ? app.api.responsesTo("fb-plain") : undefined,
    );
    const last = posts.at(-1)?.body as {
      blocks: { type: string; elements?: { action_id: string; value: string }[] }[];
    };
    expect(last.blocks.some((b) => b.type === "context_actions")).toBe(false);
    const down = last.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === ACTION_VOTE_DOWN);
    expect(down?.value).toMatch(/^\w+$/);
    await app.send(
      blockActions({
        actionId: ACTION_VOTE_DOWN,
        value: down?.value ?? "",
        responseUrl: app.api.responseUrl("fb-plain-vote"),
        ephemeral: true,
      }),
    );
    await eventually(() => app.api.responsesTo("fb-plain-vote")[0]);
    expect(questions.since(0).find((r) => r.id === down?.value)).toMatchObject({ command: "chip", down: 1 });
  });
});

describe("Slack unanswered questions", () => {
  it("records a mention the material does not answer, and gapbot report lists it under unanswered", async () => {
    const before = app.api.callsTo("chat.postMessage").length;
    await app.send(eventCallback(`Ev-nf-${n}`, mention("how much electricity do data centers use?")));
    const post = await eventually(() => app.api.callsTo("chat.postMessage")[before]);
    expect(String(post.body.text)).toMatch(/not in the material/i);
    const examples = report().unanswered.flatMap((g) => g.examples);
    expect(examples).toContain("how much electricity do data centers use?");
  });
});

describe("Slack with the record off", () => {
  it("answers without feedback buttons", async () => {
    await withHttpSlack({ core }, async (own) => {
      await own.send(eventCallback("Ev-off-1", mention("/chip 910B")));
      const post = await eventually(() => own.api.callsTo("chat.postMessage")[0]);
      const types = (post.body.blocks as { type: string; elements?: { action_id: string }[] }[]).flatMap(
        (b) => [b.type, ...(b.elements ?? []).map((e) => e.action_id)],
      );
      expect(types).not.toContain("context_actions");
      expect(types).not.toContain(ACTION_VOTE_DOWN);
    });
  });
});

describe("Slack App Home report", () => {
  it("shows a workspace admin the record's summary with the disliked answer, and a member none of it", async () => {
    app.api.answer("users.info", { ok: true, user: { id: "U0ADMIN", is_admin: true } });
    await app.send(
      eventCallback("Ev-home-admin", {
        type: "app_home_opened",
        user: "U0ADMIN",
        channel: "D0001",
        tab: "home",
      }),
    );
    const view = (await eventually(() => app.api.callsTo("views.publish").at(-1))).body.view as {
      blocks: object[];
    };
    expect(blockKitProblems({ blocks: view.blocks }, "home")).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain("Questions, last 7 days");
    expect(text).toContain("Most disliked answers");
    expect(text).toContain("/chip 910B");

    app.api.answer("users.info", { ok: true, user: { id: "U0MEMBER", is_admin: false } });
    const before = app.api.callsTo("views.publish").length;
    await app.send(
      eventCallback("Ev-home-member", {
        type: "app_home_opened",
        user: "U0MEMBER",
        channel: "D0002",
        tab: "home",
      }),
    );
    const member = (await eventually(() => app.api.callsTo("views.publish")[before])).body.view as {
      blocks: object[];
    };
    expect(JSON.stringify(member.blocks)).not.toContain("Questions, last 7 days");
  });
});
