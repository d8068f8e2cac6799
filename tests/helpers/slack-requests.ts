// Requests as Slack sends them to an app: bodies for slash commands, events and interactions, signed
// exactly as Slack signs them (v0 HMAC-SHA256 of "v0:{timestamp}:{body}" with the signing secret).
// https://docs.slack.dev/authentication/verifying-requests-from-slack

import { createHmac } from "node:crypto";
import { ACTION_FEEDBACK } from "../../src/adapters/slack/render-feedback.js";
import { BOT_USER_ID, TEAM_ID } from "./slack-api-stand-in.js";

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SlackBody {
  body: string;
  contentType: string;
}

export interface SendOptions {
  secret: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  /** Replaces the computed signature (a forged request). */
  signature?: string;
  /** Slack's redelivery headers. */
  retryNum?: number;
  retryReason?: string;
}

/** POSTs a body to the app as Slack would, with its signature headers. */
export function sendToApp(
  url: string,
  { body, contentType }: SlackBody,
  options: SendOptions,
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": options.signature ?? slackSignature(options.secret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = options.retryReason ?? "http_timeout";
  }
  return fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(5000) });
}

const form = (fields: Record<string, string>): SlackBody => ({
  body: new URLSearchParams(fields).toString(),
  contentType: "application/x-www-form-urlencoded",
});

const json = (value: unknown): SlackBody => ({
  body: JSON.stringify(value),
  contentType: "application/json",
});

export function urlVerification(challenge: string): SlackBody {
  return json({ token: "legacy", challenge, type: "url_verification" });
}

/** https://docs.slack.dev/interactivity/implementing-slash-commands#app_command_handling */
export function slashCommand(
  command: string,
  text: string,
  responseUrl: string,
  channel = "C0001",
): SlackBody {
  return form({
    token: "legacy",
    team_id: TEAM_ID,
    team_domain: "gapbot-test",
    channel_id: channel,
    channel_name: "general",
    user_id: "U0001",
    user_name: "ana",
    command,
    text,
    api_app_id: "A0001",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
  });
}

/** A slash command from another user, workspace or channel than slashCommand's defaults. */
export function slashCommandFrom(
  who: { user?: string; team?: string; channel?: string },
  command: string,
  text: string,
  responseUrl: string,
): SlackBody {
  const base = slashCommand(command, text, responseUrl, who.channel);
  const form = new URLSearchParams(base.body);
  if (who.user) form.set("user_id", who.user);
  if (who.team) form.set("team_id", who.team);
  return { ...base, body: form.toString() };
}

/** https://docs.slack.dev/apis/events-api/#callback-field */
export function eventCallback(eventId: string, event: Record<string, unknown>): SlackBody {
  return json(eventCallbackPayload(eventId, event));
}

export function eventCallbackPayload(
  eventId: string,
  event: Record<string, unknown>,
): Record<string, unknown> {
  return {
    token: "legacy",
    team_id: TEAM_ID,
    api_app_id: "A0001",
    event: { event_ts: event.ts ?? "1700000000.000100", ...event },
    type: "event_callback",
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export interface MentionAt {
  channel: string;
  ts: string;
  /** What follows the @mention. */
  text: string;
  user?: string;
  /** A mention inside a thread. */
  thread_ts?: string;
}

/** The bot @mentioned, as the Events API's app_mention. */
export function appMention(eventId: string, at: MentionAt): SlackBody {
  return eventCallback(eventId, {
    type: "app_mention",
    user: at.user ?? "U0001",
    channel: at.channel,
    text: `<@${BOT_USER_ID}> ${at.text}`,
    ts: at.ts,
    ...(at.thread_ts ? { thread_ts: at.thread_ts } : {}),
  });
}

/**
 * Makes mentions asking `text` (by default), each with its own event id and timestamp; `prefix` keeps one
 * file's event ids apart from another's.
 */
export function mentionMaker(prefix: string, text = "/gap compute") {
  let n = 0;
  return (channel: string, ask = text): SlackBody => {
    n += 1;
    return appMention(`Ev-${prefix}-${n}`, { channel, text: ask, ts: `${1_700_000_000 + n}.000100` });
  };
}

export interface ButtonClick {
  actionId: string;
  value: string;
  responseUrl: string;
  /** The message the button sits on: ephemeral (no message in the payload) or a public one. */
  ephemeral: boolean;
  channel?: string;
  messageTs?: string;
  threadTs?: string;
}

/** https://docs.slack.dev/reference/interaction-payloads/block_actions-payload */
export function blockActions(click: ButtonClick): SlackBody {
  return { ...form({ payload: JSON.stringify(blockActionsPayload(click)) }) };
}

export function blockActionsPayload(click: ButtonClick): Record<string, unknown> {
  const channel = click.channel ?? "C0001";
  const messageTs = click.messageTs ?? "1700000001.000100";
  return {
    type: "block_actions",
    user: { id: "U0001", username: "ana", name: "ana", team_id: TEAM_ID },
    api_app_id: "A0001",
    token: "legacy",
    container: click.ephemeral
      ? { type: "message", message_ts: messageTs, channel_id: channel, is_ephemeral: true }
      : { type: "message", message_ts: messageTs, channel_id: channel, is_ephemeral: false },
    trigger_id: "1234.5678.abcd",
    team: { id: TEAM_ID, domain: "gapbot-test" },
    channel: { id: channel, name: "general" },
    ...(click.ephemeral
      ? {}
      : {
          message: {
            type: "message",
            user: BOT_USER_ID,
            ts: messageTs,
            ...(click.threadTs ? { thread_ts: click.threadTs } : {}),
            text: "an answer",
          },
        }),
    response_url: click.responseUrl,
    actions: [
      {
        type: "button",
        action_id: click.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "x", emoji: true },
        value: click.value,
        action_ts: "1700000002.000100",
      },
    ],
  };
}

/** A click on Slack's feedback buttons, as block_actions delivers it. */
export function feedbackClick(value: string, user: string, responseUrl: string): SlackBody {
  const payload = blockActionsPayload({ actionId: ACTION_FEEDBACK, value, responseUrl, ephemeral: false });
  payload.user = { id: user, username: user, name: user, team_id: TEAM_ID };
  payload.actions = [
    { type: "feedback_buttons", action_id: ACTION_FEEDBACK, block_id: "fb", value, action_ts: "1" },
  ];
  return {
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  };
}
