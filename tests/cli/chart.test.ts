import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { chart } from "../../src/cli/chart.js";

const dir = mkdtempSync(join(tmpdir(), "gapbot-chart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The command reports on stdout and stderr; the tests read the files it writes.
vi.spyOn(process.stdout, "write").mockImplementation(() => true);
const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);

describe("gapbot chart", () => {
  it("given --out and a query with a chart, writes that chart as a PNG", async () => {
    const file = join(dir, "compute.png");
    expect(await chart(["--out", file, "/gap", "compute"])).toBe(0);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
  });

  it("given --svg, writes the SVG the PNG is drawn from", async () => {
    const file = join(dir, "share.svg");
    expect(await chart(["--svg", "--out", file, "/gap market share"])).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^<svg [^>]*>[\s\S]*Nvidia[\s\S]*<\/svg>$/);
  });

  it("given a query whose card has no chart, writes nothing and says why", async () => {
    const file = join(dir, "none.png");
    expect(await chart(["--out", file, "/help"])).toBe(1);
    expect(() => readFileSync(file)).toThrow();
    expect(String(stderr.mock.calls.at(-1)?.[0])).toContain("two or more cited figures in one unit");
  });

  it("given no query, prints the usage", async () => {
    expect(await chart([])).toBe(2);
    expect(String(stderr.mock.calls.at(-1)?.[0])).toContain("usage: gapbot chart");
  });
});
