import { describe, expect, it } from "vitest";
import { commandRequest, messageRequest, stripBotMention } from "../../../src/adapters/discord/normalise.js";

describe("commandRequest", () => {
  it("maps /compare first second to the core's compare request", () => {
    expect(
      commandRequest("compare", [
        { name: "first", value: "Mythos" },
        { name: "second", value: "DeepSeek V4 Pro" },
      ]),
    ).toEqual({ command: "compare", args: { first: "Mythos", second: "DeepSeek V4 Pro" } });
  });

  it("keeps the private option out of the core's request", () => {
    expect(
      commandRequest("chip", [
        { name: "name", value: "910B" },
        { name: "private", value: true },
      ]),
    ).toEqual({ command: "chip", args: { name: "910B" } });
  });
});

describe("stripBotMention", () => {
  it("removes the bot's mention in both forms, wherever it stands", () => {
    expect(stripBotMention("<@42> how many GPUs? <@!42>", "42")).toBe("how many GPUs?");
  });

  it("leaves other people's mentions in the question", () => {
    expect(stripBotMention("<@42> what did <@7> say?", "42")).toBe("what did <@7> say?");
  });
});

describe("messageRequest", () => {
  it("asks the question that follows the mention", () => {
    expect(messageRequest("<@42>   /chip 910B", "42")).toEqual({ text: "/chip 910B" });
  });

  it("answers a bare mention with help", () => {
    expect(messageRequest("<@42>", "42")).toEqual({ command: "help", args: {} });
  });
});
