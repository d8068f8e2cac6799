// gapbot chart [--out FILE] [--svg] QUERY: writes the chart a query's card carries, as Discord gets it
// (PNG) or as drawn (SVG), for previews, the README and the docs. No chart, no file: it says why.

import { writeFileSync } from "node:fs";
import process from "node:process";
import { chartSvg } from "../charts/svg.js";
import { parseArgs } from "./args.js";
import { reportFault } from "./ask.js";
import { coreOf, KNOWLEDGE_FLAGS } from "./knowledge-flags.js";

export const USAGE =
  "usage: gapbot chart [--out FILE] [--svg] [--knowledge DIR] [--source ID]… QUERY   e.g. gapbot chart --out compute.png /gap compute";

export async function chart(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, ["out", ...KNOWLEDGE_FLAGS]);
  const { flags, rest } = parsed;
  const query = rest.join(" ").trim();
  if (!query || flags.has("help")) {
    process.stderr.write(`${USAGE}\n`);
    return query ? 0 : 2;
  }
  const svg = flags.has("svg");
  const out = flags.get("out");
  const file = typeof out === "string" && out ? out : svg ? "chart.svg" : "chart.png";
  const card = coreOf(parsed).answer({ text: query }, reportFault);
  if (!card.chart) {
    process.stderr.write(
      `gapbot chart: no chart for ${JSON.stringify(query)}: it needs two or more cited figures in one unit (${card.title}: ${card.headline})\n`,
    );
    return 1;
  }
  // resvg is a native addon: loaded only when a PNG is asked for.
  const data = svg ? chartSvg(card.chart) : (await import("../charts/png.js")).chartPng(card.chart);
  writeFileSync(file, data);
  process.stdout.write(`${file}: ${card.chart.title} (${card.chart.items.map((i) => i.label).join(", ")})\n`);
  return 0;
}
