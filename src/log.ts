// The one logger: JSON lines in production, readable on a terminal (start-up decides which).
import { type Logger, pino } from "pino";

export type { Logger } from "pino";

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: undefined,
      // Secrets never reach a log line, whatever a caller passes in.
      redact: {
        paths: [
          "token",
          "*.token",
          "botToken",
          "*.botToken",
          "appToken",
          "*.appToken",
          "signingSecret",
          "*.signingSecret",
          "headers.authorization",
        ],
        censor: "[redacted]",
      },
    },
    options.destination ?? process.stderr,
  );
}

/** For tests and one-shot CLI commands that must print nothing but their output. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
