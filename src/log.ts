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
          // One level deeper too: settings.slack.botToken, err.headers.authorization…
          "*.*.token",
          "*.*.botToken",
          "*.*.appToken",
          "*.*.signingSecret",
          "*.headers.authorization",
          // OAuth mode's secrets: settings.slack.oauth.clientSecret and the like.
          "oauth.clientSecret",
          "oauth.stateSecret",
          "oauth.tokenKey",
          "*.oauth.clientSecret",
          "*.oauth.stateSecret",
          "*.oauth.tokenKey",
          "*.*.oauth.clientSecret",
          "*.*.oauth.stateSecret",
          "*.*.oauth.tokenKey",
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

export type LogFormat = "json" | "pretty";

const importPretty = () => import("pino-pretty");
type PrettyModule = Awaited<ReturnType<typeof importPretty>>;

/** JSON for machines (production, a pipe, a container's log driver); readable lines for a person at a terminal. */
export function logFormatFor(options: { isTTY: boolean; nodeEnv?: string }): LogFormat {
  return options.isTTY && options.nodeEnv !== "production" ? "pretty" : "json";
}

/**
 * The start-up logger: pretty when asked and pino-pretty can be loaded, JSON otherwise. pino-pretty is a
 * devDependency, so an `npm ci --omit=dev` image has none; that image logs JSON anyway (NODE_ENV=production).
 */
export async function createFormattedLogger(options: {
  level: string;
  format: LogFormat;
  destination: NodeJS.WritableStream & { isTTY?: boolean };
  /** How pino-pretty is loaded; a test passes one that fails, as an install without devDependencies does. */
  importPretty?: () => Promise<PrettyModule>;
}): Promise<{ logger: Logger; format: LogFormat }> {
  if (options.format === "pretty") {
    try {
      const { default: pretty } = await (options.importPretty ?? importPretty)();
      const stream = pretty({
        destination: options.destination,
        // Synchronous, so that the last lines before an exit are not lost.
        sync: true,
        colorize: options.destination.isTTY === true,
        translateTime: "SYS:HH:MM:ss.l",
        ignore: "pid,hostname",
      });
      return { logger: createLogger({ level: options.level, destination: stream }), format: "pretty" };
    } catch {
      // Not installed (production dependencies only): JSON is still correct, just less pleasant.
    }
  }
  return { logger: createLogger({ level: options.level, destination: options.destination }), format: "json" };
}
