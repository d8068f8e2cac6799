// An independent checker of a Slack payload: Block Kit's published limits (the numbers are copied from
// Slack's docs here, not imported from src/, so a wrong constant there is caught) and escaping.
// https://docs.slack.dev/reference/block-kit/blocks · https://docs.slack.dev/messaging/formatting-message-text#escaping

interface TextObject {
  type?: string;
  text?: unknown;
}

const RAW_MARKUP = /[<>]|&(?!amp;|lt;|gt;)/;

/** Every broken limit and every unescaped `<`, `>` or `&`, each with where it is; empty when all is well. */
export function blockKitProblems(
  payload: { text?: unknown; blocks?: unknown; type?: unknown },
  surface: "message" | "home" = "message",
): string[] {
  const problems: string[] = [];
  const blocks = Array.isArray(payload.blocks) ? (payload.blocks as Record<string, unknown>[]) : [];
  const maxBlocks = surface === "home" ? 100 : 50;
  if (!blocks.length) problems.push("no blocks");
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  if (surface === "message") {
    if (typeof payload.text !== "string" || !payload.text.length) problems.push("text fallback missing");
    else {
      if (payload.text.length > 4000) problems.push(`text fallback ${payload.text.length} > 4000`);
      if (RAW_MARKUP.test(payload.text)) problems.push(`text fallback unescaped: ${payload.text}`);
    }
  }
  const text = (where: string, t: TextObject | undefined, max: number, plainOnly = false): void => {
    if (!t || typeof t.text !== "string") {
      problems.push(`${where}: no text`);
      return;
    }
    if (t.type !== "plain_text" && t.type !== "mrkdwn")
      problems.push(`${where}: text type ${String(t.type)}`);
    if (plainOnly && t.type !== "plain_text") problems.push(`${where}: must be plain_text`);
    if (!t.text.length) problems.push(`${where}: empty text`);
    if (t.text.length > max) problems.push(`${where}: ${t.text.length} > ${max}`);
    if (RAW_MARKUP.test(t.text)) problems.push(`${where}: unescaped ${JSON.stringify(t.text)}`);
  };
  const actionIds = new Set<string>();
  blocks.forEach((block, i) => {
    const at = `block ${i} (${String(block.type)})`;
    if (typeof block.block_id === "string" && block.block_id.length > 255)
      problems.push(`${at}: block_id > 255`);
    switch (block.type) {
      case "header":
        text(at, block.text as TextObject, 150, true);
        break;
      case "section": {
        const fields = block.fields as TextObject[] | undefined;
        if (!block.text && !fields?.length) problems.push(`${at}: neither text nor fields`);
        if (block.text) text(at, block.text as TextObject, 3000);
        if (fields) {
          if (fields.length > 10) problems.push(`${at}: ${fields.length} fields > 10`);
          fields.forEach((f, j) => {
            text(`${at} field ${j}`, f, 2000);
          });
        }
        break;
      }
      case "context": {
        const elements = (block.elements as TextObject[] | undefined) ?? [];
        if (!elements.length || elements.length > 10)
          problems.push(`${at}: ${elements.length} elements (1–10)`);
        elements.forEach((e, j) => {
          text(`${at} element ${j}`, e, 3000);
        });
        break;
      }
      case "actions": {
        const elements = (block.elements as Record<string, unknown>[] | undefined) ?? [];
        if (!elements.length || elements.length > 25)
          problems.push(`${at}: ${elements.length} elements (1–25)`);
        elements.forEach((e, j) => {
          const where = `${at} button ${j}`;
          if (e.type !== "button") problems.push(`${where}: not a button`);
          text(where, e.text as TextObject, 75, true);
          const id = e.action_id;
          if (typeof id !== "string" || !id.length || id.length > 255) problems.push(`${where}: action_id`);
          else if (actionIds.has(id)) problems.push(`${where}: duplicate action_id ${id}`);
          else actionIds.add(id);
          if (typeof e.value === "string") {
            if (e.value.length > 2000) problems.push(`${where}: value ${e.value.length} > 2000`);
            if (RAW_MARKUP.test(e.value)) problems.push(`${where}: value unescaped`);
          }
        });
        break;
      }
      case "divider":
        break;
      default:
        problems.push(`${at}: unexpected block type`);
    }
  });
  return problems;
}

/** Every string anywhere in a value, for "never appears" checks over a whole payload. */
export function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(allStrings);
  return [];
}
