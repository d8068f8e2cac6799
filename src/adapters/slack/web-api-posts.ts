// Posts to Slack's Web API from the listeners (chat.postMessage, chat.postEphemeral). A post retried after a
// timeout may show the answer twice, since Slack may have posted the first try; so a post is retried only when
// Slack cannot have posted it: rate limited (429), or the connection refused or never resolved. A 429 holds
// back that method in that channel alone, for its Retry-After: Slack limits posting per method and per channel.
// https://docs.slack.dev/apis/web-api/rate-limits · https://docs.slack.dev/reference/methods/chat.postMessage
import { RETRY_DELAYS_MS } from "../../runtime/retry.js";

/** Errors before the request reached Slack: nothing can have been posted. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/** How long Slack asked us to wait, for @slack/web-api's rate-limited error (rejectRateLimitedCalls). */
function rateLimitedFor(err: unknown): number | undefined {
  const e = err as { code?: unknown; retryAfter?: unknown } | null;
  return e?.code === "slack_webapi_rate_limited_error" && typeof e.retryAfter === "number"
    ? e.retryAfter * 1000
    : undefined;
}

/** True when the error proves Slack did not post: a 429, or a connection that was never made. */
export function nothingPosted(err: unknown): boolean {
  if (rateLimitedFor(err) !== undefined) return true;
  const e = err as { code?: unknown; original?: { cause?: { code?: unknown }; code?: unknown } } | null;
  if (e?.code !== "slack_webapi_request_error") return false;
  const code = e.original?.cause?.code ?? e.original?.code;
  return typeof code === "string" && NEVER_SENT.has(code);
}

export interface PostQueueOptions {
  /** Tries after the first, for errors that prove nothing was posted. */
  retries: number;
  onRetry?: (err: unknown, key: string, attempt: number, delayMs: number) => void;
}

/**
 * One hold per method and channel: a 429 delays the posts of that channel only, and every later post to it
 * waits out the same Retry-After instead of drawing another 429.
 */
export class PostQueue {
  private readonly heldUntil = new Map<string, number>();

  constructor(private readonly options: PostQueueOptions) {}

  async post<T>(method: string, channel: string, send: () => Promise<T>): Promise<T> {
    const key = `${method}:${channel}`;
    for (let attempt = 0; ; attempt++) {
      await this.waitFor(key);
      try {
        return await send();
      } catch (err) {
        if (attempt >= this.options.retries || !nothingPosted(err)) throw err;
        const limited = rateLimitedFor(err);
        const delay = limited ?? RETRY_DELAYS_MS[attempt] ?? RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1] ?? 0;
        this.options.onRetry?.(err, key, attempt + 1, delay);
        if (limited !== undefined) this.hold(key, Date.now() + limited);
        else await sleep(delay);
      }
    }
  }

  private hold(key: string, until: number): void {
    this.heldUntil.set(key, Math.max(until, this.heldUntil.get(key) ?? 0));
  }

  private async waitFor(key: string): Promise<void> {
    for (;;) {
      const until = this.heldUntil.get(key);
      if (until === undefined) return;
      const wait = until - Date.now();
      if (wait <= 0) {
        this.heldUntil.delete(key);
        return;
      }
      await sleep(wait);
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
