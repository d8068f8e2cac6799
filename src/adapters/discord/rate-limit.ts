// The process-wide per-user and per-channel limits, applied to Discord turns before the core is asked:
// the one check every adapter makes (runtime/rate-limited.ts), keyed by the guild as well.
import type { Card } from "../../core/card.js";
import { checkRateLimit } from "../../runtime/rate-limited.js";
import type { AdapterContext } from "../adapter.js";

/** The card for a turn over the limit, or undefined when it may go ahead (or no limiter is configured). */
export function overLimit(
  ctx: AdapterContext,
  userId: string,
  channelId: string | null,
  guildId: string | null = null,
): Promise<Card | undefined> {
  return checkRateLimit(ctx, {
    platform: "discord",
    ...(guildId ? { workspace: guildId } : {}),
    user: userId,
    ...(channelId ? { channel: channelId } : {}),
  });
}
