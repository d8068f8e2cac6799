import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { createCore } from "../../src/core/index.js";
import { createLogger } from "../../src/log.js";
import { answerTurn } from "../../src/runtime/turn.js";

// A composer with a bug: the /gap composer throws whenever it runs.
vi.mock("../../src/core/compose/gap.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/core/compose/gap.js")>();
  return {
    ...real,
    gapCard: () => {
      throw new Error("composer bug: index out of range");
    },
  };
});

function capturedLogger() {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const logger = createLogger({ level: "info", destination: stream });
  const lines = () =>
    text
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines };
}

describe("answerTurn", () => {
  const core = createCore();

  it("given a composer that throws, returns the apology card and logs the fault once at error level with its stack and command", () => {
    const { logger, lines } = capturedLogger();
    const secretText = "private words the user typed";
    const card = answerTurn(
      { core, logger },
      { platform: "slack", command: "gap" },
      { text: `/gap ${secretText}` },
    );
    expect(card.kind).toBe("error");
    expect(card.headline).toMatch(/sorry/i);

    const errors = lines().filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    const [line] = errors;
    expect(line?.msg).toBe("answer failed");
    expect(line?.command).toBe("gap");
    expect(line?.platform).toBe("slack");
    const err = line?.err as { message?: string; stack?: string };
    expect(err.message).toBe("composer bug: index out of range");
    expect(err.stack).toContain("composer bug: index out of range");
    // The user's words never reach an error or info line.
    expect(JSON.stringify(lines())).not.toContain(secretText);
    // The turn's own line still follows, with the card's kind.
    expect(lines().find((l) => l.msg === "answered")?.kind).toBe("error");
  });

  it("given a composer that works, logs no error", () => {
    const { logger, lines } = capturedLogger();
    const card = answerTurn(
      { core, logger },
      { platform: "discord", command: "chip" },
      { text: "/chip 910B" },
    );
    expect(card.kind).not.toBe("error");
    expect(lines().filter((l) => l.level === 50)).toHaveLength(0);
  });
});
