// Echoed text never becomes a link: URLs, bare domains and markdown links typed into any command come back
// as text on Discord and on Slack, in every place a card shows text (fast-check over what users can type).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commandRequest as discordRequest } from "../../src/adapters/discord/normalise.js";
import { renderDiscordSources } from "../../src/adapters/discord/render.js";
import { renderDiscordMessage } from "../../src/adapters/discord/render-chart.js";
import { renderSlack, renderSlackSources } from "../../src/adapters/slack/render.js";
import { requestFromQuery } from "../../src/adapters/slack/requests.js";
import { createCore } from "../../src/core/index.js";
import { unlink } from "../../src/core/unlink.js";
import { readKnowledge } from "../../src/knowledge/load.js";

/** What a client would turn into a link: a scheme, "www.", or a dot followed by a top-level domain. */
const LINKABLE = /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|[\p{L}\p{N}_-]\.\p{L}{2}/iu;

const PIECES = [
  "http://evil.example",
  "https://evil.example/path?q=1",
  "HTTPS://EVIL.EXAMPLE",
  "[link](http://evil.example)",
  "[x](<https://evil.example>)",
  "<https://evil.example|click>",
  "<https://evil.example>",
  "www.evil.example",
  "evil.example",
  "discord.gg/invite",
  "mailto:me@evil.example",
  "ftp://files.evil.example",
  "and",
  "what about",
  "compute",
  "910B",
  "China",
  "?",
  " ",
];

const typed = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((p) => p.join(" "));

/** Every string a reader sees: not ids, button values or attachment names, which are never shown. */
function shown(value: unknown, key = ""): string[] {
  if (typeof value === "string")
    return ["custom_id", "action_id", "block_id", "value", "url", "filename", "id", "type"].includes(key)
      ? []
      : [value];
  if (Array.isArray(value)) return value.flatMap((v) => shown(v, key));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => shown(v, k));
  return [];
}

const core = createCore({ knowledge: readKnowledge().knowledge });
const OPTION: Record<string, string> = {
  gap: "topic",
  chip: "name",
  model: "name",
  compare: "first",
  ask: "question",
  source: "ref",
};

describe("echoed user text", () => {
  it("never becomes a clickable link, on Discord or Slack, whatever command carries it", () => {
    fc.assert(
      fc.property(typed, fc.constantFrom(...Object.keys(OPTION)), (text, command) => {
        const discordCard = core.answer({
          ...discordRequest(command, [{ name: OPTION[command] ?? "name", value: text }]),
          platform: "discord",
        });
        for (const s of [
          ...shown(renderDiscordMessage(discordCard)),
          ...shown(renderDiscordSources(discordCard)),
        ])
          expect(s, `/${command} ${text}`).not.toMatch(LINKABLE);
        const query = `/${command} ${text}`;
        const slackCard = core.answer({ ...requestFromQuery(query), platform: "slack" });
        const slack = renderSlack(slackCard, { query, ephemeral: true });
        for (const s of [...shown(slack), ...shown(renderSlackSources(slackCard))])
          expect(s, query).not.toMatch(LINKABLE);
        // A mention or DM too: free text echoed in a miss or a follow-up.
        const free = core.answer({ text, platform: "discord" });
        for (const s of shown(renderDiscordMessage(free))) expect(s, text).not.toMatch(LINKABLE);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("reads the same, for the zero-width spaces it gains are invisible, and figures are left as they are", () => {
    const text = "see https://evil.example or www.evil.example: 4.6 and 2,400 EFLOPS";
    expect(unlink(text).replaceAll("\u200b", "")).toBe(text);
    expect(unlink(text)).toContain("4.6");
    expect(unlink(text)).not.toMatch(LINKABLE);
  });
});
