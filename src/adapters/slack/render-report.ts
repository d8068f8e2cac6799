// The question record's summary as App Home blocks, for workspace admins: the same report as `gapbot report`.
// https://docs.slack.dev/surfaces/app-home
import type { KnownBlock } from "@slack/types";
import { tallyText } from "../../report/render-report.js";
import type { Report } from "../../report/report.js";
import { divider, header, section } from "./blocks.js";
import { mrkdwn, mrkdwnText } from "./escape.js";
import { SECTION_TEXT_MAX, truncate } from "./limits.js";

/** A question as asked: user text, escaped and defused, cut short. */
const asked = (text: string) => `“${mrkdwnText(text, 200)}”`;

/** Lines per list: the home tab is a glance, `gapbot report` has the rest. */
const LIST_MAX = 5;

export function renderSlackReport(report: Report, days: number): KnownBlock[] {
  const blocks: KnownBlock[] = [header(`Questions, last ${days} days`)];
  if (report.totals.questions === 0) {
    blocks.push(section(mrkdwn("No questions recorded in this period.")), divider());
    return blocks;
  }
  const tallies = [
    `*All:* ${tallyText(report.totals)}`,
    ...report.byPlatform.map((p) => `*${p.platform}:* ${tallyText(p)}`),
    ...report.byCommand.slice(0, LIST_MAX).map((c) => `• ${c.command}: ${tallyText(c)}`),
  ];
  blocks.push(section(mrkdwn(truncate(tallies.join("\n"), SECTION_TEXT_MAX))));
  const list = (title: string, lines: string[]) => {
    if (!lines.length) return;
    const text = `*${title}*\n${lines.slice(0, LIST_MAX).join("\n")}`;
    blocks.push(section(mrkdwn(truncate(text, SECTION_TEXT_MAX))));
  };
  list(
    "Most frequent unanswered questions",
    report.unanswered.map((g) => `• ${g.count}× ${g.examples.map(asked).join(" · ")}`),
  );
  list(
    "Most disliked answers",
    report.disliked.map(
      (d) =>
        `• 👎 ${d.votes.down} 👍 ${d.votes.up} ${asked(d.text)} (facts: ${mrkdwnText(d.facts.join(", ") || "none", 300)})`,
    ),
  );
  list(
    "Lowest ranker scores",
    report.lowScore.map((l) => `• ${l.score} ${asked(l.text)}`),
  );
  blocks.push(divider());
  return blocks;
}
