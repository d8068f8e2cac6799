// Card → the Discord message JSON (embeds and buttons) the adapter sends. Pure: no SDK at run time.
// https://discord.com/developers/docs/resources/message#embed-object
// https://discord.com/developers/docs/resources/message#allowed-mentions-object
import type { Card, Citation, ComparisonRow, Field } from "../../core/card.js";
import { splitText } from "../../core/format.js";
import { sourceLabel } from "../../core/sources.js";
import { REASON_LABELS, THANKS_DOWN, THANKS_REASON, THANKS_UP } from "../../runtime/record.js";
import { VOTE_REASONS, type VoteReason } from "../../storage/question-log.js";
import { reasonCustomId, runCustomId, sourcesCustomId, voteCustomId } from "./custom-id.js";
import { plainSafeText, safeText } from "./escape.js";
import {
  ACTION_ROWS_MAX,
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
  embedLength,
  truncate,
} from "./limits.js";

export interface DiscordEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: DiscordEmbedField[];
  footer?: { text: string };
  /** `attachment://chart.png` for a file uploaded with the message (see render-chart.ts). */
  image?: { url: string };
}

export interface DiscordButton {
  /** 2: a button. */
  type: 2;
  /** 1 primary, 2 secondary. */
  style: 1 | 2;
  label: string;
  custom_id: string;
}

export interface DiscordActionRow {
  /** 1: an action row. */
  type: 1;
  components: DiscordButton[];
}

/** Exactly the JSON body of a message create/edit or an interaction response's `data`. */
export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
  /** Every message pings no one, whatever its text says. */
  allowed_mentions: { parse: []; replied_user: false };
  /** 64 (EPHEMERAL) when only the asker should see it. */
  flags?: number;
  /** The files uploaded with this message (multipart), by their index in the upload. */
  attachments?: { id: string; filename: string; description?: string }[];
}

export interface DiscordRenderOptions {
  /** Only the person who asked sees the reply (interaction responses only). */
  ephemeral?: boolean;
  /** 👍/👎 buttons for the recorded question with this id; none without it (the record is off). */
  feedback?: { answerId: string };
}

export const EPHEMERAL_FLAG = 64;
const SUGGESTION_BUTTONS_MAX = 4;
const BAR_WIDTH = 10;
/** Inline fields sit three to a line: short values read well side by side. */
const INLINE_VALUE_MAX = 40;
/** An empty field keeps each comparison row on its own line of three. */
/** Knowledge ids (see Id in knowledge/schema.ts): safe in inline code and custom_ids. */
const FACT_ID = /^[a-z0-9][a-z0-9-]*$/;
/** Room kept for the Sources field and a few figures under a passage. */
const PASSAGE_RESERVE = 800;
const SPACER: DiscordEmbedField = { name: "\u200b", value: "\u200b", inline: true };

const COLORS: Record<Card["kind"], number> = {
  gap: 0x5865f2,
  chip: 0x3ba55c,
  model: 0xeb459e,
  compare: 0xfaa61a,
  answer: 0x00b0f4,
  help: 0x99aab5,
  source: 0x95a5a6,
  not_found: 0x747f8d,
  error: 0xed4245,
};

function noMentions(): DiscordMessage["allowed_mentions"] {
  return { parse: [], replied_user: false };
}

export function renderDiscord(card: Card, options: DiscordRenderOptions = {}): DiscordMessage {
  const embed: DiscordEmbed = {
    // Discord rejects empty titles and embeds: a blank card still shows as something.
    title: truncate(safeText(card.title.trim() || "gapbot"), EMBED_TITLE_MAX),
    color: COLORS[card.kind],
  };
  const description = truncate(safeText(card.headline.trim()), EMBED_DESCRIPTION_MAX);
  if (description) embed.description = description;
  const footer = footerText(card);
  if (footer?.trim()) embed.footer = { text: footer };
  const embeds = [embed, ...passageEmbeds(embed, card)];

  const sources = sourcesField(card.citations);
  const fields: DiscordEmbedField[] = [];
  const reserved = sources ? 1 : 0;
  let budget =
    EMBED_TOTAL_MAX -
    embeds.reduce((n, e) => n + embedLength(e), 0) -
    (sources ? sources.name.length + sources.value.length : 0);
  // Groups go in whole or not at all (a comparison row is three fields): the Sources field always stays.
  for (const group of [...card.fields.map((f) => [figureField(f)]), ...comparisonGroups(card)]) {
    const size = group.reduce((n, f) => n + f.name.length + f.value.length, 0);
    if (fields.length + group.length + reserved > EMBED_FIELDS_MAX || size > budget) break;
    fields.push(...group);
    budget -= size;
  }
  if (sources) fields.push(sources);
  if (fields.length > 0) embed.fields = fields;

  const message: DiscordMessage = {
    embeds,
    components: [...buttonRows(card), ...feedbackRows(options.feedback?.answerId)],
    allowed_mentions: noMentions(),
  };
  if (options.ephemeral) message.flags = EPHEMERAL_FLAG;
  return message;
}

/**
 * The passage whole: after the headline in the description while it fits, then in further embeds (the
 * 6,000 characters of a message are the only bound; past them, the cut says so). Adds to `first`.
 */
function passageEmbeds(first: DiscordEmbed, card: Card): DiscordEmbed[] {
  const text = card.passage?.text.trim();
  if (!text) return [];
  const room = EMBED_TOTAL_MAX - embedLength(first) - PASSAGE_RESERVE;
  // Each piece leaves room for the line that says where the passage is cut.
  const pieces = splitText(text, EMBED_DESCRIPTION_MAX - 100, (t) => safeText(t).length).map(safeText);
  const lead = first.description ? `${first.description}\n\n` : "";
  const more: DiscordEmbed[] = [];
  let used = 0;
  for (const [i, piece] of pieces.entries()) {
    const left = pieces.length - i - 1;
    const cut = `… (${left + 1} more part${left ? "s" : ""} past Discord's limit of a message)`;
    if (used + piece.length + (left ? cut.length : 0) > room) {
      const last = more.at(-1) ?? first;
      last.description = `${last.description ?? ""}\n${cut}`;
      break;
    }
    if (i === 0 && lead.length + piece.length <= EMBED_DESCRIPTION_MAX) first.description = `${lead}${piece}`;
    else more.push({ description: piece, color: first.color ?? COLORS.source });
    used += piece.length;
  }
  return more;
}

/** The "Show sources" reply: each citation's verbatim quote, with who says so and where. Ephemeral. */
export function renderDiscordSources(card: Card): DiscordMessage {
  const citations = uniqueCitations(card.citations);
  const many = citesManySources(citations);
  const embed: DiscordEmbed = {
    title: truncate(safeText(`Sources: ${card.title}`), EMBED_TITLE_MAX),
    description: truncate(safeText(sourcesIntro(citations, many)), EMBED_DESCRIPTION_MAX),
    color: COLORS.source,
  };
  const fields: DiscordEmbedField[] = [];
  let budget = EMBED_TOTAL_MAX - embedLength(embed) - EMBED_FOOTER_MAX;
  for (const c of citations) {
    const field = {
      name: truncate(safeText(citationLabel(c, many)), EMBED_FIELD_NAME_MAX),
      value: truncate(quoteBlock(c), EMBED_FIELD_VALUE_MAX),
    };
    const size = field.name.length + field.value.length;
    if (fields.length === EMBED_FIELDS_MAX || size > budget) break;
    fields.push(field);
    budget -= size;
  }
  if (fields.length > 0) embed.fields = fields;
  const left = citations.length - fields.length;
  if (left > 0) {
    embed.footer = { text: `${left} more not shown: /source with a paragraph number shows any passage.` };
  }
  return { embeds: [embed], components: [], allowed_mentions: noMentions(), flags: EPHEMERAL_FLAG };
}

function footerText(card: Card): string | undefined {
  // Footers show no markdown, so only mentions need defusing (escapes would show as backslashes).
  return card.footer ? truncate(plainSafeText(card.footer), EMBED_FOOTER_MAX) : undefined;
}

function figureField(f: Field): DiscordEmbedField {
  const shown = f.unit && !f.value.includes(f.unit) ? `${f.value} ${f.unit}` : f.value;
  let value = `**${safeText(shown)}**`;
  if (f.derived) value += " _(computed)_";
  if (f.note) value += `\n${safeText(f.note)}`;
  value = truncate(value, EMBED_FIELD_VALUE_MAX);
  const name = truncate(orBlank(safeText(f.label)), EMBED_FIELD_NAME_MAX);
  return { name, value, inline: value.length <= INLINE_VALUE_MAX && !f.note };
}

function comparisonGroups(card: Card): DiscordEmbedField[][] {
  const c = card.comparison;
  if (!c) return [];
  return c.rows.map((row) => {
    const max = Math.max(Math.abs(row.left.value ?? 0), Math.abs(row.right.value ?? 0));
    const left = {
      name: truncate(safeText(`${row.label}: ${c.left.name}`), EMBED_FIELD_NAME_MAX),
      value: truncate(cellText(row, "left", max), EMBED_FIELD_VALUE_MAX),
      inline: true,
    };
    const right = {
      name: truncate(orBlank(safeText(c.right.name)), EMBED_FIELD_NAME_MAX),
      value: truncate(cellText(row, "right", max), EMBED_FIELD_VALUE_MAX),
      inline: true,
    };
    if (!row.ratio) return [left, right, SPACER];
    const ratio = {
      name: "Ratio",
      value: truncate(
        `**${safeText(row.ratio.display)}** _(computed: ${safeText(row.ratio.inputs)})_`,
        EMBED_FIELD_VALUE_MAX,
      ),
      inline: true,
    };
    return [left, right, ratio];
  });
}

function cellText(row: ComparisonRow, side: "left" | "right", max: number): string {
  const cell = row[side];
  if (cell.value === null) return "_not in the material_";
  const filled =
    max > 0 ? Math.max(cell.value === 0 ? 0 : 1, Math.round((Math.abs(cell.value) / max) * BAR_WIDTH)) : 0;
  // A bar only when both sides have a figure: one side against nothing is no comparison.
  const paired = row.left.value !== null && row.right.value !== null;
  const bar = paired ? `\`${"█".repeat(filled) + "░".repeat(BAR_WIDTH - filled)}\` ` : "";
  // The core's display usually carries the unit already ("2400 EFLOPS"): never say it twice.
  const unit = row.unit && !cell.display.includes(row.unit) ? ` ${safeText(row.unit)}` : "";
  return `${bar}**${safeText(cell.display)}**${unit}`;
}

/** Discord rejects empty (or blank) field names and values. */
function orBlank(text: string): string {
  return text.trim() ? text : "\u200b";
}

/** "¶24 · CAICT": who says so when the material names them, and which source when there are several. */
function citationLabel(c: Citation, manySources: boolean): string {
  const parts = [`¶${c.paragraph}`];
  if (manySources) parts.push(c.publisher || c.published ? sourceLabel(c) : (c.sourceTitle ?? c.source));
  if (c.attribution) parts.push(c.attribution);
  return parts.join(" · ");
}

function sourcesIntro(citations: readonly Citation[], many: boolean): string {
  const first = citations[0];
  if (!first) return "This answer quotes no source.";
  if (many) return "Verbatim from the material; ¶N is the paragraph number in its source.";
  const by =
    first.publisher || first.published ? ` (${sourceLabel({ ...first, sourceTitle: undefined })})` : "";
  return `Verbatim from “${first.sourceTitle ?? first.source}”${by}; ¶N is the paragraph number.`;
}

function citesManySources(citations: readonly Citation[]): boolean {
  return new Set(citations.map((c) => c.source)).size > 1;
}

function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.source}#${c.paragraph}#${c.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One line per citation: "¶24 · CAICT · `us-compute-eflops`", as many as fit in one field. */
function sourcesField(citations: readonly Citation[]): DiscordEmbedField | undefined {
  const unique = uniqueCitations(citations);
  if (unique.length === 0) return undefined;
  const many = citesManySources(unique);
  const lines: string[] = [];
  let length = 0;
  for (const [i, c] of unique.entries()) {
    const line = `${safeText(citationLabel(c, many))}${factIdCode(c, " · ")}`;
    const more = `…and ${unique.length - i} more`;
    const reserve = i < unique.length - 1 ? more.length + 1 : 0;
    if (length + line.length + 1 + reserve > EMBED_FIELD_VALUE_MAX) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return { name: "Sources", value: truncate(lines.join("\n"), EMBED_FIELD_VALUE_MAX) };
}

/** The fact id in inline code (what /source takes), when it is a well-formed id. */
function factIdCode(c: Citation, before: string): string {
  return c.factId && FACT_ID.test(c.factId) ? `${before}\`${c.factId}\`` : "";
}

function quoteBlock(c: Citation): string {
  const quote = safeText(c.quote)
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  const ref = factIdCode(c, "\n");
  const note = c.note ? `\n**Note:** ${safeText(c.note)}` : "";
  return `${quote}${note}${ref}`;
}

/** 👍 and 👎 on a row of their own, under the card's other buttons. */
function feedbackRows(answerId: string | undefined): DiscordActionRow[] {
  const up = answerId ? voteCustomId("up", answerId) : undefined;
  const down = answerId ? voteCustomId("down", answerId) : undefined;
  if (!up || !down) return [];
  return [
    {
      type: 1,
      components: [
        { type: 2, style: 2, label: "👍", custom_id: up },
        { type: 2, style: 2, label: "👎", custom_id: down },
      ],
    },
  ];
}

/** After a 👎, ephemerally: thanks, and the optional "what was wrong?" as one button per reason. */
export function renderDiscordThanks(vote: "up" | "down" | "reason", answerId: string): DiscordMessage {
  const text = vote === "up" ? THANKS_UP : vote === "down" ? THANKS_DOWN : THANKS_REASON;
  const reasons = VOTE_REASONS.map((r) => ({ r, id: reasonCustomId(r, answerId) })).filter(
    (x): x is { r: VoteReason; id: string } => x.id !== undefined,
  );
  const components: DiscordActionRow[] =
    vote === "down" && reasons.length
      ? [
          {
            type: 1,
            components: reasons.map(({ r, id }) => ({
              type: 2,
              style: 2,
              label: REASON_LABELS[r],
              custom_id: id,
            })),
          },
        ]
      : [];
  return { content: text, embeds: [], components, allowed_mentions: noMentions(), flags: EPHEMERAL_FLAG };
}

function buttonRows(card: Card): DiscordActionRow[] {
  const buttons: DiscordButton[] = [];
  const refs = uniqueCitations(card.citations).map((c) =>
    c.factId && FACT_ID.test(c.factId) ? c.factId : String(c.paragraph),
  );
  const sourcesId = sourcesCustomId([...new Set(refs)]);
  if (sourcesId) buttons.push({ type: 2, style: 2, label: "Show sources", custom_id: sourcesId });
  const ids = new Set(buttons.map((b) => b.custom_id));
  let suggestions = 0;
  for (const s of card.suggestions) {
    const id = runCustomId(s.command);
    const label = truncate(plainSafeText(s.label.trim()), BUTTON_LABEL_MAX);
    if (!id || !label || ids.has(id) || suggestions === SUGGESTION_BUTTONS_MAX) continue;
    buttons.push({ type: 2, style: 1, label, custom_id: id });
    ids.add(id);
    suggestions += 1;
  }
  const rows: DiscordActionRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < ACTION_ROWS_MAX; i += BUTTONS_PER_ROW_MAX) {
    rows.push({ type: 1, components: buttons.slice(i, i + BUTTONS_PER_ROW_MAX) });
  }
  return rows;
}
