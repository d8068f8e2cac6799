// Hostile HTTP requests against the real Bolt receiver in HTTP mode on 127.0.0.1: bodies past the cap are
// refused with 413 before they are read and the connection is closed cleanly; timestamps from the future are
// refused like old ones; a signed body that is not a JSON object gets 400, never silence.
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES } from "../../../src/adapters/slack/request-guard.js";
import { eventually, type SlackApiStandIn, startSlackApiStandIn } from "../../helpers/slack-api-stand-in.js";
import { fixtureCore } from "../../helpers/slack-core.js";
import { type HttpSlack, SIGNING_SECRET, startHttpSlack } from "../../helpers/slack-http.js";
import { type SlackBody, slackSignature, slashCommand } from "../../helpers/slack-requests.js";

let api: SlackApiStandIn;
let bot: HttpSlack;
let port: number;
beforeAll(async () => {
  api = await startSlackApiStandIn();
  bot = await startHttpSlack(api, { core: fixtureCore() });
  port = bot.slack.port ?? 0;
});
afterAll(async () => {
  await bot?.slack.stop();
  await api?.close();
});

const now = () => Math.floor(Date.now() / 1000);

/** Signed headers for a body, as Slack sends them. */
function signedHeaders(body: string, contentType: string, timestamp = now()): Record<string, string> {
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(SIGNING_SECRET, timestamp, body),
  };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  reusedSocket: boolean;
}

/** One request through `agent` with node:http, which reports whether it went over a kept-open connection. */
function post(agent: Agent, headers: Record<string, string>, body: Buffer | string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: "127.0.0.1", port, method: "POST", path: "/slack/events", headers },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, reusedSocket: req.reusedSocket }),
        );
      },
    );
    req.on("error", reject);
    req.setTimeout(8_000, () => req.destroy(new Error("no answer within 8 s")));
    req.end(body);
  });
}

describe("Slack HTTP receiver, body size", () => {
  it("given a body declared past the cap, answers 413 and closes before the body is sent", async () => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (c: Buffer) => {
      received += c.toString("latin1");
    });
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.on("error", () => {});
    const t = now();
    // Only the headers and a first kilobyte of a 3.9 MB body: a receiver that waits for the rest never answers.
    socket.write(
      `POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 3900000\r\nX-Slack-Request-Timestamp: ${t}\r\nX-Slack-Signature: v0=${"0".repeat(64)}\r\n\r\n${"x".repeat(1024)}`,
    );
    await Promise.race([closed, new Promise((r) => setTimeout(r, 3_000))]);
    socket.destroy();
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received.toLowerCase()).toContain("connection: close");
  });

  it("given a chunked body with no length that runs past the cap, answers 413", async () => {
    const agent = new Agent({ keepAlive: true });
    try {
      const body = Buffer.alloc(BODY_LIMIT_BYTES + 1, "a");
      const answer = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            agent,
            host: "127.0.0.1",
            port,
            method: "POST",
            path: "/slack/events",
            headers: signedHeaders("x", "application/json"),
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        // Two writes and no Content-Length: node:http sends the body chunked.
        req.write(body.subarray(0, 1024));
        req.end(body.subarray(1024));
      });
      expect(answer).toBe(413);
    } finally {
      agent.destroy();
    }
  });

  it("after a 413 on a kept-open connection, the next request gets a new connection and its answer at once", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // Past the cap and past Bolt's own 4 MB limit, sent whole, as a client that does not wait would.
      const big = Buffer.alloc(4 * 1024 * 1024 + 1024, "a");
      const refused = await post(agent, signedHeaders("x", "application/json"), big);
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe("close");
      const { body, contentType } = slashCommand("/gap", "compute", api.responseUrl("after-413"));
      const started = Date.now();
      const next = await post(agent, signedHeaders(body, contentType), body);
      expect(next.status).toBe(200);
      expect(next.reusedSocket).toBe(false);
      expect(Date.now() - started).toBeLessThan(2_000);
      await eventually(() => api.responsesTo("after-413").length > 0);
    } finally {
      agent.destroy();
    }
  });

  it("during a flood of large unsigned bodies, a genuine command is acked within Slack's 3 s", async () => {
    // The attacker runs in a process of its own, so that its writing does not hold this process's event loop.
    const flooder = spawn(process.execPath, ["--input-type=module", "-e", FLOOD], {
      env: { ...process.env, FLOOD_PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    flooder.stdout?.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    const finished = new Promise<void>((resolve) => flooder.on("exit", () => resolve()));
    try {
      await eventually(() => out.includes("flooding"), 10_000);
      const { body, contentType } = slashCommand("/gap", "compute", api.responseUrl("flooded"));
      const started = Date.now();
      const ack = await post(new Agent(), signedHeaders(body, contentType), body);
      expect(ack.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(3_000);
      await finished;
      // Every flood request was refused with 413 (or its connection closed under it), none read and answered.
      const { statuses } = JSON.parse(out.slice(out.indexOf("{"))) as { statuses: number[] };
      expect(statuses).toHaveLength(400);
      expect(statuses.filter((s) => s !== 413 && s !== 0)).toEqual([]);
    } finally {
      flooder.kill("SIGKILL");
    }
  }, 30_000);
});

/** 400 unsigned 3.9 MB requests at concurrency 200 against FLOOD_PORT; prints "flooding", then the statuses. */
const FLOOD = `
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
const agent = new Agent({ keepAlive: false, maxSockets: 200 });
const big = Buffer.alloc(3_900_000, "a");
const headers = {
  "content-type": "application/json",
  "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)),
  "x-slack-signature": "v0=" + "0".repeat(64),
};
const one = () => new Promise((resolve) => {
  const req = request({ agent, host: "127.0.0.1", port: Number(process.env.FLOOD_PORT), method: "POST",
    path: "/slack/events", headers }, (res) => { res.resume(); res.on("end", () => resolve(res.statusCode)); });
  req.on("error", () => resolve(0));
  req.end(big);
});
const all = Array.from({ length: 400 }, one);
process.stdout.write("flooding\\n");
const statuses = await Promise.all(all);
process.stdout.write(JSON.stringify({ statuses }) + "\\n");
`;

describe("Slack HTTP receiver, timestamps", () => {
  const send = (body: SlackBody, timestamp: number) =>
    post(new Agent(), signedHeaders(body.body, body.contentType, timestamp), body.body);

  it.each([
    ["6 minutes ahead", 6 * 60],
    ["a year ahead", 365 * 24 * 3600],
    ["6 minutes behind", -6 * 60],
  ])(
    "given a correctly signed request dated %s, refuses it with 401 and answers nothing",
    async (name, offset) => {
      const id = `stamp-${name.replace(/\W/g, "-")}`;
      const answer = await send(slashCommand("/gap", "compute", api.responseUrl(id)), now() + offset);
      expect(answer.status).toBe(401);
      await new Promise((r) => setTimeout(r, 200));
      expect(api.responsesTo(id)).toEqual([]);
    },
  );

  it("given a request dated 4 minutes ahead (a clock a little fast), answers it", async () => {
    const answer = await send(slashCommand("/gap", "compute", api.responseUrl("stamp-ok")), now() + 4 * 60);
    expect(answer.status).toBe(200);
    await eventually(() => api.responsesTo("stamp-ok").length > 0);
  });
});

describe("Slack HTTP receiver, bodies that are not objects", () => {
  it.each([
    ["JSON null", "null", "application/json"],
    ["a JSON array", "[]", "application/json"],
    ["a JSON number", "42", "application/json"],
    ["a JSON string", '"hello"', "application/json"],
    ["a form whose payload is null", "payload=null", "application/x-www-form-urlencoded"],
  ])(
    "given a signed body of %s, answers 400 with no unhandled rejection",
    async (_name, body, contentType) => {
      const rejections: unknown[] = [];
      const onRejection = (reason: unknown) => rejections.push(reason);
      process.on("unhandledRejection", onRejection);
      try {
        const answer = await post(new Agent(), signedHeaders(body, contentType), body);
        expect(answer.status).toBe(400);
        await new Promise((r) => setTimeout(r, 100));
        expect(rejections).toEqual([]);
      } finally {
        process.off("unhandledRejection", onRejection);
      }
    },
  );

  it("given an unsigned body of null, refuses it as unsigned (401)", async () => {
    const answer = await post(
      new Agent(),
      {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(now()),
        "x-slack-signature": "v0=00",
      },
      "null",
    );
    expect(answer.status).toBe(401);
  });
});
