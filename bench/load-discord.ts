// Slash-command interactions through the real discord.js adapter, over the test Discord stand-in (REST
// and gateway on 127.0.0.1): an interaction's latency runs from its dispatch to its callback reaching REST.
import { startDiscord } from "../src/adapters/discord/index.js";
import { createCore } from "../src/core/index.js";
import { silentLogger } from "../src/log.js";
import { MemoryRateLimiter } from "../src/runtime/rate-limit.js";
import { MemorySeenStore } from "../src/runtime/seen-store.js";
import { MemoryKeyValueStore } from "../src/state/kv.js";
import { DiscordStandIn } from "../tests/helpers/discord-stand-in.js";
import { drive, type LoadStats } from "./load-stats.js";

/** An interaction not answered within this counts as an error, so a run always ends. */
const CALLBACK_TIMEOUT_MS = 10_000;

/** Slash commands as Discord sends them: the command and its options. */
export const DISCORD_LOAD_COMMANDS: [string, Record<string, string>][] = [
  ["gap", { topic: "compute" }],
  ["chip", { name: "910B" }],
  ["compare", { first: "H100", second: "Ascend 910B" }],
  ["model", { name: "DeepSeek" }],
  ["ask", { question: "How many GPUs will Meta deploy?" }],
  ["ask", { question: "中美算力差距" }],
  ["ask", { question: "@everyone <@123> **bold** \u202e\u200b" }],
  ["source", { ref: "3" }],
  ["help", {}],
];

export interface DiscordLoad {
  run(requests: number, concurrency: number): Promise<LoadStats>;
  close(): Promise<void>;
}

export async function startDiscordLoad(): Promise<DiscordLoad> {
  const standIn = await DiscordStandIn.start({ heartbeatIntervalMs: 5_000 });
  const adapter = await startDiscord(
    { token: standIn.token, apiUrl: standIn.apiUrl },
    {
      core: createCore(),
      logger: silentLogger(),
      seen: new MemorySeenStore(),
      kv: new MemoryKeyValueStore(),
      rateLimit: {
        limiter: new MemoryRateLimiter(),
        perUserPerMinute: 1_000_000,
        perChannelPerMinute: 1_000_000,
      },
    },
  );
  // Callbacks as they reach the stand-in's REST, matched to their waiting interaction by path.
  const waiting = new Map<string, () => void>();
  let scanned = 0;
  const scanner = setInterval(() => {
    for (; scanned < standIn.requests.length; scanned++) {
      const path = standIn.requests[scanned]?.path;
      if (path) waiting.get(path)?.();
    }
  }, 1);

  const send = (i: number): Promise<number> => {
    const [name, options] = DISCORD_LOAD_COMMANDS[i % DISCORD_LOAD_COMMANDS.length] ?? ["help", {}];
    const payload = standIn.slashCommand(name, options);
    const path = `/v10/interactions/${payload.id}/${payload.token}/callback`;
    const started = performance.now();
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(path);
        reject(new Error(`no callback within ${CALLBACK_TIMEOUT_MS} ms`));
      }, CALLBACK_TIMEOUT_MS);
      waiting.set(path, () => {
        waiting.delete(path);
        clearTimeout(timer);
        resolve(performance.now() - started);
      });
      standIn.dispatch("INTERACTION_CREATE", payload);
    });
  };

  return {
    run: (requests, concurrency) => drive(requests, concurrency, send),
    async close() {
      clearInterval(scanner);
      await adapter.stop();
      await standIn.close();
    },
  };
}
