// A stand-in for Slack's Web API and for response_url, on 127.0.0.1: answers what gapbot calls with
// {ok: true, …} and records every call with its parsed body. Point SLACK_API_URL (settings.apiUrl) at `url`.
// https://docs.slack.dev/apis/web-api/ · https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiCall {
  method: string;
  /** Form fields, with the JSON-encoded ones (blocks, view…) parsed back. */
  body: Record<string, unknown>;
  /** The token the call carried, in its Authorization header or its body. */
  token?: string;
  /** WebClient adds the workspace's team_id to every call; kept apart so bodies compare cleanly. */
  teamId?: string;
}

export interface ResponseUrlPost {
  /** The id in the response_url this was posted to. */
  id: string;
  body: Record<string, unknown>;
}

/** The identity auth.test reports: the bot's user id is what mentions look like (<@UBOT>). */
export const BOT_USER_ID = "UBOT";
export const BOT_ID = "BBOT";
export const TEAM_ID = "T0001";

const JSON_FIELDS = new Set(["blocks", "attachments", "view", "metadata"]);

export interface SlackApiStandIn {
  /** The Web API base URL, ending with "/". */
  readonly url: string;
  readonly calls: ApiCall[];
  readonly responses: ResponseUrlPost[];
  callsTo(method: string): ApiCall[];
  responsesTo(id: string): ResponseUrlPost[];
  /** A response_url on this server; posts to it are recorded under `id`. */
  responseUrl(id: string): string;
  /** Replaces the answer to one method, e.g. {ok: false, error: "invalid_auth"}. */
  answer(method: string, body: Record<string, unknown>): void;
  /** Makes posts to response_urls fail with this HTTP status (0 restores 200). */
  failResponseUrls(status: number): void;
  /**
   * Acts as a workspace without these block types (Slack's rolling-out chart and table blocks): messages
   * carrying one get invalid_blocks, from chat.postMessage as `{ok: false}` and from a response_url with
   * `responseUrlStatus` (400 by default) and the same JSON body. An empty list accepts all again.
   */
  rejectBlocks(types: string[], responseUrlStatus?: number): void;
  /**
   * The next `times` calls to `method` (a Web API method, or "respond" for response_urls) answer this HTTP
   * status, with Retry-After when given: 429 then 200, 503 then 200, as Slack does under load.
   */
  failNext(method: string, status: number, times?: number, retryAfterSeconds?: number): void;
  /** The next `times` calls to `method` get no answer at all until the stand-in closes (a hung server). */
  hangNext(method: string, times?: number): void;
  /** The next call to `method` is carried out (recorded, posted) but answered only after `delayMs`. */
  slowNext(method: string, delayMs: number): void;
  /**
   * For the next `seconds`, every call to `method` answers 429 with the Retry-After left (rounded up), as
   * Slack does until its window passes; 0 lifts it.
   */
  rateLimit(method: string, seconds: number): void;
  /** How many planned failures (failNext, rateLimit) `method` has answered; for "respond", to `id` alone. */
  failuresAnswered(method: string, id?: string): number;
  close(): Promise<void>;
}

export async function startSlackApiStandIn(): Promise<SlackApiStandIn> {
  const calls: ApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const answers = new Map<string, Record<string, unknown>>();
  let responseStatus = 0;
  let rejected = new Set<string>();
  let rejectedStatus = 400;
  const carriesRejected = (body: Record<string, unknown>) =>
    Array.isArray(body.blocks) && body.blocks.some((b: { type?: string }) => rejected.has(b.type ?? ""));
  const invalidBlocks = JSON.stringify({ ok: false, error: "invalid_blocks" });
  const failures = new Map<string, { status: number; times: number; retryAfter?: number }>();
  const hangs = new Map<string, number>();
  const slow = new Map<string, number>();
  const limitedUntil = new Map<string, number>();
  const failed: { method: string; id?: string }[] = [];
  /** Answers a planned failure for `method`, if one is left; true when it did. */
  const planned = (method: string, res: ServerResponse, id?: string): boolean => {
    const h = hangs.get(method) ?? 0;
    if (h > 0) {
      hangs.set(method, h - 1);
      return true;
    }
    const left = (limitedUntil.get(method) ?? 0) - Date.now();
    if (left > 0) {
      failed.push({ method, ...(id ? { id } : {}) });
      res.writeHead(429, { "content-type": "text/plain", "retry-after": String(Math.ceil(left / 1000)) });
      res.end("rate_limited");
      return true;
    }
    const f = failures.get(method);
    if (!f || f.times <= 0) return false;
    f.times -= 1;
    failed.push({ method, ...(id ? { id } : {}) });
    res.writeHead(f.status, {
      "content-type": "text/plain",
      ...(f.retryAfter !== undefined ? { "retry-after": String(f.retryAfter) } : {}),
    });
    res.end("failed");
    return true;
  };
  let ts = 1_700_000_000;

  const defaultAnswer = (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://gapbot-test.slack.com/",
          team: "Test",
          user: "gapbot",
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
        };
      case "chat.postMessage":
        ts += 1;
        return {
          ok: true,
          channel: body.channel,
          ts: `${ts}.000100`,
          message: { text: body.text, ts: `${ts}.000100` },
        };
      case "chat.postEphemeral":
        ts += 1;
        return { ok: true, message_ts: `${ts}.000200` };
      case "views.publish":
        return { ok: true, view: { id: "V0001", ...(body.view as object) } };
      default:
        if (method.startsWith("conversations."))
          return { ok: true, channel: { id: body.channel ?? "C0001" }, channels: [] };
        return { ok: true };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const respond = path.match(/^\/respond\/([^/]+)$/);
    if (respond?.[1] && req.method === "POST") {
      if (planned("respond", res, decodeURIComponent(respond[1]))) return;
      const posted = JSON.parse(raw || "{}");
      responses.push({ id: decodeURIComponent(respond[1]), body: posted });
      if (carriesRejected(posted)) {
        res.writeHead(rejectedStatus, { "content-type": "application/json" });
        res.end(invalidBlocks);
        return;
      }
      const status = responseStatus || 200;
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status === 200 ? "ok" : "failed");
      return;
    }
    const api = path.match(/^\/api\/([\w.]+)$/);
    if (!api?.[1]) {
      res.writeHead(404).end();
      return;
    }
    const method = api[1];
    if (planned(method, res)) return;
    const { team_id: teamId, token: bodyToken, ...body } = parseBody(raw, req.headers["content-type"]);
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ")
      ? auth.slice("Bearer ".length)
      : (bodyToken as string | undefined);
    calls.push({
      method,
      body,
      ...(token ? { token } : {}),
      ...(typeof teamId === "string" ? { teamId } : {}),
    });
    const delay = slow.get(method);
    if (delay !== undefined) {
      slow.delete(method);
      await new Promise((r) => setTimeout(r, delay));
    }
    res.writeHead(200, { "content-type": "application/json" });
    if (method.startsWith("chat.") && carriesRejected(body)) res.end(invalidBlocks);
    else res.end(JSON.stringify(answers.get(method) ?? defaultAnswer(method, body)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${base}/api/`,
    calls,
    responses,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responsesTo: (id) => responses.filter((r) => r.id === id),
    responseUrl: (id) => `${base}/respond/${encodeURIComponent(id)}`,
    answer: (method, body) => {
      answers.set(method, body);
    },
    failResponseUrls: (status) => {
      responseStatus = status;
    },
    rejectBlocks: (types, responseUrlStatus = 400) => {
      rejected = new Set(types);
      rejectedStatus = responseUrlStatus;
    },
    hangNext: (method, times = 1) => {
      hangs.set(method, times);
    },
    slowNext: (method, delayMs) => {
      slow.set(method, delayMs);
    },
    rateLimit: (method, seconds) => {
      limitedUntil.set(method, Date.now() + seconds * 1000);
    },
    failuresAnswered: (method, id) =>
      failed.filter((f) => f.method === method && (id === undefined || f.id === id)).length,
    failNext: (method, status, times = 1, retryAfter) => {
      failures.set(method, { status, times, ...(retryAfter !== undefined ? { retryAfter } : {}) });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw);
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return body;
}

/** Polls `check` every 10 ms until it returns something truthy; fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`eventually: nothing after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
