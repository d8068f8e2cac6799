import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createFormattedLogger, createLogger, logFormatFor } from "../src/log.js";

function capture() {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  return { stream, text: () => text };
}

const SECRETS = {
  token: "discord-secret-value-1",
  botToken: "xoxb-secret-value-2",
  appToken: "xapp-secret-value-3",
  signingSecret: "signing-secret-value-4",
  authorization: "Bearer secret-value-5",
};

describe("createLogger", () => {
  it("given secrets at the top, one level down or two, writes [redacted] instead of their values", () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream });
    logger.info({ token: SECRETS.token, botToken: SECRETS.botToken }, "top");
    logger.info({ slack: { appToken: SECRETS.appToken, signingSecret: SECRETS.signingSecret } }, "nested");
    logger.info(
      { settings: { slack: { botToken: SECRETS.botToken }, discord: { token: SECRETS.token } } },
      "deep",
    );
    logger.info({ headers: { authorization: SECRETS.authorization } }, "headers");
    logger.error({ request: { headers: { authorization: SECRETS.authorization } } }, "request");
    const lines = out
      .text()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    for (const value of Object.values(SECRETS)) expect(out.text()).not.toContain(value);
    expect(lines[2].settings.slack.botToken).toBe("[redacted]");
    expect(lines[4].request.headers.authorization).toBe("[redacted]");
  });
});

describe("logFormatFor", () => {
  it.each([
    [{ isTTY: true }, "pretty"],
    [{ isTTY: true, nodeEnv: "development" }, "pretty"],
    [{ isTTY: true, nodeEnv: "production" }, "json"],
    [{ isTTY: false }, "json"],
    [{ isTTY: false, nodeEnv: "development" }, "json"],
  ])("given %o, logs %s", (options, format) => {
    expect(logFormatFor(options)).toBe(format);
  });
});

describe("createFormattedLogger", () => {
  it("given json, writes one JSON object per line with level, time and message", async () => {
    const out = capture();
    const { logger, format } = await createFormattedLogger({
      level: "info",
      format: "json",
      destination: out.stream,
    });
    logger.info({ platform: "console" }, "answered");
    logger.debug("below the level");
    expect(format).toBe("json");
    const line = JSON.parse(out.text());
    expect(line).toMatchObject({ level: 30, platform: "console", msg: "answered" });
    expect(typeof line.time).toBe("number");
  });

  it("given pretty, writes readable lines that still hide secrets", async () => {
    const out = capture();
    const { logger, format } = await createFormattedLogger({
      level: "info",
      format: "pretty",
      destination: out.stream,
    });
    logger.info({ platform: "slack", botToken: SECRETS.botToken }, "gapbot started");
    expect(format).toBe("pretty");
    expect(out.text()).toMatch(/INFO.*gapbot started/);
    expect(out.text()).toContain('platform: "slack"');
    expect(out.text()).not.toContain(SECRETS.botToken);
    expect(() => JSON.parse(out.text())).toThrow();
  });

  it("given pretty but no pino-pretty installed (production dependencies only), falls back to JSON", async () => {
    const out = capture();
    const { logger, format } = await createFormattedLogger({
      level: "info",
      format: "pretty",
      destination: out.stream,
      importPretty: () => Promise.reject(new Error("Cannot find package 'pino-pretty'")),
    });
    logger.info("still logging");
    expect(format).toBe("json");
    expect(JSON.parse(out.text())).toMatchObject({ msg: "still logging" });
  });
});
