// Small Block Kit builders that apply the limits, so each renderer only decides what goes where.
// https://docs.slack.dev/reference/block-kit/blocks
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  ContextBlockElement,
  DividerBlock,
  HeaderBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from "@slack/types";
import { plain, plainText } from "./escape.js";
import {
  ACTION_ID_MAX,
  ACTIONS_ELEMENTS_MAX,
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  CONTEXT_ELEMENTS_MAX,
  HEADER_TEXT_MAX,
  SECTION_FIELDS_MAX,
  SECTION_TEXT_MAX,
  truncate,
} from "./limits.js";

/** A header from raw card text; Slack rejects an empty one, so it falls back to `fallback`. */
export function header(raw: string, fallback = "gapbot"): HeaderBlock {
  return { type: "header", text: plain(plainText(raw.trim() || fallback, HEADER_TEXT_MAX)) };
}

/** A section from text already made safe (escaped, and neutralised when mrkdwn). */
export function section(text: PlainTextElement | MrkdwnElement): SectionBlock {
  return { type: "section", text: { ...text, text: truncate(text.text, SECTION_TEXT_MAX) } };
}

/** One section of up to 10 fields; callers split longer lists. */
export function fieldsSection(fields: MrkdwnElement[]): SectionBlock {
  if (fields.length > SECTION_FIELDS_MAX)
    throw new RangeError(`a section holds ${SECTION_FIELDS_MAX} fields`);
  return { type: "section", fields };
}

export function context(elements: ContextBlockElement[]): ContextBlock {
  return { type: "context", elements: elements.slice(0, CONTEXT_ELEMENTS_MAX) };
}

export function divider(): DividerBlock {
  return { type: "divider" };
}

/** A button from raw label text and an opaque value that already fits. */
export function button(label: string, actionId: string, value: string, style?: "primary"): Button {
  if (value.length > BUTTON_VALUE_MAX) throw new RangeError("button value too long");
  return {
    type: "button",
    text: plain(plainText(label, BUTTON_TEXT_MAX)),
    action_id: actionId.slice(0, ACTION_ID_MAX),
    value,
    ...(style ? { style } : {}),
  };
}

export function actions(buttons: Button[]): ActionsBlock {
  return { type: "actions", elements: buttons.slice(0, ACTIONS_ELEMENTS_MAX) };
}

/** Splits a list into chunks of `size` (fields into sections). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
