// A card's Discord reply with its chart drawn: the message JSON plus the PNG uploaded with it.
// Draws with resvg (a native addon, not a platform SDK), so only the running adapter loads this file.
import { createHash } from "node:crypto";
import { chartPng } from "../../charts/png.js";
import type { Card, Chart } from "../../core/card.js";
import type { KeyValueStore } from "../../state/kv.js";
import { type DiscordRenderOptions, renderDiscord } from "./render.js";
import { CHART_FILENAME, renderDiscordMessage } from "./render-chart.js";
import type { AttachedFile, DiscordReply } from "./reply.js";

/** The card rendered, with its chart as the embed image when it has one; without it if drawing fails. */
export async function renderDiscordReply(
  cache: KeyValueStore,
  card: Card,
  options: DiscordRenderOptions = {},
  onDrawFailure: (err: unknown) => void = () => {},
): Promise<DiscordReply> {
  if (!card.chart) return { message: renderDiscord(card, options), files: [] };
  let png: Buffer;
  try {
    png = await cachedPng(cache, card.chart);
  } catch (err) {
    // An answer without its picture beats no answer: the embed's fields carry the same figures.
    onDrawFailure(err);
    return { message: renderDiscord(card, options), files: [] };
  }
  const file: AttachedFile = { name: CHART_FILENAME, data: png, contentType: "image/png" };
  return { message: renderDiscordMessage(card, options), files: [file] };
}

/**
 * The same few charts come back again and again: each is drawn once (about 20 ms of CPU on the event loop)
 * and then served from the key-value store, keyed by the chart itself, so every instance on one Redis shares
 * the drawing. The TTL lets a chart drawn before a knowledge reload or a renderer change age out.
 */
export const CHART_CACHE_TTL_MS = 60 * 60_000;

export function chartCacheKey(chart: Chart): string {
  return `chart:png:${createHash("sha256").update(JSON.stringify(chart)).digest("base64url")}`;
}

async function cachedPng(cache: KeyValueStore, chart: Chart): Promise<Buffer> {
  const key = chartCacheKey(chart);
  const hit = await cache.get(key);
  if (hit) return Buffer.from(hit, "base64");
  const png = chartPng(chart);
  await cache.set(key, png.toString("base64"), CHART_CACHE_TTL_MS);
  return png;
}
