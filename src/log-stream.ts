// A log destination that survives its reader going away (`gapbot start 2>&1 | head -c 1`): the first failed
// write (EPIPE, EBADF…) stops logging to that stream for good, instead of raising an error whose own log line
// fails again, forever. The bot goes on answering; a one-line notice goes to another stream if one still works.
// https://nodejs.org/api/process.html#a-note-on-process-io

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

/** What the notice says; a test looks for it. */
export const LOGS_DROPPED =
  "gapbot: the log stream failed; still serving, with log lines dropped from now on";

/**
 * Wraps `stream` for pino: writes go through until one fails, then every later line is dropped.
 * `notice` is told once, when the stream fails (say, stdout when stderr's reader has gone).
 */
export function failSafeLogStream(stream: Stream, notice?: Stream): Stream {
  let failed = false;
  const fail = (err: unknown) => {
    if (failed) return;
    failed = true;
    const code = (err as NodeJS.ErrnoException)?.code ?? "error";
    if (notice && notice !== stream) writeQuietly(notice, `${LOGS_DROPPED} (${code})\n`);
  };
  // A broken pipe is reported as an 'error' event; without a listener it would be an uncaught exception,
  // and the uncaught-exception handler's own log line would fail in turn.
  stream.on("error", fail);
  const wrapper = {
    isTTY: stream.isTTY,
    write(chunk: string | Uint8Array): boolean {
      if (failed) return true;
      try {
        return stream.write(chunk);
      } catch (err) {
        fail(err);
        return true;
      }
    },
  };
  return wrapper as unknown as Stream;
}

/** One write that can fail without consequence: a failure here has nowhere left to be reported. */
function writeQuietly(stream: Stream, text: string): void {
  if (stream.listenerCount("error") === 0) stream.on("error", () => {});
  try {
    stream.write(text);
  } catch {
    // Both streams are gone; the bot keeps serving without logs.
  }
}
