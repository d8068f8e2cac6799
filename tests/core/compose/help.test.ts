import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { createCore } from "../../../src/core/index.js";
import type { Platform } from "../../../src/core/request.js";
import { readKnowledge } from "../../../src/knowledge/load.js";

const shipped = readKnowledge().knowledge;
const core = createCore({ knowledge: shipped });
const PLATFORMS: Platform[] = ["slack", "discord", "console"];
const help = (platform: Platform) => core.answer({ command: "help", platform });

/** "e.g. /gap compute · /gap capex" → the examples, as typed. */
const examples = (value: string) => (value.split(" e.g. ").at(-1) ?? "").split(" · ").filter(Boolean);

describe("help", () => {
  it("every example it gives, on every platform, answers (no miss, no error)", () => {
    for (const platform of PLATFORMS) {
      const all = help(platform).fields.flatMap((f) => examples(f.value));
      expect(all.length).toBeGreaterThanOrEqual(commands.length);
      for (const example of all) {
        const card = core.answer({ text: example, platform });
        expect(["not_found", "error"], `${platform}: ${example}`).not.toContain(card.kind);
        // Only help's own example may answer with help.
        if (card.kind === "help") expect(help(platform).fields.some((f) => f.label === example)).toBe(true);
      }
    }
  });

  it("names each command as the platform spells it: Slack's help is its own command, not /help", () => {
    const named = (p: Platform) => help(p).fields.map((f) => f.label.split(" ")[0]);
    const renamed = commands.filter((c) => c.slack_name);
    expect(renamed.length).toBeGreaterThan(0);
    for (const c of renamed) {
      expect(named("slack")).toContain(`/${c.slack_name}`);
      expect(named("slack")).not.toContain(`/${c.name}`);
      expect(named("discord")).toContain(`/${c.name}`);
      expect(help("slack").fields.flatMap((f) => examples(f.value))).not.toContain(`/${c.name}`);
    }
  });

  it("counts facts and sources in words that agree with the number", () => {
    for (const platform of PLATFORMS) {
      const footer = help(platform).footer ?? "";
      expect(footer).not.toMatch(/\(s\)/);
      const n = shipped.sources.length;
      expect(footer).toContain(`${n} source${n === 1 ? "" : "s"}`);
      expect(footer).toContain(`${shipped.facts.length} facts`);
    }
    const one = { ...shipped, sources: shipped.sources.slice(0, 1) };
    expect(createCore({ knowledge: one }).answer({ command: "help" }).footer).toMatch(/\b1 source\b(?!s)/);
  });

  it("tells chat users to mention or message the bot, and the terminal to type", () => {
    for (const platform of ["slack", "discord"] as const) expect(help(platform).footer).toMatch(/mention/i);
    expect(help("console").footer).not.toMatch(/mention|\bDM\b|direct message/i);
    expect(core.answer({ command: "help" }).footer).toBe(help("console").footer);
  });
});
