import { describe, expect, it } from "vitest";
import {
  decodeEntities,
  escapeEntities,
  mrkdwnText,
  neutraliseFormatting,
} from "../../../src/adapters/slack/escape.js";

describe("escapeEntities", () => {
  it("given Slack's control sequences, escapes & < > so that they ping and link no one", () => {
    expect(escapeEntities("<!channel> <@U123> a & b <http://evil|click>")).toBe(
      "&lt;!channel&gt; &lt;@U123&gt; a &amp; b &lt;http://evil|click&gt;",
    );
  });

  it("given text Slack escaped, decodeEntities gives back what the user typed", () => {
    expect(decodeEntities(escapeEntities("a &lt; b & <c>"))).toBe("a &lt; b & <c>");
  });
});

describe("neutraliseFormatting", () => {
  it("given mrkdwn markers, swaps them for look-alikes that Slack does not format", () => {
    expect(neutraliseFormatting("*bold* _x_ ~s~ `code`")).toBe("∗bold∗ ˍxˍ ∼s∼ ˋcodeˋ");
  });

  it("given an escaped '>' at the start of a line, stops it from opening a block quote", () => {
    expect(neutraliseFormatting("&gt; quote\nnot &gt; this")).toBe("\u00ad&gt; quote\nnot &gt; this");
  });
});

describe("mrkdwnText", () => {
  it("given echoed text, escapes, neutralises and cuts after escaping", () => {
    expect(mrkdwnText("*<!here>*", 100)).toBe("∗&lt;!here&gt;∗");
    expect(mrkdwnText("&&&&", 10)).toBe("&amp;…");
  });
});
