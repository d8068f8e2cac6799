// Text bars for comparison rows: Slack has no charts, but a monospaced block of █ reads at a glance.

/** Cells in the longer bar; each cell is drawn in eighths, so the scale has 80 steps. */
export const BAR_CELLS = 10;

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/**
 * A bar for `value` scaled so that `max` fills every cell. Empty for a missing, zero or negative
 * value (a bar cannot show those honestly); a positive value too small to see still gets one eighth.
 */
export function bar(value: number | null, max: number, cells = BAR_CELLS): string {
  if (value === null || !Number.isFinite(value) || !Number.isFinite(max) || value <= 0 || max <= 0) return "";
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * cells * 8));
  return "█".repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? "");
}

/** The larger of two values, for scaling both bars of a row; 0 when neither can be drawn. */
export function barScale(a: number | null, b: number | null): number {
  const values = [a, b].filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  return values.length ? Math.max(...values) : 0;
}
