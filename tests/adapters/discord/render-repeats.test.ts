import { describe, expect, it } from "vitest";
import { renderDiscordMessage } from "../../../src/adapters/discord/render-chart.js";
import { createCore } from "../../../src/core/index.js";
import { readKnowledge } from "../../../src/knowledge/load.js";

const shipped = readKnowledge().knowledge;
const core = createCore({ knowledge: shipped });

describe("a Discord card with a chart", () => {
  it("states each charted figure in the headline or the picture, never again in a field", () => {
    const queries = [
      ...shipped.topics.map((t) => `/gap ${t.id.replace(/-/g, " ")}`),
      "/compare US vs China",
      '/compare Mythos "DeepSeek V4 Pro"',
      "/compare H100 vs Ascend 910B",
    ];
    let charted = 0;
    for (const q of queries) {
      const card = core.answer({ text: q, platform: "discord" });
      if (!card.chart) continue;
      charted += 1;
      const message = renderDiscordMessage(card);
      const names = (message.embeds[0]?.fields ?? []).map((f) => f.name.replace(/\\/g, ""));
      const ids = new Set(card.chart.items.map((i) => i.factId));
      // Neither a field quoting a charted figure nor the comparison row the chart draws.
      for (const f of card.fields.filter((f) => ids.has(f.factId ?? "")))
        expect(names, `${q}: ${f.label}`).not.toContain(f.label);
      for (const row of card.comparison?.rows ?? []) {
        if (!ids.has(row.left.factId ?? "") || !ids.has(row.right.factId ?? "")) continue;
        expect(names, q).not.toContain(`${row.label}: ${card.comparison?.left.name}`);
      }
      // The headline states the pair once.
      const [a] = card.chart.items;
      const description = message.embeds[0]?.description ?? "";
      if (a) expect(description.split(a.display).length - 1, q).toBeLessThanOrEqual(1);
    }
    expect(charted).toBeGreaterThan(1);
  });
});
