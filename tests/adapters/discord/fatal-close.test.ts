// Gateway closes that discord.js never retries (4004 authentication failed, 4014 disallowed intents), through
// the real discord.js client and the gateway stand-in: one fatal log line naming the cause, and the adapter
// asks start-up to exit (ctx.fatal) rather than staying up offline for good. A close it does retry is not fatal.
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningAdapter } from "../../../src/adapters/adapter.js";
import { startDiscord } from "../../../src/adapters/discord/index.js";
import { createLogger } from "../../../src/log.js";
import { MemorySeenStore } from "../../../src/runtime/seen-store.js";
import { MemoryKeyValueStore } from "../../../src/state/kv.js";
import { testCore } from "../../helpers/discord-harness.js";
import { DiscordStandIn, eventually, type StandInOptions } from "../../helpers/discord-stand-in.js";

interface LogLine {
  level: number;
  msg: string;
  code?: number;
}

let standIn: DiscordStandIn | undefined;
let adapter: RunningAdapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  await standIn?.close();
  adapter = undefined;
  standIn = undefined;
});

async function start(options: StandInOptions = {}) {
  standIn = await DiscordStandIn.start(options);
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as LogLine);
      done();
    },
  });
  const fatal: string[] = [];
  const running = startDiscord(
    { token: standIn.token, apiUrl: standIn.apiUrl },
    {
      core: testCore(),
      logger: createLogger({ level: "info", destination }),
      seen: new MemorySeenStore(),
      kv: new MemoryKeyValueStore(),
      fatal: (reason) => fatal.push(reason),
    },
    { readyTimeoutMs: 10_000 },
  );
  return { running, lines, fatal, standIn };
}

describe("Discord adapter, fatal gateway closes", () => {
  it.each([
    [4004, "authentication failed"],
    [4014, "disallowed intents"],
  ])("given close %i after ready, logs one fatal line naming %s and asks to exit", async (code, cause) => {
    const bot = await start();
    adapter = await bot.running;
    expect(adapter.healthy()).toBe(true);
    bot.standIn.closeConnections(code);
    const [reason] = await eventually(() => bot.fatal.length > 0 && bot.fatal, "ctx.fatal");
    expect(reason).toContain(String(code));
    expect(reason).toContain(cause);
    const fatalLines = bot.lines.filter((l) => l.level === 60);
    expect(fatalLines).toHaveLength(1);
    expect(fatalLines[0]?.msg).toBe(reason);
    expect(adapter.healthy()).toBe(false);
  });

  it("given 4014 in answer to IDENTIFY at start-up, fails start-up at once with the cause", async () => {
    const bot = await start({ identifyCloseCode: 4014 });
    const started = Date.now();
    await expect(bot.running).rejects.toThrow(/4014, disallowed intents/);
    // Well before the 10 s ready timeout: the close itself ends the wait.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(bot.fatal).toEqual([]);
  });

  it("given a close discord.js recovers from (4000), reconnects and does not ask to exit", async () => {
    const bot = await start();
    adapter = await bot.running;
    const identified = bot.standIn.framesWithOp(2).length + bot.standIn.framesWithOp(6).length;
    bot.standIn.closeConnections(4000);
    await eventually(
      () => bot.standIn.framesWithOp(2).length + bot.standIn.framesWithOp(6).length > identified,
      "a new IDENTIFY or RESUME",
    );
    await eventually(() => adapter?.healthy(), "healthy again");
    expect(bot.fatal).toEqual([]);
    expect(bot.lines.filter((l) => l.level === 60)).toEqual([]);
  });
});
