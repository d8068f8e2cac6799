// The process-wide per-user and per-channel limits, applied to Discord turns before the core is asked.
import type { Card } from "../../core/card.js";
import { retryText } from "../../runtime/rate-limit.js";
import type { AdapterContext } from "../adapter.js";

/** The card for a turn over the limit, or undefined when it may go ahead (or no limiter is configured). */
export function overLimit(ctx: AdapterContext, userId: string, channelId: string | null): Card | undefined {
  const limits = ctx.rateLimit;
  if (!limits) return undefined;
  const keys = [{ key: `discord:user:${userId}`, perMinute: limits.perUserPerMinute }];
  if (channelId) keys.push({ key: `discord:channel:${channelId}`, perMinute: limits.perChannelPerMinute });
  const verdict = limits.limiter.take(keys);
  if (verdict.ok) return undefined;
  ctx.logger.info({ platform: "discord", retryAfterMs: verdict.retryAfterMs }, "rate limited");
  return {
    kind: "error",
    title: "One moment",
    headline: `That is a lot of questions in a short time: please try again ${retryText(verdict.retryAfterMs)}.`,
    fields: [],
    citations: [],
    suggestions: [],
  };
}
