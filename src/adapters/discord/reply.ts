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
export function exactPayload(
  target: MessageTarget,
  body: object,
  files: AttachedFile[] = [],
): MessagePayload {
  const payload = new MessagePayload(target, {});
  payload.body = body as NonNullable<MessagePayload["body"]>;
  // With files, discord.js sends multipart: the body as payload_json, each file as files[i], which the
  // body's attachments[i] (id "i") and an embed's attachment://name refer to.
  if (files.length) {
    payload.files = files.map((f, i) => ({
      key: `files[${i}]`,
      name: f.name,
      data: f.data,
      ...(f.contentType ? { contentType: f.contentType } : {}),
    }));
  }
  return payload;
}

/** A file uploaded with a message, e.g. the chart PNG. */
export interface AttachedFile {
  name: string;
  data: Buffer;
  contentType?: string;
}

/** A message and the files it refers to by `attachment://name`. */
export interface DiscordReply {
  message: DiscordMessage;
  files: AttachedFile[];
}

function asReply(reply: DiscordMessage | DiscordReply): DiscordReply {
  return "message" in reply && "files" in reply ? reply : { message: reply, files: [] };
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
  compute: () => DiscordMessage | DiscordReply | Promise<DiscordMessage | DiscordReply>,
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
      const { message, files } = asReply(first);
      await interaction.reply(exactPayload(interaction, message, files));
      return "immediate";
    }
  } finally {
    clearTimeout(timer);
  }
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const { message, files } = asReply(await pending);
  await interaction.editReply(exactPayload(interaction, forEdit(message), files));
  return "deferred";
}
