// The README shows one chart from each platform's renderer: both must be what the renderers make today.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { slackPreview } from "../../src/adapters/slack/preview.js";
import { chartPng } from "../../src/charts/png.js";
import { createCore } from "../../src/core/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const core = createCore();

describe("README charts", () => {
  it("shows the PNG that `gapbot chart` draws for /gap compute, byte for byte", () => {
    const chart = core.answer({ text: "/gap compute" }).chart;
    if (!chart) throw new Error("/gap compute has no chart");
    expect(readme).toContain("](docs/charts/gap-compute.png)");
    // On a mismatch: npx gapbot chart --out docs/charts/gap-compute.png /gap compute
    expect(readFileSync(join(root, "docs", "charts", "gap-compute.png")).equals(chartPng(chart))).toBe(true);
  });

  it("shows the data_visualization block the Slack adapter sends for /gap compute", () => {
    const shown = /<!-- chart-slack:[^>]*-->\s*```json\n([\s\S]*?)```/.exec(readme)?.[1];
    const sent = slackPreview(core, "/gap compute").blocks.find(
      (b) => (b as { type?: string }).type === "data_visualization",
    );
    expect(sent).toBeDefined();
    expect(JSON.parse(shown ?? "null")).toEqual(sent);
  });
});
