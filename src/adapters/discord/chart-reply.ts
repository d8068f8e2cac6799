// A card's Discord reply with its chart drawn: the message JSON plus the PNG uploaded with it.
// Draws with resvg (a native addon, not a platform SDK), so only the running adapter loads this file.
import { chartPng } from "../../charts/png.js";
import type { Card, Chart } from "../../core/card.js";
import { type DiscordRenderOptions, renderDiscord } from "./render.js";
import { CHART_FILENAME, renderDiscordMessage } from "./render-chart.js";
import type { AttachedFile, DiscordReply } from "./reply.js";

/** The card rendered, with its chart as the embed image when it has one; without it if drawing fails. */
export function renderDiscordReply(
  card: Card,
  options: DiscordRenderOptions = {},
  onDrawFailure: (err: unknown) => void = () => {},
): DiscordReply {
  if (!card.chart) return { message: renderDiscord(card, options), files: [] };
  let png: Buffer;
  try {
    png = cachedPng(card.chart);
  } catch (err) {
    // An answer without its picture beats no answer: the embed's fields carry the same figures.
    onDrawFailure(err);
    return { message: renderDiscord(card, options), files: [] };
  }
  const file: AttachedFile = { name: CHART_FILENAME, data: png, contentType: "image/png" };
  return { message: renderDiscordMessage(card, options), files: [file] };
}

/**
 * Knowledge is fixed while the bot runs, so the same few charts come back again and again: each is drawn
 * once (about 20 ms of CPU on the event loop) and then served from memory. Bounded, oldest out first.
 */
const PNG_CACHE_MAX = 64;
const pngCache = new Map<string, Buffer>();

function cachedPng(chart: Chart): Buffer {
  const key = JSON.stringify(chart);
  const hit = pngCache.get(key);
  if (hit) return hit;
  const png = chartPng(chart);
  if (pngCache.size >= PNG_CACHE_MAX) pngCache.delete(pngCache.keys().next().value as string);
  pngCache.set(key, png);
  return png;
}
