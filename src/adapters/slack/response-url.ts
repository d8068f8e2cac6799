// Replies through a response_url, within what Slack allows it: 5 posts in the 30 minutes after the request.
// Our own post rather than Bolt's respond(), whose error keeps the status but drops Retry-After; a 429 is
// then retried after the wait Slack asks for, as long as the URL will still be valid and has uses left.
// https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
import { RespondError, type RespondFn } from "@slack/bolt";
import { RETRY_DELAYS_MS, retryTransient } from "../../runtime/retry.js";

/** How long a response_url stays valid after Slack sent it. */
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
/** How many posts one response_url accepts. */
export const RESPONSE_URL_USES = 5;

export interface ResponseUrlOptions {
  /** When the request carrying the URL arrived: its lifetime runs from then. */
  receivedAt: number;
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
  now?: () => number;
}

/**
 * A respond() for one response_url: each post is retried on 429, 5xx or a network error, after Retry-After
 * when Slack gives one, while the URL has uses and time left. Every post made, retries included, is a use.
 */
export function responseUrlReplier(url: string, options: ResponseUrlOptions): RespondFn {
  const now = options.now ?? Date.now;
  let uses = 0;
  const mayRetry = (delayMs: number) =>
    uses < RESPONSE_URL_USES && now() + delayMs < options.receivedAt + RESPONSE_URL_LIFETIME_MS;
  const postOnce = async (message: Parameters<RespondFn>[0]) => {
    uses += 1;
    const body = typeof message === "string" ? { text: message } : message;
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.ok) return response;
    await response.arrayBuffer().catch(() => undefined);
    const error = new RespondError(
      `Failed to respond to the response_url: ${response.status} ${response.statusText}`,
      response.status,
    );
    const retryAfterMs = retryAfterHeaderMs(response.headers.get("retry-after"), now());
    throw retryAfterMs === undefined ? error : Object.assign(error, { retryAfterMs });
  };
  return (message) => {
    if (uses >= RESPONSE_URL_USES) {
      return Promise.reject(new RespondError("response_url has no uses left", 0));
    }
    return retryTransient(() => postOnce(message), RETRY_DELAYS_MS, options.onRetry, mayRetry);
  };
}

/** Retry-After as seconds ("2") or an HTTP date, in ms from now. */
export function retryAfterHeaderMs(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
