// Discord's message limits, named once, and the small pure helpers that keep text within them.
// https://discord.com/developers/docs/resources/message#embed-object-embed-limits
// https://discord.com/developers/docs/components/reference#button

export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_FIELDS_MAX = 25;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1024;
export const EMBED_FOOTER_MAX = 2048;
export const EMBED_AUTHOR_MAX = 256;
/** Title, description, field names and values, footer and author of every embed in one message, together. */
export const EMBED_TOTAL_MAX = 6000;
export const EMBEDS_PER_MESSAGE_MAX = 10;

export const MESSAGE_CONTENT_MAX = 2000;
export const ACTION_ROWS_MAX = 5;
export const BUTTONS_PER_ROW_MAX = 5;
export const BUTTON_LABEL_MAX = 80;
export const CUSTOM_ID_MAX = 100;

export const AUTOCOMPLETE_CHOICES_MAX = 25;
export const CHOICE_NAME_MAX = 100;
export const CHOICE_VALUE_MAX = 100;

/** An interaction must be answered within 3 s; an answer not ready after 1 s is deferred (type 5), so the user
 * sees "thinking…" as soon as it takes over a second, and the reply is edited in later. */
export const DEFER_AFTER_MS = 1000;

const ELLIPSIS = "…";

/**
 * Cuts `text` to at most `max` UTF-16 units (what Discord and discord.js count), ending with "…" when cut.
 * Never splits a surrogate pair, and never leaves a dangling backslash that would escape the ellipsis.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max === 1) return ELLIPSIS;
  let end = max - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  let cut = text.slice(0, end).trimEnd();
  // An odd run of trailing backslashes would escape the "…": drop one.
  const slashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (slashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}${ELLIPSIS}`;
}

/** What Discord counts toward the 6000-character total of one embed. */
export function embedLength(embed: {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  n += embed.footer?.text.length ?? 0;
  n += embed.author?.name.length ?? 0;
  return n;
}

// Attachments. https://discord.com/developers/docs/resources/message#attachment-object
/** An attachment's alt text (`description`). */
export const ATTACHMENT_DESCRIPTION_MAX = 1024;
