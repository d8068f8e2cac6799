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
      case "context_actions": {
        // https://docs.slack.dev/reference/block-kit/blocks/context-actions-block: at most 5 elements;
        // feedback buttons carry plain-text labels and a value of at most 2000 characters each.
        const elements = (block.elements as Record<string, unknown>[] | undefined) ?? [];
        if (!elements.length || elements.length > 5)
          problems.push(`${at}: ${elements.length} elements (1–5)`);
        elements.forEach((e, j) => {
          const where = `${at} element ${j}`;
          if (e.type !== "feedback_buttons" && e.type !== "icon_button")
            problems.push(`${where}: type ${String(e.type)}`);
          const id = e.action_id;
          if (typeof id !== "string" || !id.length || id.length > 255) problems.push(`${where}: action_id`);
          else if (actionIds.has(id)) problems.push(`${where}: duplicate action_id ${id}`);
          else actionIds.add(id);
          for (const side of ["positive_button", "negative_button"] as const) {
            const b = e[side] as
              | { text?: TextObject; value?: unknown; accessibility_label?: unknown }
              | undefined;
            if (e.type !== "feedback_buttons") continue;
            text(`${where} ${side}`, b?.text, 75, true);
            if (typeof b?.value !== "string" || !b.value.length || b.value.length > 2000)
              problems.push(`${where} ${side}: value`);
            if (typeof b?.accessibility_label === "string" && b.accessibility_label.length > 75)
              problems.push(`${where} ${side}: accessibility_label > 75`);
          }
        });
        break;
      }
      case "data_visualization":
        problems.push(...chartProblems(at, block));
        break;
      case "table":
        problems.push(...tableProblems(at, block));
        break;
      default:
        problems.push(`${at}: unexpected block type`);
    }
  });
  const charts = blocks.filter((b) => b.type === "data_visualization").length;
  if (charts > 2) problems.push(`${charts} data_visualization blocks > 2`);
  return problems;
}

// data_visualization: title ≤ 50; labels ≤ 20; a pie has 1–6 segments, a bar chart 1–6 series over its
// categories. https://docs.slack.dev/reference/block-kit/blocks/data-visualization-block
function chartProblems(at: string, block: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const label = (where: string, s: unknown, max = 20) => {
    if (typeof s !== "string" || !s.length || s.length > max)
      problems.push(`${where}: label ${JSON.stringify(s)}`);
    else if (RAW_MARKUP.test(s)) problems.push(`${where}: unescaped ${JSON.stringify(s)}`);
  };
  const value = (where: string, v: unknown) => {
    if (typeof v !== "number" || !Number.isFinite(v)) problems.push(`${where}: value ${String(v)}`);
  };
  label(`${at} title`, block.title, 50);
  const chart = block.chart as Record<string, unknown> | undefined;
  if (chart?.type === "pie") {
    const segments = (chart.segments as { label?: unknown; value?: unknown }[] | undefined) ?? [];
    if (!segments.length || segments.length > 6) problems.push(`${at}: ${segments.length} segments (1–6)`);
    segments.forEach((s, i) => {
      label(`${at} segment ${i}`, s.label);
      value(`${at} segment ${i}`, s.value);
    });
  } else if (chart?.type === "bar") {
    const series =
      (chart.series as { name?: unknown; data?: { label?: unknown; value?: unknown }[] }[]) ?? [];
    const categories = ((chart.axis_config as { categories?: unknown[] })?.categories ?? []) as unknown[];
    if (!series.length || series.length > 6) problems.push(`${at}: ${series.length} series (1–6)`);
    if (!categories.length || categories.length > 20) problems.push(`${at}: ${categories.length} categories`);
    if (new Set(series.map((s) => s.name)).size !== series.length)
      problems.push(`${at}: series names repeat`);
    if (new Set(categories).size !== categories.length) problems.push(`${at}: categories repeat`);
    categories.forEach((c, i) => {
      label(`${at} category ${i}`, c);
    });
    series.forEach((s, i) => {
      label(`${at} series ${i}`, s.name);
      const data = s.data ?? [];
      if (data.length !== categories.length || data.some((d, j) => d.label !== categories[j]))
        problems.push(`${at} series ${i}: labels do not match the categories`);
      data.forEach((d, j) => {
        value(`${at} series ${i} point ${j}`, d.value);
      });
    });
  } else problems.push(`${at}: chart type ${String(chart?.type)}`);
  return problems;
}

// table: 1–100 rows of at most 20 cells, each a non-empty raw_text here.
// https://docs.slack.dev/reference/block-kit/blocks/table-block
function tableProblems(at: string, block: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const rows = (block.rows as { type?: unknown; text?: unknown }[][] | undefined) ?? [];
  if (!rows.length || rows.length > 100) problems.push(`${at}: ${rows.length} rows (1–100)`);
  rows.forEach((row, i) => {
    if (!row.length || row.length > 20) problems.push(`${at} row ${i}: ${row.length} cells (1–20)`);
    row.forEach((c, j) => {
      if (c.type !== "raw_text" || typeof c.text !== "string" || !c.text.length)
        problems.push(`${at} row ${i} cell ${j}: not a non-empty raw_text`);
      else if (RAW_MARKUP.test(c.text)) problems.push(`${at} row ${i} cell ${j}: unescaped`);
    });
  });
  const settings = block.column_settings as unknown[] | undefined;
  if (settings && settings.length > 20) problems.push(`${at}: ${settings.length} column settings > 20`);
  return problems;
}

/** Every string anywhere in a value, for "never appears" checks over a whole payload. */
export function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(allStrings);
  return [];
}
