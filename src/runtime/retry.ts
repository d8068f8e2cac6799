// Retries a reply that failed for a passing reason (HTTP 429, 5xx, the network), a few times within
// seconds: a chat answer much later helps no one. A 429's Retry-After is honoured, as long as the platform's
// window allows (Slack's response_url lives 30 minutes for 5 uses, Discord's interaction token 15 minutes).
// https://docs.slack.dev/interactivity/handling-user-interaction#message_responses

/** Waits between attempts: the second try after 250 ms, the third after a further second. */
export const RETRY_DELAYS_MS = [250, 1000] as const;

/** A status worth trying again: rate limited, or the server's fault. Anything else (404, 410…) is final. */
export function isTransient(err: unknown): boolean {
  const status =
    (err as { statusCode?: unknown; status?: unknown } | null)?.statusCode ??
    (err as { status?: unknown } | null)?.status;
  if (typeof status === "number") return status === 429 || status >= 500;
  // No status: the request never got an answer (refused, reset, timed out).
  return err instanceof Error;
}

/**
 * How long the server asked us to wait, if it said: an error's `retryAfterMs`, or `retryAfter` in seconds
 * (@slack/web-api's rate-limited error).
 */
export function retryAfterOf(err: unknown): number | undefined {
  const e = err as { retryAfterMs?: unknown; retryAfter?: unknown } | null;
  const ms = typeof e?.retryAfterMs === "number" ? e.retryAfterMs : (e?.retryAfter as number) * 1000;
  return typeof ms === "number" && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/**
 * Runs `work`, and again after each delay while it fails for a passing reason. The wait is the planned delay
 * or the server's Retry-After, whichever is longer; `mayRetry` says whether an attempt after that wait is
 * still allowed (the platform's window), else the error stands.
 */
export async function retryTransient<T>(
  work: () => Promise<T>,
  delays: readonly number[] = RETRY_DELAYS_MS,
  onRetry: (err: unknown, attempt: number, delayMs: number) => void = () => {},
  mayRetry: (delayMs: number) => boolean = () => true,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const planned = delays[attempt];
      if (planned === undefined || !isTransient(err)) throw err;
      const delay = Math.max(planned, retryAfterOf(err) ?? 0);
      if (!mayRetry(delay)) throw err;
      onRetry(err, attempt + 1, delay);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
