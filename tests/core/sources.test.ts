// Several sources at once, over a fixture of two sources that disagree on one figure: citations describe their
// source, the two figures are both shown with source and date (newest first), and /source takes ID:PARAGRAPH.
import { describe, expect, it } from "vitest";
import { renderDiscordMessage } from "../../src/adapters/discord/render-chart.js";
import { renderSlackSources } from "../../src/adapters/slack/render-sources.js";
import { createCore } from "../../src/core/index.js";
import { renderText } from "../../src/core/render-text.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../fixtures/two-sources", import.meta.url).pathname);
const core = createCore({ knowledge });
const QUESTION = "How many TOPS does the Ascend 910B deliver?";

describe("citations of several sources", () => {
  it("carry each source's id, title, publisher, authors, date and link", () => {
    const card = core.answer({ text: "/source later:2" });
    expect(card.citations[0]).toMatchObject({
      source: "later",
      sourceTitle: "A later two-line note",
      publisher: "Later Notes",
      authors: ["A. Writer"],
      published: "2025-09-08",
      url: "https://example.com/later",
      paragraph: 2,
    });
  });

  it("are named with publisher and date in the text, Slack and Discord renderings", () => {
    const card = core.answer({ text: QUESTION });
    expect(renderText(card)).toContain(
      "[later] “A later two-line note”, Later Notes (A. Writer), 2025-09-08, https://example.com/later",
    );
    expect(JSON.stringify(renderSlackSources(card))).toContain("Later Notes, 2025-09-08");
    expect(JSON.stringify(renderDiscordMessage(card))).toContain("Later Notes, 2025-09-08");
  });
});

describe("figures that differ between sources", () => {
  it("are both shown, each with its source and date, the newest first, and both cited", () => {
    const card = core.answer({ text: QUESTION });
    const differ = card.fields.find((f) => f.label === "Sources differ");
    expect(differ?.value).toBe("600 TOPS (Later Notes, 2025-09-08) · 640 TOPS (Excerpt Weekly, 2025-01-15)");
    expect(card.citations.map((c) => c.source)).toEqual(expect.arrayContaining(["mini", "later"]));
  });

  it("are not mixed into one source's answer when only that source is served", () => {
    const card = createCore({ knowledge, sources: ["mini"] }).answer({ text: QUESTION });
    expect(card.fields.some((f) => f.label === "Sources differ")).toBe(false);
    expect(card.headline).toContain("640");
  });

  it("a figure only one source gives is answered alone", () => {
    const card = core.answer({ text: "How many Ascend 910B did Huawei ship this year?" });
    expect(card.headline).toContain("805k");
    expect(card.fields.some((f) => f.label === "Sources differ")).toBe(false);
  });
});

describe("/source", () => {
  it("takes ID:PARAGRAPH, and a bare number means the first source", () => {
    expect(core.answer({ text: "/source later:2" }).citations[0]?.source).toBe("later");
    const bare = core.answer({ text: "/source 2" }).citations[0];
    expect(bare).toMatchObject({ source: "mini", paragraph: 2 });
  });

  it("lists /chip facts of both sources, the first source's first", () => {
    const card = core.answer({ text: "/chip 910B" });
    expect(card.citations[0]?.source).toBe("mini");
    expect(card.citations.some((c) => c.source === "later")).toBe(true);
  });
});
