// 10,000 random and hostile strings, each through the adapters' boundary schema, the core and both
// renderers: every payload is valid within its platform's limits, and none can ping anyone.
// (The renderers' own suites fuzz cards directly; this one fuzzes what users can type.)
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commandRequest as discordRequest } from "../../src/adapters/discord/normalise.js";
import { renderDiscord, renderDiscordSources } from "../../src/adapters/discord/render.js";
import { renderSlack, renderSlackSources } from "../../src/adapters/slack/render.js";
import { requestFromQuery } from "../../src/adapters/slack/requests.js";
import { createCore } from "../../src/core/index.js";
import { cleanUserText } from "../../src/runtime/input.js";
import { discordLimitProblems } from "../helpers/discord-limits.js";
import { allStrings, blockKitProblems } from "../helpers/slack-block-kit.js";

const RUNS = 10_000;

/** A markdown link to the attacker's site that Discord would render: `](https://evil.example` not escaped. */
const INJECTED_LINK = /(?<!\\)\]\(https:\/\/evil\.example/;

/** Pieces people (and attackers) type: mentions, markup, links, direction and width tricks, names the core knows. */
const PIECES = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U123>",
  "<@!123456789012345678>",
  "<@&123456789012345678>",
  "<#C999|general>",
  "<!subteam^S1>",
  "@everyone",
  "@here",
  "<http://evil.example|click>",
  "[click](https://evil.example)",
  "**bold**",
  "__u__",
  "*i*",
  "_x_",
  "~s~",
  "||spoiler||",
  "`code`",
  "```block```",
  "> quote",
  "# heading",
  "&amp;",
  "&lt;",
  "Tom & Jerry",
  "\u202e",
  "\u2066",
  "\u200b",
  "\u200d",
  "\ufeff",
  "\u0000",
  "\r\n",
  "\t",
  "\ud800",
  "\udfff",
  "🇨🇳",
  "👩‍👩‍👧",
  "مقارنة",
  "中美算力差距",
  "𝕳100",
  "/chip",
  "/compare",
  "/gap",
  "/source",
  "vs",
  "910B",
  "H100",
  "compute",
  "DeepSeek",
];

const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join(" ")) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join("")) },
  // Every plane, lone surrogates included.
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 600, size: "max" }) },
  // Around and far over the 500-character limit, up to 10,000 characters.
  {
    weight: 1,
    arbitrary: fc.integer({ min: 480, max: 10_000 }).map((n) => "<!channel> *x* ".repeat(n).slice(0, n)),
  },
);

describe("any text a user can send", () => {
  const core = createCore();

  it(`gives valid Slack and Discord payloads within the limits, pinging no one (${RUNS} strings)`, () => {
    fc.assert(
      fc.property(
        hostile,
        fc.constantFrom("ask", "chip", "compare", "gap", "model", "source"),
        (raw, command) => {
          const text = cleanUserText(raw);
          // Slack: a mention's text as a query line, then a slash command's text.
          const query = text.startsWith("/") ? text : `/ask ${text}`;
          const slackCard = core.answer(requestFromQuery(query));
          expect(blockKitProblems(renderSlack(slackCard, { query }))).toEqual([]);
          expect(blockKitProblems(renderSlack(slackCard, { query, ephemeral: true }))).toEqual([]);
          expect(blockKitProblems(renderSlackSources(slackCard))).toEqual([]);
          // Discord: the same text as a slash command option.
          const option =
            command === "compare"
              ? "first"
              : command === "ask"
                ? "question"
                : command === "gap"
                  ? "topic"
                  : command === "source"
                    ? "ref"
                    : "name";
          const discordCard = core.answer(discordRequest(command, [{ name: option, value: raw }]));
          const discord = renderDiscord(discordCard);
          expect(discordLimitProblems(discord)).toEqual([]);
          // Echoed text cannot become a link: its markdown arrives escaped ("\\[click\\](…)").
          for (const s of allStrings(discord)) expect(s).not.toMatch(INJECTED_LINK);
          expect(discordLimitProblems(renderDiscordSources(discordCard))).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});
