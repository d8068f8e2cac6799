// A turn that takes a while shows that it is working (a 👀 reaction, Discord's typing indicator) once it
// has run longer than PROGRESS_AFTER_MS, and takes the sign away when it is done. Quick turns show nothing.

export const PROGRESS_AFTER_MS = 1_000;

/**
 * Runs `work`; if it is still running after `afterMs`, calls `show`, and once it has settled, `hide` (only
 * when `show` ran). A failure to show or hide progress is reported to `onError` and never fails the turn.
 */
export async function withProgress<T>(
  work: () => Promise<T>,
  show: () => Promise<unknown>,
  hide: (() => Promise<unknown>) | undefined,
  onError: (err: unknown) => void,
  afterMs = PROGRESS_AFTER_MS,
): Promise<T> {
  let shown: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    shown = show().catch((err: unknown) => {
      onError(err);
      return "failed";
    });
  }, afterMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    if (shown && hide) {
      // Taken away only once it was put up, and only if putting it up worked.
      if ((await shown) !== "failed") await hide().catch(onError);
    }
  }
}
