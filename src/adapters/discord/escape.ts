// Makes text that may hold user input safe to show in Discord markdown: no formatting, links or mentions.
import { unlink } from "../../core/unlink.js";

// https://support.discord.com/hc/en-us/articles/210298617-Markdown-Text-101-Chat-Formatting-Bold-Italic-Underline

/** Zero-width space: "@\u200beveryone" reads as "@everyone" but is no mention (discord.js's old cleanContent did the same). */
const ZERO_WIDTH_SPACE = "\u200b";

/** Characters that start or end inline formatting anywhere in a line, masked links and <@id> tokens. */
const INLINE = /[\\*_~`|[\]<>]/g;
/** Markers that only mean something at the start of a line: headings, subtext, quotes, lists. */
const LINE_START = /^(\s*)(#{1,3}|-#|>|[-+*]|\d+\.)(?=\s)/gm;

/** Backslash-escapes Discord markdown, so "**hi**" shows as typed and "[a](b)" is no masked link. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, "\\$&").replace(LINE_START, (_m, space: string, marker: string) => {
    // Escape the marker's last character: enough to break "# ", "-# ", "> ", "- " and "1. ".
    return `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`;
  });
}

/** "@everyone", "@here", "<@123>" and "<@&456>" stay readable but are no longer mentions. */
export function neutraliseMentions(text: string): string {
  return text.replaceAll("@", `@${ZERO_WIDTH_SPACE}`);
}

/** For any text that may echo user input inside an embed: no markup, no mention, no link. */
export function safeText(text: string): string {
  return neutraliseMentions(escapeMarkdown(unlink(text)));
}

/** For text shown without markdown (footers, alt text, button labels): no mention and no link. */
export function plainSafeText(text: string): string {
  return neutraliseMentions(unlink(text));
}
