// Sending our rendered JSON through discord.js unchanged, and answering interactions within Discord's 3 s.
// https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
import { MessageFlags, MessagePayload, type MessageTarget, type RepliableInteraction } from "discord.js";
import { DEFER_AFTER_MS } from "./limits.js";
import type { DiscordMessage } from "./render.js";

/**
 * A MessagePayload whose body is exactly `body`: discord.js would otherwise rebuild it from camelCase
 * options (adding tts and nonce fields, taking allowed_mentions from elsewhere), and the payload we send
 * must be the one `gapbot render --platform discord` previews.
 */
export function exactPayload(target: MessageTarget, body: object): MessagePayload {
  const payload = new MessagePayload(target, {});
  payload.body = body as NonNullable<MessagePayload["body"]>;
  return payload;
}

/** An edit cannot change a message's visibility: flags belong to the first response only. */
function forEdit(message: DiscordMessage): DiscordMessage {
  const { flags: _flags, ...rest } = message;
  return rest;
}

export type ReplyPath = "immediate" | "deferred";

/**
 * Replies with the message `compute` resolves to. If it is not ready within `deferAfterMs`, defers
 * (callback type 5, "thinking…") and edits the original response once it is: the 3-second window is never missed.
 */
export async function replyInTime(
  interaction: RepliableInteraction,
  ephemeral: boolean,
  compute: () => DiscordMessage | Promise<DiscordMessage>,
  deferAfterMs = DEFER_AFTER_MS,
): Promise<ReplyPath> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), deferAfterMs);
  });
  // Through a promise, so an answer that arrives asynchronously races the timer.
  const pending = Promise.resolve().then(compute);
  try {
    const first = await Promise.race([pending, late]);
    if (first !== "late") {
      await interaction.reply(exactPayload(interaction, first));
      return "immediate";
    }
  } finally {
    clearTimeout(timer);
  }
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const message = await pending;
  await interaction.editReply(exactPayload(interaction, forEdit(message)));
  return "deferred";
}
