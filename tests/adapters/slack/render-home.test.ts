import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { renderSlackHome } from "../../../src/adapters/slack/render.js";
import type { Catalog } from "../../../src/core/index.js";
import { allStrings, blockKitProblems } from "../../helpers/slack-block-kit.js";

const catalog: Catalog = {
  topics: [
    { id: "compute", title: "Computing power" },
    { id: "capex", title: "Capital spending" },
  ],
  chips: [
    { id: "ascend-910b", name: "Ascend 910B" },
    { id: "a100", name: "A100" },
  ],
  models: [{ id: "mythos", name: "Mythos" }],
  companies: [],
};

describe("renderSlackHome", () => {
  it("given the catalog and commands, lists what the bot knows and each command with its Slack name and examples", () => {
    const view = renderSlackHome(catalog, commands);
    expect(view.type).toBe("home");
    expect(view.blocks.slice(3, 7)).toEqual([
      { type: "header", text: { type: "plain_text", text: "What I know", emoji: true } },
      {
        type: "section",
        text: { type: "mrkdwn", text: "*Topics*\nComputing power · Capital spending", verbatim: true },
      },
      { type: "section", text: { type: "mrkdwn", text: "*Chips*\nAscend 910B · A100", verbatim: true } },
      { type: "section", text: { type: "mrkdwn", text: "*Models*\nMythos", verbatim: true } },
    ]);
    const texts = allStrings(view.blocks);
    expect(texts).toContain(
      "*/chip* &lt;name&gt;  e.g. 910B, A100, GB300\n" +
        "Figures and facts about one AI chip, e.g. Ascend 910B, H100, GB300\n" +
        "`/chip 910B`  ·  `/chip GB300`",
    );
    // Help is /gapbot on Slack, in its title and in its example.
    expect(texts.some((t) => t.startsWith("*/gapbot*") && t.includes("`/gapbot`"))).toBe(true);
    expect(blockKitProblems(view, "home")).toEqual([]);
  });

  it("given an empty knowledge base, says so instead of showing empty lists", () => {
    const view = renderSlackHome({ topics: [], chips: [], models: [], companies: [] }, commands);
    expect(allStrings(view.blocks)).toContain("Nothing yet: the knowledge base is empty.");
    expect(blockKitProblems(view, "home")).toEqual([]);
  });

  it("given thousands of names, cuts each list by whole names and says how many more", () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, name: `Chip <${i}>` }));
    const view = renderSlackHome({ ...catalog, chips: many }, commands);
    expect(blockKitProblems(view, "home")).toEqual([]);
    const chips = allStrings(view.blocks).find((t) => t.startsWith("*Chips*")) ?? "";
    expect(chips).toMatch(/Chip &lt;\d+&gt; · …and \d+ more$/);
  });
});
