// Signed slash commands against the real Slack HTTP receiver (Bolt) on 127.0.0.1, with a stand-in for the
// Web API and response_url: a command's latency runs from sending it to its answer reaching response_url.
// With `instances` > 1 the commands are spread over that many bot processes sharing one Redis (`redisUrl`),
// as behind a load balancer, and every answer is counted: each command must be answered exactly once.
// https://docs.slack.dev/authentication/verifying-requests-from-slack

import { type ChildProcess, fork } from "node:child_process";
import { createHmac } from "node:crypto";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { drive, type LoadStats } from "./load-stats.js";

const SECRET = "loadtest-signing-secret";
/** A command not answered within this counts as an error, so a run always ends. */
export const REPLY_TIMEOUT_MS = 10_000;

export interface BotMemory {
  rssMb: number;
  heapMb: number;
}

export interface SlackLoadStats extends LoadStats {
  /** Commands whose answer reached response_url more than once (a duplicate across instances). */
  duplicates: number;
  /**
   * CPU time the bot processes spent per command (user + system, summed over instances, in µs): what a
   * command costs them, which a busy machine slows down but does not inflate the way it does latency.
   */
  botCpuUsPerCommand: number;
}

export interface SlackLoad {
  /** Sends `requests` commands, `concurrency` at a time, round-robin over the instances. */
  run(requests: number, concurrency: number): Promise<SlackLoadStats>;
  /** The first bot process's resident set size and heap in use, after a full GC. */
  botMemory(): Promise<BotMemory>;
  close(): Promise<void>;
}

export interface SlackLoadOptions {
  /** Bot processes (1 by default). */
  instances?: number;
  /** Their shared Redis; in-process memory each when absent. */
  redisUrl?: string;
}

/** After a run, how long to wait for a late second answer before counting the answers. */
const DUPLICATE_GRACE_MS = 300;

export async function startSlackLoad(
  queries: readonly string[],
  options: SlackLoadOptions = {},
): Promise<SlackLoad> {
  const waiting = new Map<string, () => void>();
  const answers = new Map<string, number>();
  // The Web API (auth.test) and response_url in one server.
  const api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const respond = /^\/respond\/([^/?]+)/.exec(req.url ?? "");
      if (respond?.[1]) {
        answers.set(respond[1], (answers.get(respond[1]) ?? 0) + 1);
        waiting.get(respond[1])?.();
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, team_id: "T0", user_id: "UBOT", bot_id: "BBOT" }));
    });
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  const apiBase = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOAD_API_URL: `${apiBase}/api/`,
    LOAD_SIGNING_SECRET: SECRET,
  };
  if (options.redisUrl) env.LOAD_REDIS_URL = options.redisUrl;
  const bots = Array.from({ length: Math.max(1, options.instances ?? 1) }, () =>
    fork(fileURLToPath(new URL("./load-slack-bot.js", import.meta.url)), [], {
      env,
      execArgv: ["--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  const fromBot = <T>(bot: ChildProcess, key: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`load-slack-bot: no ${key} within 30 s`)), 30_000);
      const onExit = (code: number | null) => reject(new Error(`load-slack-bot exited with ${code}`));
      const onMessage = (m: Record<string, unknown>) => {
        if (!(key in m)) return;
        clearTimeout(timer);
        bot.off("message", onMessage);
        bot.off("exit", onExit);
        resolve(m[key] as T);
      };
      bot.on("message", onMessage);
      bot.once("exit", onExit);
    });
  const ports = await Promise.all(bots.map((bot) => fromBot<number>(bot, "port")));
  // Idle sockets are closed here after 4 s, before Node's server drops them at its 5 s keep-alive timeout: else
  // a command sent on a socket the server is closing that instant fails with ECONNRESET, which happens when
  // one side idles while the other is measured.
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });

  const send = (i: number, runId: string): Promise<number> => {
    const id = `${runId}-${i}`;
    const query = queries[i % queries.length] ?? "/gap compute";
    const [command, ...words] = query.startsWith("/") ? query.split(" ") : ["/ask", query];
    const body = new URLSearchParams({
      team_id: "T0",
      channel_id: `C${i % 97}`,
      user_id: `U${i % 997}`,
      command: command ?? "/ask",
      text: words.join(" "),
      response_url: `${apiBase}/respond/${id}`,
      trigger_id: id,
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
    const started = performance.now();
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`no answer within ${REPLY_TIMEOUT_MS} ms`));
      }, REPLY_TIMEOUT_MS);
      let acked = false;
      let answered = false;
      const settle = () => {
        if (!acked || !answered) return;
        clearTimeout(timer);
        resolve(performance.now() - started);
      };
      waiting.set(id, () => {
        waiting.delete(id);
        answered = true;
        settle();
      });
      const fail = (err: Error) => {
        clearTimeout(timer);
        waiting.delete(id);
        reject(err);
      };
      const req = request(
        `http://127.0.0.1:${ports[i % ports.length]}/slack/events`,
        {
          method: "POST",
          agent,
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "content-length": Buffer.byteLength(body),
            "x-slack-request-timestamp": String(ts),
            "x-slack-signature": signature,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode !== 200) return fail(new Error(`ack was HTTP ${res.statusCode}`));
            acked = true;
            settle();
          });
        },
      );
      req.on("error", fail);
      req.end(body);
    });
  };

  /** CPU µs the bot processes have used since they started, summed. */
  const botsCpu = async () => {
    const each = bots.map((bot) => {
      const cpu = fromBot<number>(bot, "cpu");
      bot.send("cpu");
      return cpu;
    });
    return (await Promise.all(each)).reduce((sum, us) => sum + us, 0);
  };

  let runs = 0;
  return {
    run: async (requests, concurrency) => {
      const runId = `r${++runs}`;
      const cpuBefore = await botsCpu();
      const stats = await drive(requests, concurrency, (i) => send(i, runId));
      const cpu = (await botsCpu()) - cpuBefore;
      await new Promise((resolve) => setTimeout(resolve, DUPLICATE_GRACE_MS));
      let duplicates = 0;
      for (let i = 0; i < requests; i++) if ((answers.get(`${runId}-${i}`) ?? 0) > 1) duplicates++;
      return { ...stats, duplicates, botCpuUsPerCommand: Math.round(cpu / Math.max(1, requests)) };
    },
    botMemory: () => {
      const [bot] = bots;
      if (!bot) throw new Error("no bot");
      const rss = fromBot<BotMemory>(bot, "rss");
      bot.send("rss");
      return rss;
    },
    async close() {
      agent.destroy();
      await Promise.all(bots.map(stopBot));
      api.closeAllConnections();
      await new Promise<void>((resolve) => api.close(() => resolve()));
    },
  };
}

async function stopBot(bot: ChildProcess): Promise<void> {
  if (bot.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => bot.once("exit", () => resolve()));
  if (bot.connected) bot.send("stop");
  const timer = setTimeout(() => bot.kill(), 10_000);
  await exited;
  clearTimeout(timer);
}
