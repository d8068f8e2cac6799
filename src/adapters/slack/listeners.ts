// Routing: each Slack input (slash command, mention, DM, button, App Home) → one core turn → one reply.
// Handlers only ack, normalise, answer, render and reply; every one runs inside the same error boundary.
// https://docs.slack.dev/tools/bolt-js/concepts/acknowledge · https://docs.slack.dev/interactivity/handling-user-interaction
import type { App, BlockAction, ButtonAction, RespondFn, webApi } from "@slack/bolt";
import type { HomeView } from "@slack/types";
import { commands } from "../../../commands/index.js";
import type { ReplyVisibility } from "../../config/settings.js";
import type { Card } from "../../core/card.js";
import { buildReport } from "../../report/report.js";
import { answerConversation, lastQuestion, rememberQuestion } from "../../runtime/conversation.js";
import { cleanUserText } from "../../runtime/input.js";
import { withProgress } from "../../runtime/progress.js";
import { type Asker, checkRateLimit } from "../../runtime/rate-limited.js";
import { type Asker as Recorded, recordQuestion, recordVote } from "../../runtime/record.js";
import { RETRY_DELAYS_MS, retryTransient } from "../../runtime/retry.js";
import { coreForSources } from "../../runtime/scoped-core.js";
import { answerTurn, apologyCard } from "../../runtime/turn.js";
import type { ChannelSettings } from "../../state/channel-settings.js";
import type { AdapterContext } from "../adapter.js";
import { channelSettingsIn, channelSettingsOf } from "../channel-settings.js";
import { gapbotAssistant } from "./assistant.js";
import { ChartSupport, sendWithChartFallback } from "./chart-fallback.js";
import {
  ACTION_FEEDBACK,
  ACTION_RUN_PREFIX,
  ACTION_SHARE,
  ACTION_SHOW_SOURCES,
  ACTION_VOTE_DOWN,
  ACTION_VOTE_UP,
  FIELDS_SHOWN_MAX,
  renderSlack,
  renderSlackHome,
  renderSlackSources,
  type SlackMessage,
} from "./render.js";
import { ACTION_REASON_PREFIX, reasonOfAction, renderSlackThanks } from "./render-feedback.js";
import { renderSlackReport } from "./render-report.js";
import {
  canonicalQuery,
  commandQuery,
  commandRequest,
  messageQuery,
  queryFromButton,
  requestFromQuery,
  slackCommandName,
} from "./requests.js";
import { responseUrlReplier } from "./response-url.js";
import { isWorkspaceAdmin, privateReplies, settingsWords, slackSettingsCard } from "./settings.js";
import type { PostQueue } from "./web-api-posts.js";

/** The App Home report covers this many days, as `gapbot report` does by default. */
export const HOME_REPORT_DAYS = 7;

/** What the user reads when a handler fails after the core answered (a reply that could not be sent…). */
export const APOLOGY_TEXT = apologyCard().headline;

/** Replies still being written, so that stop() can let them finish. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  /** How many replies are still being written. */
  get size(): number {
    return this.running.size;
  }

  /** Waits for the replies in flight, at most `timeoutMs`. */
  async settle(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.running]), timeout]);
    clearTimeout(timer);
  }
}

interface ListenerOptions {
  replyVisibility: ReplyVisibility;
  inFlight: InFlight;
  /** Posts, retried only when nothing was posted, held back per channel after a 429. */
  posts: PostQueue;
  /** Retries of calls that are safe to repeat (views.publish). */
  retries: number;
  /** A turn still running after this long puts 👀 on the question (PROGRESS_AFTER_MS by default). */
  progressAfterMs?: number;
  /** Workspaces that rejected chart blocks; one per adapter when not given. */
  chartSupport?: ChartSupport;
}

/** The fields of a message event we read; Bolt's union of message subtypes is wider than we need. */
interface IncomingMessage {
  channel: string;
  channel_type?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
}

export function registerListeners(app: App, ctx: AdapterContext, options: ListenerOptions): void {
  const { inFlight } = options;
  const chartSupport = options.chartSupport ?? new ChartSupport(ctx.kv);

  /** Renders the card with Slack's chart blocks, or without them where the workspace rejected them. */
  const reply = (
    teamId: string | undefined,
    command: string,
    render: (charts: boolean) => SlackMessage,
    send: (message: SlackMessage) => Promise<unknown>,
    asked?: Promise<boolean>,
  ) =>
    sendWithChartFallback(
      chartSupport,
      teamId,
      render,
      send,
      (reason) => {
        ctx.logger.info(
          { platform: "slack", command, teamId, reason },
          "slack chart blocks rejected: sent without",
        );
      },
      asked,
    );

  /** The error boundary around one turn: the log gets the error, the user a short apology. */
  const guarded = async (
    command: string,
    apologise: () => Promise<unknown>,
    work: () => Promise<unknown>,
  ) => {
    try {
      await inFlight.track(work());
    } catch (err) {
      ctx.metrics?.apiError("slack");
      ctx.logger.error({ err, platform: "slack", command }, "slack turn failed");
      try {
        await apologise();
      } catch (apologyErr) {
        ctx.logger.error({ err: apologyErr, platform: "slack", command }, "slack apology failed");
      }
    }
  };

  /** Slack redelivers an event it thinks we missed (x-slack-retry-num): its event_id is answered once. */
  const firstTime = async (body: unknown): Promise<boolean> => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id !== "string") return true;
    const first = await ctx.seen.firstTime(`slack:${id}`);
    if (!first) ctx.metrics?.deduplicated("slack");
    return first;
  };

  /**
   * A slash command has no event_id; its trigger_id is unique to the user's one invocation. Every command's
   * trigger is remembered, and a redelivery (x-slack-retry-num, from Slack or a load balancer resending to
   * another instance) of one already seen is dropped. A first delivery always runs.
   */
  const firstCommand = async (triggerId: string | undefined, retryNum: number | undefined) => {
    if (!triggerId) return true;
    const seen = ctx.seen.firstTime(`slack:trigger:${triggerId}`);
    // A first delivery runs whatever the store says: it is recorded, not waited for (a round trip to Redis
    // saved on every command; a redelivery comes seconds later, long after the record).
    if (retryNum === undefined) {
      seen.catch((err: unknown) => ctx.logger.warn({ err }, "could not record a slash command's trigger"));
      return true;
    }
    if (await seen) return true;
    ctx.metrics?.deduplicated("slack");
    return false;
  };

  /**
   * respond() through this request's response_url, retried on 429 (after its Retry-After), 5xx or a network
   * error within the URL's 30 minutes and 5 uses; Bolt's own respond() does not retry.
   */
  const replier = (url: string | undefined, respondOnce: RespondFn): RespondFn =>
    url
      ? responseUrlReplier(url, {
          receivedAt: Date.now(),
          onRetry: (err, attempt, delayMs) => {
            ctx.metrics?.apiRetry("slack");
            ctx.logger.warn({ err, platform: "slack", attempt, delayMs }, "response_url failed: retrying");
          },
        })
      : respondOnce;

  type Client = webApi.WebClient;
  const postMessage = (client: Client, args: webApi.ChatPostMessageArguments) =>
    options.posts.post("chat.postMessage", args.channel, () => client.chat.postMessage(args));
  const postEphemeral = (client: Client, args: webApi.ChatPostEphemeralArguments) =>
    options.posts.post("chat.postEphemeral", args.channel, () => client.chat.postEphemeral(args));

  /** Records the question; the render options that put 👍/👎 under its answer (none when not recorded). */
  const recorded = (command: string, text: string, card: Card, asker: Recorded) => {
    const answerId = recordQuestion(ctx, { platform: "slack", command }, text, card, asker);
    return (rich: boolean) => (answerId ? { feedback: { answerId }, nativeFeedback: rich } : {});
  };

  /** The card that says when to retry, when this asker is over the limit. */
  const limited = (asker: Omit<Asker, "platform">) => checkRateLimit(ctx, { platform: "slack", ...asker });
  /** The rate-limit card when this asker is over the limit, else the core's answer, recorded. */
  const answer = async (command: string, query: string, asker: Omit<Asker, "platform">) => {
    const slow = await limited(asker);
    if (slow) return { card: slow, feedback: (_rich: boolean) => ({}) };
    const card = answerTurn(ctx, { platform: "slack", command }, requestFromQuery(query));
    return { card, feedback: recorded(command, query, card, asker) };
  };

  // Messages in an assistant thread go to the assistant (Bolt stops them before the DM listener below).
  app.assistant(
    gapbotAssistant(ctx, { guarded, reply, answer, firstTime, postMessage, apologyText: APOLOGY_TEXT }),
  );

  for (const command of commands) {
    app.command(
      slackCommandName(command),
      async ({ command: slash, ack, respond: respondOnce, client, context }) => {
        const respond = replier(slash.response_url, respondOnce);
        // Slack shows an error unless we ack within 3 s; the answer follows through response_url.
        await ack();
        if (!(await firstCommand(slash.trigger_id, context.retryNum))) return;
        await guarded(
          command.name,
          () => respond({ response_type: "ephemeral", text: APOLOGY_TEXT }),
          async () => {
            const text = cleanUserText(slash.text);
            const where = { platform: "slack" as const, workspace: slash.team_id, channel: slash.channel_id };
            const words = command.intent === "help" ? settingsWords(text) : undefined;
            if (words !== undefined) {
              const card = await slackSettingsCard({
                words,
                user: slash.user_id,
                where,
                store: channelSettingsOf(ctx),
                knownSources: ctx.core.knowledge.sources.map((s) => s.id),
                defaultReplies: options.replyVisibility,
                isAdmin: () => isWorkspaceAdmin(client, slash.user_id),
              });
              await respond({ response_type: "ephemeral", ...renderSlack(card, { ephemeral: true }) });
              return;
            }
            // The limit, the channel's settings and whether the workspace takes chart blocks, asked at once:
            // on Redis they go out in one write and come back in one read (auto-pipelining), one round trip
            // where there were three. The chart answer is only waited for when the reply carries such blocks
            // (with feedback buttons, most answers do). The settings are read every time, not kept in
            // process: an admin's "replies private" or sources change must hold at once on every instance,
            // and reading them costs no round trip of its own.
            const charts = chartSupport.supports(slash.team_id);
            // Not awaited when the reply has no such blocks: its failure then must not go unhandled.
            charts.catch(() => {});
            const [slow, channelSettings] = await Promise.all([
              limited({ workspace: slash.team_id, user: slash.user_id, channel: slash.channel_id }),
              channelSettingsOf(ctx).get(where),
            ]);
            const card =
              slow ??
              answerTurn(
                { ...ctx, core: coreForSources(ctx.core, channelSettings.sources) },
                { platform: "slack", command: command.name },
                commandRequest(command, text),
              );
            // Only the asker needs to read that they are going too fast.
            const privately = privateReplies(channelSettings, options.replyVisibility) || slow !== undefined;
            const query = commandQuery(command, text);
            const feedback = slow
              ? () => ({})
              : recorded(command.name, query, card, {
                  workspace: slash.team_id,
                  user: slash.user_id,
                  channel: slash.channel_id,
                });
            await reply(
              slash.team_id,
              command.name,
              (charts) => renderSlack(card, { ephemeral: privately, query, charts, ...feedback(charts) }),
              (message) => respond({ response_type: privately ? "ephemeral" : "in_channel", ...message }),
              charts,
            );
          },
        );
      },
    );
  }

  /** A Slack conversation's key in the state store: a thread, or a DM's top level. */
  const threadKey = (team: string | undefined, channel: string, thread: string) =>
    `slack:${team ?? ""}:${channel}:${thread}`;

  /**
   * One message of a conversation — a mention, a DM, a reply in a thread the bot answered in — read
   * against the thread's last question, answered where it was asked, the thread's question moved on.
   */
  const converse = async (
    client: App["client"],
    command: "mention" | "dm" | "follow-up",
    m: { team?: string; channel: string; user?: string; ts: string; text: string },
    where: { channel: string; thread_ts?: string },
    key: string,
    /**
     * The channel's settings (none in a DM): answered from its sources alone, and, with its follow-ups off,
     * read on its own rather than against the thread's last question.
     */
    here?: ChannelSettings,
    /** The thread's last question when the caller has read it already. */
    known?: { last: string | undefined },
  ) => {
    await guarded(
      command,
      () => postMessage(client, { ...where, text: APOLOGY_TEXT }),
      async () => {
        const asker = { workspace: m.team, user: m.user, channel: m.channel };
        // The thread's last question is asked with the limit, in one round trip (see the slash command above),
        // and awaited under the 👀 below, which a slow store's answer should earn. A channel with follow-ups
        // off reads each message on its own.
        const lastRead = known
          ? Promise.resolve(known.last)
          : ctx.threads && (here?.followUps ?? true)
            ? lastQuestion(ctx, key)
            : Promise.resolve(undefined);
        // Not awaited when the asker is over the limit: its failure then must not go unhandled.
        lastRead.catch(() => {});
        const slow = await limited(asker);
        if (slow) {
          // Only the asker sees it in a channel: a public "slow down" per message would add to the flood.
          if (command === "dm" || !m.user) {
            await postMessage(client, { ...where, ...renderSlack(slow, {}) });
          } else {
            await postEphemeral(client, {
              ...where,
              user: m.user,
              ...renderSlack(slow, { ephemeral: true }),
            });
          }
          return;
        }
        // 👀 on the question while a slow turn is under way (a second, say, of a slow store or Web API).
        const eyes = { channel: m.channel, timestamp: m.ts, name: "eyes" };
        await withProgress(
          async () => {
            const last = await lastRead;
            const scoped = { ...ctx, core: coreForSources(ctx.core, here?.sources ?? []) };
            const turn = answerConversation(scoped, { platform: "slack", command }, m.text, {
              last,
              addressed: command !== "follow-up",
              shownFields: FIELDS_SHOWN_MAX,
              toRequest: (query) => requestFromQuery(canonicalQuery(query)),
            });
            if (!turn) return;
            if (turn.view === "sources") {
              await postMessage(client, { ...where, ...renderSlackSources(turn.card) });
              return;
            }
            const feedback = turn.asked ? recorded(command, turn.query, turn.card, asker) : () => ({});
            await reply(
              m.team,
              command,
              (charts) => renderSlack(turn.card, { query: turn.query, charts, ...feedback(charts) }),
              (message) => postMessage(client, { ...where, ...message }),
            );
            if (turn.asked && ctx.threads) await rememberQuestion(ctx, key, turn.query);
          },
          () => client.reactions.add(eyes),
          () => client.reactions.remove(eyes),
          (err) => ctx.logger.warn({ err, platform: "slack", command }, "slack progress reaction failed"),
          options.progressAfterMs,
        );
      },
    );
  };

  const questionIn = (raw: string | undefined, botUserId: string | undefined) =>
    canonicalQuery(messageQuery(cleanUserText(raw), botUserId) || "/help");

  app.event("app_mention", async ({ event, body, context, client }) => {
    if (event.bot_id) return;
    // Admins can turn mentions off in a channel (/gapbot settings mentions off). Read with the dedupe
    // check, in the same round trip; a redelivery wastes one read.
    const team = teamOf(body);
    const [first, here] = await Promise.all([
      firstTime(body),
      channelSettingsIn(ctx, "slack", team, event.channel),
    ]);
    if (!first || (here && !here.mentions)) return;
    // In the thread of the mention; a mention already inside a thread answers in that thread.
    const thread_ts = event.thread_ts ?? event.ts;
    await converse(
      client,
      "mention",
      {
        ...(team ? { team } : {}),
        channel: event.channel,
        ...(event.user ? { user: event.user } : {}),
        ts: event.ts,
        text: questionIn(event.text, context.botUserId),
      },
      { channel: event.channel, thread_ts },
      threadKey(team, event.channel, thread_ts),
      here,
    );
  });

  app.event("message", async ({ event, body, context, client }) => {
    const m = event as unknown as IncomingMessage;
    // People's new messages only: no edits or joins (subtypes), no bots — ourselves included — so that
    // no two bots answer each other forever. A reply also sent to the channel is still a reply.
    if (m.subtype && m.subtype !== "thread_broadcast") return;
    if (m.bot_id || !m.user || m.user === context.botUserId) return;
    const team = teamOf(body);
    const where = { channel: m.channel, ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}) };
    if (m.channel_type === "im") {
      if (!(await firstTime(body))) return;
      const key = threadKey(team, m.channel, m.thread_ts ?? "im");
      const text = questionIn(m.text, context.botUserId);
      await converse(client, "dm", { ...(team ? { team } : {}), ...m, text }, where, key);
      return;
    }
    // In a channel: only a reply in a thread the bot has answered in, without a mention of the bot
    // (app_mention answers those), and only while follow-ups are on.
    if (!ctx.threads || !m.thread_ts || m.thread_ts === m.ts) return;
    if (context.botUserId && (m.text ?? "").includes(`<@${context.botUserId}`)) return;
    const key = threadKey(team, m.channel, m.thread_ts);
    // The thread's last question and the channel's settings in one round trip. The dedupe mark comes after,
    // so that replies in threads the bot never answered in write nothing.
    const [last, here] = await Promise.all([
      lastQuestion(ctx, key),
      channelSettingsIn(ctx, "slack", team, m.channel),
    ]);
    if (last === undefined) return;
    // Admins can turn follow-ups off in a channel (/gapbot settings follow-ups off).
    if (here && !here.followUps) return;
    if (!(await firstTime(body))) return;
    const text = questionIn(m.text, context.botUserId);
    const message = { ...(team ? { team } : {}), ...m, text };
    await converse(client, "follow-up", message, where, key, here, { last });
  });

  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home" || !(await firstTime(body))) return;
    await guarded(
      "home",
      async () => {},
      async () => {
        const team = teamOf(body);
        const channels = team ? await channelSettingsOf(ctx).all({ platform: "slack", workspace: team }) : [];
        const report = ctx.questions ? await adminReport(client, event.user) : [];
        const view = renderSlackHome(ctx.core.catalog(), commands, channels, report) as HomeView;
        // Publishing the same view twice does no harm: retried on any passing failure.
        await retryTransient(
          () => client.views.publish({ user_id: event.user, view }),
          RETRY_DELAYS_MS.slice(0, options.retries),
        );
      },
    );
  });

  /** The record's summary for a workspace admin or owner (users.info says which); nothing for others. */
  const adminReport = async (client: App["client"], user: string) => {
    // The home tab is published either way: a failed look-up only leaves the report out.
    const admin = await isWorkspaceAdmin(client, user).catch((err: unknown) => {
      ctx.logger.warn({ err, platform: "slack" }, "users.info failed: App Home without the report");
      return false;
    });
    if (!ctx.questions || !admin) return [];
    const until = Date.now();
    const since = until - HOME_REPORT_DAYS * 86_400_000;
    return renderSlackReport(buildReport(ctx.questions.since(since), since, until), HOME_REPORT_DAYS);
  };

  const ephemeralApology = (respond: RespondFn) => () =>
    respond({ response_type: "ephemeral", replace_original: false, text: APOLOGY_TEXT });

  app.action<BlockAction<ButtonAction>>(
    ACTION_SHOW_SOURCES,
    async ({ ack, action, body, respond: respondOnce }) => {
      const respond = replier(body.response_url, respondOnce);
      await ack();
      await guarded("sources", ephemeralApology(respond), async () => {
        const slow = await limited(clicker(body));
        const card =
          slow ??
          answerTurn(
            ctx,
            { platform: "slack", command: "sources" },
            requestFromQuery(queryFromButton(action.value ?? "")),
          );
        await respond({ response_type: "ephemeral", replace_original: false, ...renderSlackSources(card) });
      });
    },
  );

  // Through response_url rather than chat.postMessage: it posts wherever the asker could run the
  // command (private channels, DMs, channels the bot is not in), needs no extra scope, and can then
  // delete the ephemeral original so that it cannot be shared twice.
  app.action<BlockAction<ButtonAction>>(ACTION_SHARE, async ({ ack, action, body, respond: respondOnce }) => {
    const respond = replier(body.response_url, respondOnce);
    await ack();
    await guarded("share", ephemeralApology(respond), async () => {
      const query = queryFromButton(action.value ?? "");
      const slow = await limited(clicker(body));
      if (slow) {
        // Tell the clicker alone, and keep their original so that they can share it later.
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          ...renderSlack(slow, { query }),
        });
        return;
      }
      const card = answerTurn(ctx, { platform: "slack", command: "share" }, requestFromQuery(query));
      const feedback = recorded("share", query, card, clicker(body));
      await reply(
        body.team?.id,
        "share",
        (charts) => renderSlack(card, { query, charts, ...feedback(charts) }),
        (message) => respond({ response_type: "in_channel", replace_original: false, ...message }),
      );
      await respond({ delete_original: true });
    });
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTION_RUN_PREFIX}\\d+$`),
    async ({ ack, action, body, respond: respondOnce, client }) => {
      const respond = replier(body.response_url, respondOnce);
      await ack();
      const query = queryFromButton(action.value ?? "");
      const channel = body.channel?.id;
      const message = body.message;
      // On an ephemeral answer only the clicker sees the next one too; on a public answer the next one
      // joins the conversation: in its thread in a channel, in place in a DM.
      if (body.container?.is_ephemeral || !channel || !message) {
        await guarded("suggestion", ephemeralApology(respond), async () => {
          const { card, feedback } = await answer("suggestion", query, clicker(body));
          await reply(
            body.team?.id,
            "suggestion",
            (charts) => renderSlack(card, { ephemeral: true, query, charts, ...feedback(charts) }),
            (message) => respond({ response_type: "ephemeral", replace_original: false, ...message }),
          );
        });
        return;
      }
      const threadTs: string | undefined =
        message.thread_ts ?? (channel.startsWith("D") ? undefined : message.ts);
      const where = { channel, ...(threadTs ? { thread_ts: threadTs } : {}) };
      await guarded(
        "suggestion",
        () => postMessage(client, { ...where, text: APOLOGY_TEXT }),
        async () => {
          const { card, feedback } = await answer("suggestion", query, clicker(body));
          await reply(
            body.team?.id,
            "suggestion",
            (charts) => renderSlack(card, { query, charts, ...feedback(charts) }),
            (message) => postMessage(client, { ...where, ...message }),
          );
        },
      );
    },
  );

  /** A vote: stored, then a thank-you only the voter sees; after a 👎, the optional "what was wrong?". */
  const vote = (body: BlockAction, respond: RespondFn, answerId: string, choice: "up" | "down") =>
    guarded("feedback", ephemeralApology(respond), async () => {
      recordVote(ctx, "slack", answerId, body.user.id, choice);
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        ...renderSlackThanks(choice, answerId),
      });
    });

  // Slack's own feedback buttons: one action id, the value says which button and which answer.
  app.action<BlockAction>(ACTION_FEEDBACK, async ({ ack, action, body, respond: respondOnce }) => {
    await ack();
    const m = /^(up|down):(.+)$/.exec((action as { value?: string }).value ?? "");
    if (m?.[1] && m[2])
      await vote(body, replier(body.response_url, respondOnce), m[2], m[1] as "up" | "down");
  });
  for (const [actionId, choice] of [
    [ACTION_VOTE_UP, "up"],
    [ACTION_VOTE_DOWN, "down"],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, respond: respondOnce }) => {
      await ack();
      if (action.value) await vote(body, replier(body.response_url, respondOnce), action.value, choice);
    });
  }
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTION_REASON_PREFIX}`),
    async ({ ack, action, body, respond: respondOnce }) => {
      const respond = replier(body.response_url, respondOnce);
      await ack();
      const reason = reasonOfAction(action.action_id);
      if (!reason || !action.value) return;
      const answerId = action.value;
      await guarded("feedback", ephemeralApology(respond), async () => {
        recordVote(ctx, "slack", answerId, body.user.id, { reason });
        // In place of the question, which was the voter's alone.
        await respond({
          response_type: "ephemeral",
          replace_original: true,
          ...renderSlackThanks("reason", answerId),
        });
      });
    },
  );
}

/** The workspace an event came from: the envelope's team_id. */
function teamOf(body: unknown): string | undefined {
  const team = (body as { team_id?: unknown }).team_id;
  return typeof team === "string" ? team : undefined;
}

/** Who clicked a button, where. */
function clicker(body: BlockAction): Omit<Asker, "platform"> {
  return { workspace: body.team?.id ?? body.user.team_id, user: body.user.id, channel: body.channel?.id };
}
