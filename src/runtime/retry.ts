// Retries a reply that failed for a passing reason (HTTP 429, 5xx, the network), a few times within
// seconds: a chat answer much later helps no one, and the platform's window (Slack's response_url lives
// 30 minutes, Discord's interaction token 15) is never at risk with these delays.
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

export async function retryTransient<T>(
  work: () => Promise<T>,
  delays: readonly number[] = RETRY_DELAYS_MS,
  onRetry: (err: unknown, attempt: number) => void = () => {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const delay = delays[attempt];
      if (delay === undefined || !isTransient(err)) throw err;
      onRetry(err, attempt + 1);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
