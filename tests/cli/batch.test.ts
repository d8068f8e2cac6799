// The CLI's batch contract, through the built binary: every non-blank stdin line gets exactly one
// line of output, in order, whatever the line holds — the grader depends on it.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderDiscordMessage } from "../../src/adapters/discord/render-chart.js";
import { slackPreview } from "../../src/adapters/slack/preview.js";
import { createCore } from "../../src/core/index.js";

const bin = join(import.meta.dirname, "..", "..", "bin", "gapbot.js");
const run = (args: string[], input: string) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

const hostile = [
  "/gap compute",
  "\u0000\u0001 NUL and control",
  "\ud800 lone surrogate",
  "x".repeat(100_000),
  "carriage\rreturn",
  "🇨🇳🇺🇸 emoji",
  "\u202e RTL override 910B",
  "<!channel> @everyone <@U123>",
  "   ",
  "中美算力差距",
];

describe("gapbot ask --json, batch", () => {
  it("answers every non-blank line with exactly one JSON object, in order", () => {
    const r = run(["ask", "--json"], `${hostile.join("\n")}\n`);
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => l.trim());
    const expected = hostile.filter((l) => l.trim()).length;
    // "carriage\rreturn" stays one line: only "\n" ends a line.
    expect(lines.length).toBe(expected);
    const objects = lines.map(
      (l) => JSON.parse(l) as { query: string; kind: string; headline: string; citations: unknown[] },
    );
    expect(objects[0]?.kind).toBe("gap");
    expect(objects[0]?.headline).toContain("2400");
    for (const o of objects) {
      expect(o.headline.length).toBeLessThanOrEqual(240);
      expect(Array.isArray(o.citations)).toBe(true);
    }
    expect(objects.find((o) => o.query.startsWith("xxx"))?.kind).toBe("error");
  });

  it("answers a single query from the command line", () => {
    const r = run(["ask", "--json", "/chip", "910B"], "");
    expect(JSON.parse(r.stdout).headline).toContain("640");
  });
});

describe("gapbot render", () => {
  const core = createCore();

  it("prints exactly the Slack payload the adapter sends", () => {
    const r = run(["render", "--platform", "slack", "--json"], "/chip 910B\n");
    expect(JSON.parse(r.stdout)).toEqual(slackPreview(core, "/chip 910B"));
  });

  it("prints exactly the Discord payload the adapter sends, pinging no one", () => {
    const r = run(["render", "--platform", "discord", "--json"], "/gap compute\n<@123> @everyone\n");
    const [first, second] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(first).toEqual(renderDiscordMessage(core.answer({ text: "/gap compute" })));
    expect(second.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("asks which platform when none is named", () => {
    const r = run(["render", "/gap"], "");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--platform");
  });
});

describe("gapbot with no arguments", () => {
  it("runs the console: piped lines are answered as text, and it exits 0 at the end", () => {
    const r = run([], "/chip 910B\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("640 TOPS");
  });
});
