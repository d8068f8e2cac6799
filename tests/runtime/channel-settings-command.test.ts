import { describe, expect, it } from "vitest";
import { parseSettingsWords } from "../../src/runtime/channel-settings-command.js";

const SOURCES = ["article", "ramp"];

describe("parseSettingsWords", () => {
  it.each([
    ["", { kind: "show" }],
    ["mentions off", { kind: "change", change: { mentions: false } }],
    ["MENTIONS On", { kind: "change", change: { mentions: true } }],
    ["followups no", { kind: "change", change: { followUps: false } }],
    ["replies private", { kind: "change", change: { replies: "ephemeral" } }],
    ["replies public", { kind: "change", change: { replies: "public" } }],
    ["replies default", { kind: "change", change: { replies: undefined } }],
    ["sources all", { kind: "change", change: { sources: [] } }],
    ["sources ramp, article ramp", { kind: "change", change: { sources: ["ramp", "article"] } }],
  ])("reads %j", (words, expected) => {
    expect(parseSettingsWords(words, SOURCES)).toEqual(expected);
  });

  it.each([
    ["mentions maybe", "mentions takes on or off"],
    ["mentions off now", "mentions takes on or off"],
    ["replies loud", "replies takes public, private or default"],
    ["sources", "name one source or more, or all"],
    ["sources nowhere ramp", "no source nowhere; the sources are article, ramp"],
    ["colour blue", 'there is no setting "colour"'],
  ])("refuses %j, saying why", (words, problem) => {
    expect(parseSettingsWords(words, SOURCES)).toEqual({ kind: "invalid", problem });
  });
});
