// A card's chart spec → a self-contained SVG (bars or a pie), the picture behind the Discord PNG and the docs.
// Pure and deterministic, so a snapshot pins it; text is set in DejaVu Sans, which png.ts ships to resvg.
import type { Chart, ChartItem } from "../core/card.js";
import { chartSummary, drawnAs, sourceLine } from "../core/chart.js";

/**
 * Width in pixels. Discord scales an embed image down to at most about 400–520 px wide, so text is set
 * large (20 px) to stay legible there, and the PNG is rendered at this size: twice the width it is shown at.
 */
export const CHART_WIDTH = 800;
export const FONT_FAMILY = "DejaVu Sans";

// An opaque, light card: the same picture reads on Discord's dark and light themes alike, where a
// transparent one would put dark text on a dark background. Colours hold WCAG AA contrast on it.
const THEME = {
  background: "#F3F4F6",
  border: "#D0D4DA",
  text: "#1F2328",
  muted: "#4B5563",
  track: "#E3E6EA",
  /** The first side's blue and the second side's red (sides.yaml's order) in every chart; then, for anything else, these in turn. */
  first: "#2563EB",
  second: "#C2410C",
  palette: ["#0F766E", "#7C3AED", "#B45309", "#475569"],
};

/** Each item's colour: its side's where it has one (the first or second side), the next of the palette otherwise. */
function colours(items: readonly ChartItem[]): string[] {
  let next = 0;
  return items.map((item) => {
    if (item.side === "first") return THEME.first;
    if (item.side === "second") return THEME.second;
    return THEME.palette[next++ % THEME.palette.length] ?? THEME.text;
  });
}

const PAD = 28;
const TITLE_SIZE = 28;
const TEXT_SIZE = 21;
const SMALL_SIZE = 17;
const ROW_HEIGHT = 54;
const BAR_HEIGHT = 34;
const LABEL_MAX_CHARS = 18;
const DISPLAY_MAX_CHARS = 24;
const TITLE_MAX_CHARS = 44;
const FOOT_LINE_CHARS = 84;
/** DejaVu Sans averages about 0.6 em a character; enough to lay columns out without measuring glyphs. */
const EM_PER_CHAR = 0.6;

export function chartSvg(chart: Chart): string {
  return chart.type === "pie" ? pieSvg(chart) : barSvg(chart);
}

function barSvg(chart: Chart): string {
  const labels = chart.items.map((i) => clip(i.label, LABEL_MAX_CHARS));
  const displays = chart.items.map(
    (i) => `${clip(i.display, DISPLAY_MAX_CHARS)}${i.approximate ? " *" : ""}`,
  );
  const labelWidth = Math.ceil(Math.max(...labels.map((l) => textWidth(l, TEXT_SIZE)), 40));
  const displayWidth = Math.ceil(Math.max(...displays.map((d) => textWidth(d, TEXT_SIZE)), 40));
  const barX = PAD + labelWidth + 14;
  const barMax = CHART_WIDTH - PAD - displayWidth - 12 - barX;
  // A range reaches to its upper end: the scale makes room for it.
  const max = Math.max(...chart.items.map((i) => i.max ?? i.value));
  const colour = colours(chart.items);
  const top = header(chart);
  const rows = chart.items.map((item, i) => {
    const y = top.height + i * ROW_HEIGHT;
    // Scaled to the largest value; any figure above zero keeps a visible sliver.
    const width = max > 0 && item.value > 0 ? Math.max(3, (item.value / max) * barMax) : 0;
    // A range: a paler stretch from its lower end to its upper one, so that "5%–6%" reads as both.
    const upTo = item.max !== undefined && max > 0 ? (item.max / max) * barMax : width;
    const mid = y + BAR_HEIGHT / 2;
    const fill = colour[i] ?? THEME.text;
    return [
      text(PAD + labelWidth, mid, labels[i] ?? "", { size: TEXT_SIZE, anchor: "end" }),
      `<rect x="${barX}" y="${y}" width="${fmt(barMax)}" height="${BAR_HEIGHT}" rx="4" fill="${THEME.track}"/>`,
      upTo > width
        ? `<rect x="${fmt(barX + width)}" y="${y}" width="${fmt(upTo - width)}" height="${BAR_HEIGHT}" fill="${fill}" fill-opacity="0.25"/>`
        : "",
      bar(barX, y, width, fill, item),
      text(barX + Math.max(width, upTo) + 10, mid, displays[i] ?? "", { size: TEXT_SIZE, weight: "bold" }),
    ].join("");
  });
  const below = top.height + chart.items.length * ROW_HEIGHT + 4;
  const foot = footer(chart, below);
  return frame(chart, below + foot.height, [...top.parts, ...rows, ...foot.parts]);
}

function pieSvg(chart: Chart): string {
  const top = header(chart);
  const r = 110;
  const cx = PAD + r;
  const cy = top.height + r;
  const total = chart.items.reduce((s, i) => s + Math.max(0, i.value), 0);
  let angle = -Math.PI / 2;
  const colour = colours(chart.items);
  const slices = chart.items.map((item, i) => {
    const fill = colour[i] ?? THEME.text;
    const share = total > 0 ? Math.max(0, item.value) / total : 0;
    if (share >= 1 - 1e-9) return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"/>`;
    if (share <= 0) return "";
    const start = angle;
    angle += share * 2 * Math.PI;
    const [x1, y1] = [cx + r * Math.cos(start), cy + r * Math.sin(start)];
    const [x2, y2] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
    const large = share > 0.5 ? 1 : 0;
    return `<path d="M${fmt(cx)} ${fmt(cy)} L${fmt(x1)} ${fmt(y1)} A${r} ${r} 0 ${large} 1 ${fmt(x2)} ${fmt(y2)} Z" fill="${fill}" stroke="${THEME.background}" stroke-width="2"/>`;
  });
  const legendX = cx + r + 40;
  const legend = chart.items.map((item, i) => {
    const y = top.height + 20 + i * 40;
    return [
      `<rect x="${legendX}" y="${y - 11}" width="22" height="22" rx="3" fill="${colour[i] ?? THEME.text}"/>`,
      text(legendX + 32, y, `${clip(item.label, LABEL_MAX_CHARS)}  `, { size: TEXT_SIZE }),
      text(legendX + 32 + textWidth(`${clip(item.label, LABEL_MAX_CHARS)}  `, TEXT_SIZE), y, item.display, {
        size: TEXT_SIZE,
        weight: "bold",
      }),
    ].join("");
  });
  const below = top.height + Math.max(2 * r, chart.items.length * 40) + 16;
  const foot = footer(chart, below);
  return frame(chart, below + foot.height, [...top.parts, ...slices, ...legend, ...foot.parts]);
}

/** The title and, under it, the unit every value is in. */
function header(chart: Chart): { parts: string[]; height: number } {
  return {
    parts: [
      text(PAD, PAD + 16, clip(chart.title, TITLE_MAX_CHARS), { size: TITLE_SIZE, weight: "bold" }),
      text(PAD, PAD + 52, `Unit: ${chart.unit}`, { size: SMALL_SIZE, fill: THEME.muted }),
    ],
    height: PAD + 84,
  };
}

/** The computed ratio as text (never a bar), what each inexact bar is drawn at, and who says so and when. */
function footer(chart: Chart, y: number): { parts: string[]; height: number } {
  const lines: { text: string; fill: string }[] = [];
  const say = (line: string, fill = THEME.text, max = 3) => {
    for (const part of wrap(line, FOOT_LINE_CHARS, max)) lines.push({ text: part, fill });
  };
  if (chart.ratio && chart.ratioOf) {
    say(
      `${chart.ratioOf[0]} to ${chart.ratioOf[1]}: ${chart.ratio.display}, computed from ${chart.ratio.inputs}`,
    );
  }
  const notes = chart.items.map(drawnAs).filter((n): n is string => !!n);
  if (notes.length) say(`* ${notes.join("; ")}`, THEME.text, 4);
  say(sourceLine(chart.source), THEME.muted);
  const parts = lines.map((line, i) =>
    text(PAD, y + 16 + i * 28, line.text, { size: SMALL_SIZE, fill: line.fill }),
  );
  return { parts, height: 16 + lines.length * 28 + PAD - 8 };
}

/** Splits at spaces into lines of at most `max` characters; at most `lines` lines, the last clipped. */
function wrap(line: string, max: number, lines = 3): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of line.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if ([...next].length <= max || !current) current = next;
    else {
      out.push(current);
      current = word;
    }
  }
  if (current) out.push(current);
  const shown = out.slice(0, lines).map((l) => clip(l, max));
  if (out.length > lines) shown[lines - 1] = clip(`${shown[lines - 1]} …`, max);
  return shown;
}

/** A bar; one that stands for a range or a bound is paler with a dashed edge, so it does not look exact. */
function bar(x: number, y: number, width: number, colour: string, item: ChartItem): string {
  if (width <= 0) return "";
  const shape = `x="${x}" y="${y}" width="${fmt(width)}" height="${BAR_HEIGHT}" rx="4"`;
  if (!item.approximate) return `<rect ${shape} fill="${colour}"/>`;
  return `<rect ${shape} fill="${colour}" fill-opacity="0.55" stroke="${colour}" stroke-width="2" stroke-dasharray="5 3"/>`;
}

function frame(chart: Chart, height: number, parts: string[]): string {
  const h = Math.ceil(height);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${h}" viewBox="0 0 ${CHART_WIDTH} ${h}" role="img">`,
    // What a screen reader or an SVG viewer names the picture by.
    `<title>${escapeXml(chartSummary(chart))}</title>`,
    `<rect x="0.5" y="0.5" width="${CHART_WIDTH - 1}" height="${h - 1}" rx="10" fill="${THEME.background}" stroke="${THEME.border}"/>`,
    ...parts,
    "</svg>",
  ].join("\n");
}

interface TextStyle {
  size: number;
  weight?: "bold";
  anchor?: "end";
  fill?: string;
}

function text(x: number, y: number, content: string, style: TextStyle): string {
  const attrs = [
    `x="${fmt(x)}"`,
    `y="${fmt(y)}"`,
    `font-family="${FONT_FAMILY}"`,
    `font-size="${style.size}"`,
    style.weight ? `font-weight="${style.weight}"` : "",
    style.anchor ? `text-anchor="${style.anchor}"` : "",
    `dominant-baseline="central"`,
    `fill="${style.fill ?? THEME.text}"`,
  ].filter(Boolean);
  return `<text ${attrs.join(" ")}>${escapeXml(content)}</text>`;
}

function textWidth(s: string, size: number): number {
  return [...s].length * size * EM_PER_CHAR;
}

/** At most `max` characters (code points, so no emoji is split), ending with "…" when cut. */
function clip(s: string, max: number): string {
  const chars = [...s.trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Escapes markup and drops the control characters XML 1.0 forbids, which would make resvg reject the SVG. */
function escapeXml(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const clean = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
  return clean.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
