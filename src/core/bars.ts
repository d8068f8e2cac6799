// Text bars for comparison rows: every renderer (terminal, Slack, Discord) draws the same ones.
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A bar `width` cells long at `max`, with eighth-cell precision; at least a sliver for any value > 0. */
export function textBar(value: number | null, max: number, width = 12): string {
  if (value === null || !Number.isFinite(value) || !Number.isFinite(max) || !(value > 0) || !(max > 0))
    return "";
  const cells = Math.max(1 / 8, Math.min(1, value / max) * width);
  const full = Math.floor(cells);
  const rest = Math.round((cells - full) * 8);
  return "█".repeat(full) + (rest === 8 ? "█" : EIGHTHS[rest]);
}

/**
 * Both sides' bars, scaled to the larger; none at all unless both sides have a figure. A bar beside
 * "not in the material" would chart one side against nothing, which is no comparison.
 */
export function pairBars(left: number | null, right: number | null, width = 12): [string, string] {
  const ok = (v: number | null): v is number => v !== null && Number.isFinite(v);
  if (!ok(left) || !ok(right)) return ["", ""];
  const max = Math.max(left, right);
  return [textBar(left, max, width), textBar(right, max, width)];
}
