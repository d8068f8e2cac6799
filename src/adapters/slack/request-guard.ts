// What is checked on a request to /slack/events before Bolt sees it: a timestamp within five minutes either way
// and a declared size under the cap, both from the headers alone, before any body is read; then a body read up to
// the cap, which once its signature holds must be a JSON object. Bolt still verifies the signature itself.
// https://docs.slack.dev/authentication/verifying-requests-from-slack
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { type BufferedIncomingMessage, HTTPModuleFunctions, isValidSlackRequest } from "@slack/bolt";
import type { Logger } from "../../log.js";

/**
 * The largest body accepted. Slack's payloads are a few KB; the largest it can send us is a message event near
 * Slack's 40,000-character text limit with its rich-text copy (~250 KB in 3-byte characters). A body past this
 * is refused with 413 before it is read, so a flood of large unsigned bodies costs neither memory nor time.
 */
export const BODY_LIMIT_BYTES = 512 * 1024;

/** Slack's replay window: a request dated further than this from our clock, past or future, is refused. */
export const TIMESTAMP_WINDOW_S = 5 * 60;

export interface GuardOptions {
  signingSecret: string;
  /** The events path; other paths (GET /healthz…) pass straight through. */
  path: string;
  logger: Logger;
  limitBytes?: number;
  /** The clock, in ms; tests move it. */
  now?: () => number;
}

export function guardSlackRequests(next: RequestListener, options: GuardOptions): RequestListener {
  const limit = options.limitBytes ?? BODY_LIMIT_BYTES;
  const now = options.now ?? Date.now;
  const log = (status: number, why: string) =>
    options.logger.warn({ platform: "slack", status }, `slack request refused: ${why}`);

  return (req, res) => {
    if (req.method !== "POST" || (req.url ?? "").split("?")[0] !== options.path) {
      next(req, res);
      return;
    }
    const stamp = header(req, "x-slack-request-timestamp");
    const seconds = stamp === undefined ? Number.NaN : Number(stamp);
    // A missing or malformed timestamp is Bolt's to refuse (an unsigned ssl_check has none).
    if (Number.isFinite(seconds) && Math.abs(now() / 1000 - seconds) > TIMESTAMP_WINDOW_S) {
      log(401, "timestamp more than 5 minutes from now");
      refuse(res, 401);
      return;
    }
    const declared = Number(header(req, "content-length") ?? Number.NaN);
    if (declared > limit) {
      log(413, `body of ${declared} bytes declared, over ${limit}`);
      refuse(res, 413);
      return;
    }

    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // A chunked body with no declared length, past the cap: stop reading and close.
      refused = true;
      req.off("data", onData);
      req.pause();
      log(413, `body over ${limit} bytes`);
      refuse(res, 413);
    };
    req.on("data", onData);
    req.on("error", () => {
      refused = true;
    });
    req.on("end", () => {
      if (refused) return;
      const buffered = req as BufferedIncomingMessage;
      // Bolt reads a request that already has its rawBody as is, instead of from the spent stream.
      buffered.rawBody = Buffer.concat(chunks);
      if (signed(buffered, options.signingSecret, now()) && !isObjectBody(buffered)) {
        log(400, "body is not a JSON object");
        res.writeHead(400).end();
        return;
      }
      try {
        next(buffered, res);
      } catch (err) {
        options.logger.error({ err, platform: "slack" }, "slack receiver failed on a request");
        if (!res.headersSent) res.writeHead(500).end();
      }
    });
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Answers without reading the body, and closes the connection after the answer: the unread rest of the body
 * would otherwise be taken for the next request on a kept-open connection.
 */
function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status, { connection: "close", "content-length": "0" }).end();
}

function signed(req: BufferedIncomingMessage, signingSecret: string, nowMs: number): boolean {
  const signature = header(req, "x-slack-signature");
  const timestamp = Number(header(req, "x-slack-request-timestamp"));
  if (!signature || !Number.isFinite(timestamp)) return false;
  return isValidSlackRequest({
    signingSecret,
    body: req.rawBody.toString(),
    headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
    nowMilliseconds: nowMs,
  });
}

/**
 * True for a body Bolt can route: a JSON object (or a form whose fields are one). `null`, an array or a bare
 * value would make Bolt throw where no one answers the request. A body that does not parse at all is left to
 * Bolt, which answers 400 itself.
 */
function isObjectBody(req: BufferedIncomingMessage): boolean {
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    return true;
  }
  return typeof body === "object" && body !== null && !Array.isArray(body);
}
