// Bolt's Logger interface on top of our pino logger, so Bolt, its receiver and its WebClient log as we do.
// https://docs.slack.dev/tools/bolt-js/concepts/logging
import type { Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "pino";

/** Slack tokens (bot, user, app-level, refresh) and bearer headers, wherever a library prints them. */
const SECRET = /\b(?:xox[a-z]-|xapp-)[A-Za-z0-9-]+|\bBearer\s+[A-Za-z0-9._~+/=-]+/g;

export function redactSecrets(text: string): string {
  return text.replace(SECRET, "[redacted]");
}

/** Bolt passes strings, errors and objects; pino gets one message and, for an error, a redacted copy. */
function format(args: unknown[]): { message: string; err?: Error } {
  let err: Error | undefined;
  const parts: string[] = [];
  for (const a of args) {
    if (a instanceof Error) {
      if (!err) {
        err = new Error(redactSecrets(a.message));
        err.name = a.name;
        err.stack = a.stack ? redactSecrets(a.stack) : "";
      }
      parts.push(a.message);
    } else if (typeof a === "string") {
      parts.push(a);
    } else {
      try {
        parts.push(JSON.stringify(a) ?? String(a));
      } catch {
        parts.push(String(a));
      }
    }
  }
  return { message: redactSecrets(parts.join(" ")), ...(err ? { err } : {}) };
}

/**
 * Bolt's debug output (every Web API call, every WebSocket frame, with user text) goes to pino's trace,
 * so that our own debug lines stay readable. Bolt may not change the process's level: setLevel is ignored.
 */
export function boltLogger(logger: Logger, name = "slack"): BoltLogger {
  let child = logger.child({ component: name });
  const write = (level: "trace" | "info" | "warn" | "error", args: unknown[]) => {
    if (!child.isLevelEnabled(level)) return;
    const { message, err } = format(args);
    if (err) child[level]({ err }, message);
    else child[level](message);
  };
  return {
    debug: (...msg: unknown[]) => write("trace", msg),
    info: (...msg: unknown[]) => write("info", msg),
    warn: (...msg: unknown[]) => write("warn", msg),
    error: (...msg: unknown[]) => write("error", msg),
    setLevel: () => {},
    getLevel: () => boltLevel(logger) as LogLevel,
    setName: (n: string) => {
      child = logger.child({ component: `${name}:${n}` });
    },
  };
}

function boltLevel(logger: Logger): "debug" | "info" | "warn" | "error" {
  if (logger.isLevelEnabled("trace")) return "debug";
  if (logger.isLevelEnabled("info")) return "info";
  if (logger.isLevelEnabled("warn")) return "warn";
  return "error";
}
