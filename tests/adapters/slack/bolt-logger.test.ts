import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { boltLogger, redactSecrets } from "../../../src/adapters/slack/bolt-logger.js";
import { createLogger } from "../../../src/log.js";

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

describe("boltLogger", () => {
  it("given a token in a Bolt message or error, logs it redacted", () => {
    const { logger, lines } = capture("info");
    const log = boltLogger(logger);
    log.warn("auth failed for xoxb-123-456-abc and xapp-1-A1-2-def");
    log.error(new Error("Authorization: Bearer xoxb-999-secret"));
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/xoxb-|xapp-|Bearer xox/);
    expect(lines[0]).toMatchObject({
      level: 40,
      component: "slack",
      msg: "auth failed for [redacted] and [redacted]",
    });
    expect(lines[1]).toMatchObject({
      level: 50,
      err: { type: "Error", message: "Authorization: [redacted]" },
    });
  });

  it("given Bolt's debug chatter, sends it to trace so that our debug stays readable", () => {
    const atDebug = capture("debug");
    boltLogger(atDebug.logger).debug("http request body: {...}");
    expect(atDebug.lines).toEqual([]);
    const atTrace = capture("trace");
    boltLogger(atTrace.logger).debug("http request body: {...}");
    expect(atTrace.lines[0]).toMatchObject({ level: 10, msg: "http request body: {...}" });
  });

  it("reports pino's level to Bolt, and ignores Bolt's attempts to change it", () => {
    const { logger } = capture("warn");
    const log = boltLogger(logger);
    expect(log.getLevel()).toBe("warn");
    log.setLevel("debug" as never);
    expect(logger.level).toBe("warn");
    expect(boltLogger(capture("trace").logger).getLevel()).toBe("debug");
  });

  it("redactSecrets leaves ordinary text alone", () => {
    expect(redactSecrets("the xoxo club, expected 2,400 EFLOPS")).toBe(
      "the xoxo club, expected 2,400 EFLOPS",
    );
  });
});
