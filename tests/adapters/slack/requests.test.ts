import { describe, expect, it } from "vitest";
import { commands, findCommand } from "../../../commands/index.js";
import {
  buttonValue,
  canonicalQuery,
  commandQuery,
  commandRequest,
  messageQuery,
  queryFromButton,
  requestFromQuery,
  slackCommandName,
} from "../../../src/adapters/slack/requests.js";

const command = (name: string) => {
  const c = findCommand(name);
  if (!c) throw new Error(`no command ${name}`);
  return c;
};

describe("slash commands", () => {
  it("given /chip with text, puts the text in the command's first option", () => {
    expect(commandRequest(command("chip"), " 910B ")).toEqual({ command: "chip", args: { name: "910B" } });
  });

  it("given /gap with no text, sends the command without its optional topic", () => {
    expect(commandRequest(command("gap"), "")).toEqual({ command: "gap", args: {} });
  });

  it("given /compare, hands the whole line to the core's parser, which splits 'a vs b'", () => {
    expect(commandRequest(command("compare"), "Mythos vs DeepSeek V4 Pro")).toEqual({
      text: "/compare Mythos vs DeepSeek V4 Pro",
    });
  });

  it("given Slack's /gapbot, maps it to help", () => {
    expect(findCommand("/gapbot")?.name).toBe("help");
    expect(commandRequest(command("gapbot"), "")).toEqual({ command: "help", args: {} });
    expect(slackCommandName(command("help"))).toBe("/gapbot");
  });

  it("given text Slack escaped, decodes it before the core sees it", () => {
    expect(commandRequest(command("ask"), "R&amp;D &lt;2025")).toEqual({
      command: "ask",
      args: { question: "R&D <2025" },
    });
  });

  it("given any command, its query line recomputes the very same request (what buttons rely on)", () => {
    for (const c of commands) {
      for (const text of ["", "910B", "Ascend 910B vs A100", "a &amp; b"]) {
        expect(requestFromQuery(commandQuery(c, text))).toEqual(commandRequest(c, text));
      }
    }
  });
});

describe("canonicalQuery", () => {
  it("given Slack's /gapbot or stray spaces, gives the one line buttons carry; free text stays as typed", () => {
    expect(canonicalQuery("/gapbot")).toBe("/help");
    expect(canonicalQuery("  /chip   910B ")).toBe("/chip 910B");
    expect(canonicalQuery("/CHIP 910B")).toBe("/chip 910B");
    expect(canonicalQuery(" How big is the gap? ")).toBe("How big is the gap?");
    expect(canonicalQuery("/nosuch x")).toBe("/nosuch x");
  });
});

describe("mentions and DMs", () => {
  it("given a mention, strips our own <@BOT> and keeps the question", () => {
    expect(messageQuery("<@UBOT> how many GPUs will Meta deploy?", "UBOT")).toBe(
      "how many GPUs will Meta deploy?",
    );
    expect(messageQuery("hey <@UBOT|gapbot>  /chip 910B", "UBOT")).toBe("hey /chip 910B");
  });

  it("given other people's mentions, leaves them for the renderer to escape", () => {
    expect(messageQuery("<@UBOT> what about <@U123>?", "UBOT")).toBe("what about <@U123>?");
  });

  it("given a mention before we know our own id, strips the leading mention", () => {
    expect(messageQuery("<@UXYZ> /gap compute")).toBe("/gap compute");
  });

  it("given a free-text question, sends it as text; given a command line, as that command", () => {
    expect(requestFromQuery("How many data centers does the US have?")).toEqual({
      text: "How many data centers does the US have?",
    });
    expect(requestFromQuery("/chip Ascnd 910b")).toEqual({ command: "chip", args: { name: "Ascnd 910b" } });
    expect(requestFromQuery("/nosuch thing")).toEqual({ text: "/nosuch thing" });
  });
});

describe("button values", () => {
  it("given a hostile query, the value holds no raw '<' and decodes back exactly", () => {
    const q = "/ask <!channel> & *x*";
    const v = buttonValue(q);
    expect(v).toBe("/ask &lt;!channel&gt; &amp; *x*");
    expect(queryFromButton(v ?? "")).toBe(q);
  });

  it("given a query too long for a button, gives no value rather than a cut one that would answer differently", () => {
    expect(buttonValue("x".repeat(2001))).toBeUndefined();
    expect(buttonValue("x".repeat(2000))).toHaveLength(2000);
  });
});
