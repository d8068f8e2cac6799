// The console adapter in-process, with streams for stdin and stdout, over the real core and a small knowledge.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { CONSOLE_HELP, PROMPT, runConsole } from "../../../src/adapters/console/index.js";
import { createCore } from "../../../src/core/index.js";
import { renderText } from "../../../src/core/render-text.js";
import { readKnowledge } from "../../../src/knowledge/load.js";
import { createLogger, silentLogger } from "../../../src/log.js";

const { knowledge } = readKnowledge(new URL("../../fixtures/mini-knowledge", import.meta.url).pathname);
const core = createCore({ knowledge });
const text = (question: string) => renderText(core.answer({ text: question }));

function sink() {
  const stream = new PassThrough();
  let written = "";
  stream.on("data", (chunk: Buffer) => {
    written += chunk.toString("utf8");
  });
  return { stream, written: () => written };
}

async function piped(input: string, logger = silentLogger()): Promise<string> {
  const out = sink();
  const stdin = new PassThrough();
  stdin.end(input);
  await runConsole({ core, input: stdin, output: out.stream, interactive: false, logger });
  return out.written();
}

describe("runConsole, piped", () => {
  it("answers each line with the plain-text card, a blank line between answers, and returns at end of input", async () => {
    const output = await piped("/gap compute\n/chip 910B\n");
    expect(output).toBe(`${text("/gap compute")}\n\n${text("/chip 910B")}\n`);
    expect(output).toContain("2400");
    expect(output).toContain("1053");
    expect(output).toContain("640");
  });

  it("given blank lines, spaces, CRLF endings and no final newline, answers only the questions", async () => {
    const output = await piped("\n   \r\n/gap compute\r\n\n/chip 910B");
    expect(output).toBe(`${text("/gap compute")}\n\n${text("/chip 910B")}\n`);
  });

  it("given /quit, stops there and ignores the lines after it", async () => {
    expect(await piped("/gap compute\n/quit\n/chip 910B\n")).toBe(`${text("/gap compute")}\n`);
  });

  it("given empty input, writes nothing and returns", async () => {
    expect(await piped("")).toBe("");
  });

  it("given a question the material cannot answer, prints the not-in-the-material card", async () => {
    const output = await piped("who won the 1998 world cup?\n");
    expect(core.answer({ text: "who won the 1998 world cup?" }).kind).toBe("not_found");
    expect(output).toBe(`${text("who won the 1998 world cup?")}\n`);
  });

  it("logs one info line per answer with platform, command, kind, latency and found, never the user's text", async () => {
    const logs = sink();
    await piped(
      "/gap compute\nhow many GPUs will Meta deploy?\n",
      createLogger({ destination: logs.stream }),
    );
    const lines = logs
      .written()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      msg: "answered",
      platform: "console",
      command: "gap",
      kind: "gap",
      found: true,
    });
    expect(lines[1]).toMatchObject({ msg: "answered", platform: "console", command: "text", found: true });
    for (const line of lines) expect(typeof line.latencyMs).toBe("number");
    expect(logs.written()).not.toContain("Meta deploy");
  });

  it("given an abort while the input is still open, returns without waiting for more input", async () => {
    const stdin = new PassThrough();
    const out = sink();
    const abort = new AbortController();
    const done = runConsole({
      core,
      input: stdin,
      output: out.stream,
      interactive: false,
      logger: silentLogger(),
      signal: abort.signal,
    });
    stdin.write("/gap compute\n");
    await new Promise((r) => setTimeout(r, 50));
    abort.abort();
    await done;
    expect(out.written()).toBe(`${text("/gap compute")}\n`);
  });

  it("given a slow reader, waits for it to drain instead of buffering the whole batch, and loses no answer", async () => {
    const stdin = new PassThrough();
    const output = new PassThrough({ highWaterMark: 16 });
    const questions = Array.from({ length: 40 }, () => "/gap compute");
    stdin.end(`${questions.join("\n")}\n`);
    const done = runConsole({ core, input: stdin, output, interactive: false, logger: silentLogger() });
    let written = "";
    let mostBuffered = 0;
    // Read slowly, a chunk at a time, so the console must honour back-pressure.
    for await (const chunk of output) {
      written += (chunk as Buffer).toString("utf8");
      mostBuffered = Math.max(mostBuffered, output.writableLength);
      await new Promise((r) => setImmediate(r));
      if (written.length >= questions.length * (text("/gap compute").length + 1)) break;
    }
    await done;
    expect(written).toBe(`${questions.map(() => text("/gap compute")).join("\n\n")}\n`);
    // Without back-pressure, all 40 answers would sit in the buffer at once.
    expect(mostBuffered).toBeLessThan(3 * text("/gap compute").length);
  });
});

describe("runConsole, interactive", () => {
  async function session(keys: string[]): Promise<string> {
    const stdin = new PassThrough();
    const out = sink();
    const done = runConsole({
      core,
      input: stdin,
      output: out.stream,
      interactive: true,
      logger: silentLogger(),
    });
    for (const k of keys) {
      stdin.write(k);
      await new Promise((r) => setTimeout(r, 10));
    }
    await done;
    return out.written();
  }

  it("shows a prompt, answers a question, prints the help on /help and leaves on /quit", async () => {
    const output = await session(["/help\n", "/gap compute\n", "/quit\n"]);
    expect(output).toContain(PROMPT);
    expect(output).toContain(CONSOLE_HELP);
    expect(output).toContain(text("/gap compute"));
  });

  it("given Ctrl-D on an empty line, leaves", async () => {
    const output = await session(["/chip 910B\n", "\x04"]);
    expect(output).toContain(text("/chip 910B"));
  });

  it("given the up arrow, recalls the last question from the history", async () => {
    const output = await session(["/chip 910B\n", "\x1b[A\n", "/quit\n"]);
    expect(output.split(text("/chip 910B")).length - 1).toBe(2);
  });

  it("lists every command in /help, each with what it does", () => {
    for (const name of ["gap", "chip", "model", "compare", "ask", "source", "help"]) {
      expect(CONSOLE_HELP).toMatch(new RegExp(`^  /${name}\\b.* — \\S`, "m"));
    }
  });
});
