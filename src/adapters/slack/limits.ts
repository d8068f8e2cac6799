// Block Kit limits as named constants, and the one truncation helper every Slack renderer uses.
// https://docs.slack.dev/reference/block-kit/blocks · https://docs.slack.dev/reference/methods/chat.postMessage

/** Blocks in one message. */
export const MESSAGE_BLOCKS_MAX = 50;
/** Blocks in a modal or App Home view. */
export const VIEW_BLOCKS_MAX = 100;
/** Header block: plain_text only. */
export const HEADER_TEXT_MAX = 150;
/** Section block `text`. */
export const SECTION_TEXT_MAX = 3000;
/** Section block `fields`: items, and characters in each. */
export const SECTION_FIELDS_MAX = 10;
export const SECTION_FIELD_TEXT_MAX = 2000;
/** Context block elements; each is a text object, so it shares the section's text limit. */
export const CONTEXT_ELEMENTS_MAX = 10;
export const CONTEXT_TEXT_MAX = 3000;
/** Actions block elements. */
export const ACTIONS_ELEMENTS_MAX = 25;
/** Button element. */
export const BUTTON_TEXT_MAX = 75;
export const ACTION_ID_MAX = 255;
export const BUTTON_VALUE_MAX = 2000;
export const BLOCK_ID_MAX = 255;
/**
 * The top-level `text` fallback: Slack truncates it at 40,000 characters and recommends at most 4,000;
 * it is what notifications and screen readers show, so ours stays at the recommended size.
 */
export const TEXT_FALLBACK_HARD_MAX = 40_000;
export const TEXT_FALLBACK_MAX = 4000;

export const ELLIPSIS = "…";

const ENTITY_AT_END = /&(?:a|am|amp|l|lt|g|gt)?$/;

/**
 * Cuts `text` to at most `max` UTF-16 units (Slack counts no more than that), ending with "…" when cut.
 * Never splits a surrogate pair or one of the entities `&amp;` `&lt;` `&gt;` that escaping produced.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = text.slice(0, max - ELLIPSIS.length);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  cut = cut.replace(ENTITY_AT_END, "");
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** The first `max` items, the last of them replaced by a "and N more" marker when the list is longer. */
export function capList<T>(items: readonly T[], max: number, more: (hidden: number) => T): T[] {
  if (items.length <= max) return [...items];
  if (max <= 0) return [];
  const shown = items.slice(0, max - 1);
  return [...shown, more(items.length - shown.length)];
}
