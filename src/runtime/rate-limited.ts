// The one rate-limit check every adapter makes before answering: per user and per channel, keyed by
// platform and workspace (Slack team, Discord guild), so that ids from two workspaces never share a bucket.
import type { AdapterContext } from "../adapters/adapter.js";
import type { Card } from "../core/card.js";
import { retryText } from "./rate-limit.js";

export interface Asker {
  platform: "slack" | "discord";
  /** The Slack team or Discord guild; absent in a Discord DM. */
  workspace?: string;
  user?: string;
  /** Absent when the platform gives none (App Home): then only the user's bucket counts. */
  channel?: string;
}

/** The keys an asker's turn takes a token from. */
export function rateLimitKeys(
  asker: Asker,
  limits: { perUserPerMinute: number; perChannelPerMinute: number },
): { key: string; perMinute: number }[] {
  const scope = `${asker.platform}:${asker.workspace ?? "-"}`;
  const keys: { key: string; perMinute: number }[] = [];
  if (asker.user) keys.push({ key: `${scope}:user:${asker.user}`, perMinute: limits.perUserPerMinute });
  if (asker.channel)
    keys.push({ key: `${scope}:channel:${asker.channel}`, perMinute: limits.perChannelPerMinute });
  return keys;
}

export function rateLimitedCard(retryAfterMs: number): Card {
  return {
    kind: "error",
    title: "Slow down a little",
    headline: `That is more questions than I answer in a minute here. Please try again ${retryText(retryAfterMs)}.`,
    fields: [],
    citations: [],
    suggestions: [],
  };
}

/**
 * Takes a token for this turn: undefined when the turn may go ahead, else the card that says when to
 * retry. Without a limiter (tests, the console) every turn goes ahead.
 */
export async function checkRateLimit(
  ctx: Pick<AdapterContext, "rateLimit" | "logger" | "metrics">,
  asker: Asker,
): Promise<Card | undefined> {
  if (!ctx.rateLimit) return undefined;
  const keys = rateLimitKeys(asker, ctx.rateLimit);
  if (keys.length === 0) return undefined;
  const verdict = await ctx.rateLimit.limiter.take(keys);
  if (verdict.ok) return undefined;
  ctx.metrics?.rateLimited(asker.platform);
  ctx.logger.info({ platform: asker.platform, retryAfterMs: verdict.retryAfterMs }, "rate limited");
  return rateLimitedCard(verdict.retryAfterMs);
}
