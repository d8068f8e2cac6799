// Chart spec → PNG with resvg: the picture the Discord embed shows and `gapbot chart` writes.
// No system fonts and no network: DejaVu Sans comes from the dejavu-fonts-ttf package, loaded by path.
// https://github.com/yisibl/resvg-js#usage

import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { Chart } from "../core/card.js";
import { CHART_WIDTH, chartSvg, FONT_FAMILY } from "./svg.js";

/** The budget for one chart. */
export const PNG_BYTES_MAX = 200 * 1024;

const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
export const FONT_FILES = [join(fontDir, "DejaVuSans.ttf"), join(fontDir, "DejaVuSans-Bold.ttf")];

export function chartPng(chart: Chart): Buffer {
  return svgToPng(chartSvg(chart));
}

export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: CHART_WIDTH },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}
