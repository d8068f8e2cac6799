// The Discord adapter: a discord.js gateway client that answers slash commands, buttons, mentions and DMs.
// Start-up imports this file dynamically, only when Discord is configured (discord.js takes ~0.4 s to load).
// https://discord.js.org/docs/packages/discord.js/main/Client:Class
import { Client, Events, GatewayIntentBits, Partials, RESTEvents, Status } from "discord.js";
import type { DiscordSettings } from "../../config/settings.js";
import type { AdapterContext, RunningAdapter } from "../adapter.js";
import { handleInteraction } from "./interactions.js";
import { handleMessage } from "./messages.js";
import { discordRestAgent } from "./rest-agent.js";

export interface DiscordAdapterOptions {
  /** Defer an interaction whose answer is not ready after this long (default 1.5 s). */
  deferAfterMs?: number;
  /** Give up starting when the gateway is not ready after this long (default 60 s). */
  readyTimeoutMs?: number;
  /** How long stop() waits for replies in flight (default 5 s). */
  drainTimeoutMs?: number;
  /** A mention's turn still running after this long shows "typing…" (default 1 s). */
  progressAfterMs?: number;
}

/** Guilds (slash commands, channel cache), GuildMessages (mentions), DirectMessages: none is privileged. */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
] as const;

export async function startDiscord(
  settings: DiscordSettings,
  ctx: AdapterContext,
  options: DiscordAdapterOptions = {},
): Promise<RunningAdapter> {
  const log = ctx.logger.child({ adapter: "discord" });
  const agent = discordRestAgent();
  const client = new Client({
    intents: [...DISCORD_INTENTS],
    // DM channels are never announced by the gateway: without this partial, DMs are dropped.
    partials: [Partials.Channel],
    // A second guard: our payloads already set allowed_mentions, this covers anything else sent.
    allowedMentions: { parse: [], repliedUser: false },
    // discord.js appends /v10; the gateway URL then comes from this REST's /gateway/bot.
    rest: { ...(settings.apiUrl ? { api: settings.apiUrl } : {}), agent },
  });

  let stopping = false;
  const inFlight = new Set<Promise<void>>();
  const track = (kind: string, work: () => Promise<void>) => {
    if (stopping) return;
    const turn = work()
      .catch((err: unknown) => {
        ctx.metrics?.apiError("discord");
        log.error({ err, kind }, "discord turn failed");
      })
      .finally(() => inFlight.delete(turn));
    inFlight.add(turn);
  };

  // discord.js's REST retries 429s (after their wait) and 5xx itself: each is counted as it happens.
  client.rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status >= 400) ctx.metrics?.apiError("discord");
  });
  client.rest.on(RESTEvents.RateLimited, () => ctx.metrics?.apiRetry("discord"));
  client.on(Events.InteractionCreate, (interaction) =>
    track("interaction", () => handleInteraction(interaction, ctx, options)),
  );
  client.on(Events.MessageCreate, (message) => track("message", () => handleMessage(message, ctx, options)));
  // discord.js emits this only for a close it will never retry: the bot would stay offline for good.
  let fatalClose: ((err: Error) => void) | undefined;
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (stopping) return;
    const message = fatalCloseMessage(event.code);
    log.fatal({ shard, code: event.code }, message);
    if (fatalClose) fatalClose(new Error(message));
    else ctx.fatal?.(message);
  });
  // discord.js reports its own shutdown as a reconnect: only a real one is worth a line.
  client.on(Events.ShardReconnecting, (shard) => stopping || log.info({ shard }, "gateway reconnecting"));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, "gateway resumed"));
  client.on(Events.ShardError, (err, shard) => log.warn({ err, shard }, "gateway error"));
  client.on(Events.Error, (err) => log.error({ err }, "discord client error"));
  client.on(Events.Warn, (message) => log.warn({ message }, "discord warning"));

  try {
    const closed = new Promise<never>((_, reject) => {
      fatalClose = reject;
    });
    await waitUntilReady(client, settings.token, options.readyTimeoutMs ?? 60_000, closed);
  } catch (err) {
    await agent.close();
    throw err;
  } finally {
    fatalClose = undefined;
  }
  log.info({ user: client.user?.id, shards: [...client.ws.shards.keys()] }, "discord connected");

  return {
    name: "discord",
    healthy: () => connected(client),
    pending: () => inFlight.size,
    async stop() {
      stopping = true;
      await settleWithin([...inFlight], options.drainTimeoutMs ?? 5_000);
      await client.destroy();
      await agent.close();
    },
  };
}

/** Connected: ready, and every shard of this process is READY (not closed, reconnecting or resuming). */
function connected(client: Client): boolean {
  return (
    client.isReady() && client.ws.shards.size > 0 && client.ws.shards.every((s) => s.status === Status.Ready)
  );
}

/**
 * The gateway close codes discord.js gives up on, with what the operator should do.
 * https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes
 */
const FATAL_CLOSE_CAUSES: Record<number, string> = {
  4004: "authentication failed: DISCORD_TOKEN is wrong or was reset (Developer Portal → Bot → Reset Token)",
  4010: "invalid shard",
  4011: "sharding required: run `npm run start:sharded`",
  4012: "invalid gateway API version",
  4013: "invalid intents",
  4014: "disallowed intents: the bot asked for a privileged intent not enabled in the Developer Portal",
};

/** The one log line for a close discord.js will not retry: the code, its cause, and that we exit. */
export function fatalCloseMessage(code: number): string {
  const cause = FATAL_CLOSE_CAUSES[code] ?? "the gateway will not reconnect";
  return `discord: gateway closed with ${code}, ${cause}; exiting`;
}

/** Logs in and waits for clientReady (every guild received), or fails with a clear message. */
async function waitUntilReady(
  client: Client,
  token: string,
  timeoutMs: number,
  fatalClose: Promise<never>,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`discord: the gateway was not ready within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([Promise.all([ready, client.login(token)]), timeout, fatalClose]);
  } catch (err) {
    await client.destroy();
    throw err instanceof Error && err.message.startsWith("discord:")
      ? err
      : new Error(`discord: could not connect: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}

async function settleWithin(work: Promise<void>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled(work),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
