// Batch mode with raw bytes (bad UTF-8, CESU surrogates, chunk boundaries mid-character): every non-blank
// stdin line gets exactly one output line. tests/cli/batch.test.ts covers the answers themselves.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { eachQuery, inputLines } from "../../src/cli/batch.js";
import { ensureBuilt, root } from "../start/ensure-built.js";

/** Hostile lines, as bytes: each is one line of a file, with its own oddity. */
const HOSTILE: Buffer[] = [
  Buffer.from("/chip H100"),
  Buffer.from("nul\u0000inside /gap compute"),
  Buffer.from([0x6c, 0x6f, 0x6e, 0x65, 0x20, 0xed, 0xa0, 0x80, 0x20, 0x73]), // a lone surrogate, CESU-8
  Buffer.from([0xff, 0xfe, 0x80, 0x41]), // not UTF-8 at all
  Buffer.from(`${"x".repeat(100_000)} ascend`),
  Buffer.from("carriage\rreturn inside"),
  Buffer.from("🇨🇳 vs 🇺🇸 🤖🔥 which has more compute?"),
  Buffer.from("\u202eRTL override\u202c مقارنة الحوسبة بين الصين وأمريكا"),
  Buffer.from("<!channel> @everyone <@U123> [click](http://evil) *bold*"),
  Buffer.from("\u200b\u200b\ufeff"), // invisible only: not blank to trim(), so it still gets its answer
  Buffer.from("   "), // blank: no output
  Buffer.from(""), // blank: no output
  Buffer.from("windows line\r"), // CRLF ending
];
const NON_BLANK = HOSTILE.length - 2;

function stdinOf(lines: Buffer[], chunk = 7): Readable {
  const all = Buffer.concat(lines.flatMap((l) => [l, Buffer.from("\n")]));
  // Small chunks, so multi-byte characters and line ends fall across chunk boundaries.
  const parts: Buffer[] = [];
  for (let i = 0; i < all.length; i += chunk) parts.push(all.subarray(i, i + chunk));
  return Readable.from(parts);
}

describe("batch mode", () => {
  it("splits lines on \\n only, dropping a CRLF's \\r and keeping a lone \\r inside its line", async () => {
    const lines: string[] = [];
    for await (const l of inputLines(Readable.from([Buffer.from("a\r\nb\rc\nlast")]))) lines.push(l);
    expect(lines).toEqual(["a", "b\rc", "last"]);
  });

  it("given hostile lines in small chunks, answers each non-blank line once, in order", async () => {
    const seen: string[] = [];
    const out: string[] = [];
    await eachQuery(
      [],
      stdinOf(HOSTILE),
      (q) => {
        seen.push(q);
        if (q.includes("RTL")) throw new Error("a bug in one answer");
        return JSON.stringify({ length: q.length });
      },
      (s) => out.push(s),
    );
    expect(out).toHaveLength(NON_BLANK);
    expect(seen[1]).toBe("nul\u0000inside /gap compute");
    expect(seen[4]?.length).toBe(100_007);
    expect(seen[6]).toBe("🇨🇳 vs 🇺🇸 🤖🔥 which has more compute?");
    // The failing line still gets its one line, saying what went wrong.
    expect(JSON.parse(out[7] ?? "")).toMatchObject({ kind: "error", error: "a bug in one answer" });
    expect(seen.at(-1)).toBe("windows line");
  });

  for (const platform of ["slack", "discord"]) {
    it(`the built \`gapbot render --platform ${platform} --json\` prints one payload per non-blank line of raw bytes`, () => {
      ensureBuilt();
      const input = Buffer.concat(HOSTILE.flatMap((l) => [l, Buffer.from("\n")]));
      const run = spawnSync(
        process.execPath,
        [join(root, "bin/gapbot.js"), "render", "--platform", platform, "--json"],
        { input, encoding: "utf8", timeout: 20_000, maxBuffer: 64 * 1024 * 1024 },
      );
      expect(run.status).toBe(0);
      const lines = run.stdout.split("\n");
      expect(lines.pop()).toBe("");
      expect(lines).toHaveLength(NON_BLANK);
      for (const line of lines) {
        const payload = JSON.parse(line) as { text?: string; allowed_mentions?: unknown };
        if (platform === "discord")
          expect(payload.allowed_mentions).toEqual({ parse: [], replied_user: false });
        else expect(payload.text).not.toMatch(/<!channel>|<@U123>/);
      }
    });
  }
});
