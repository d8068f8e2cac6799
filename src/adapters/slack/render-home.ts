// The App Home tab: what the bot knows (topics, chips, models, companies) and every command with examples.
// https://docs.slack.dev/surfaces/app-home
import type { KnownBlock } from "@slack/types";
import type { Command } from "../../../commands/index.js";
import type { Catalog } from "../../core/index.js";
import type { ChannelSettings } from "../../state/channel-settings.js";
import { context, divider, header, section } from "./blocks.js";
import { mrkdwn, mrkdwnText, plain } from "./escape.js";
import { CONTEXT_TEXT_MAX, capList, SECTION_TEXT_MAX, VIEW_BLOCKS_MAX } from "./limits.js";
import { slackCommandName } from "./requests.js";

export interface SlackHomeView {
  type: "home";
  blocks: object[];
}

const INTRO =
  "I answer questions about the China–US AI compute gap from a curated article. " +
  "Every figure is quoted word for word with its paragraph; ratios are marked as computed. " +
  "What the material does not say, I say is not in the material.";

/** A channel with settings of its own, as App Home lists them. */
export interface ChannelSettingsEntry {
  channel: string;
  settings: ChannelSettings;
}

/** `report`: the question record's summary, shown first, to workspace admins only. */
export function renderSlackHome(
  catalog: Catalog,
  commands: readonly Command[],
  channels: readonly ChannelSettingsEntry[] = [],
  report: KnownBlock[] = [],
): SlackHomeView {
  const known: KnownBlock[] = [
    listSection(
      "Topics",
      catalog.topics.map((t) => t.title),
    ),
    listSection(
      "Chips",
      catalog.chips.map((c) => c.name),
    ),
    listSection(
      "Models",
      catalog.models.map((m) => m.name),
    ),
    listSection(
      "Companies",
      catalog.companies.map((c) => c.name),
    ),
  ].filter((b): b is KnownBlock => b !== undefined);
  const head: KnownBlock[] = [
    header("gapbot"),
    section(plain(INTRO)),
    divider(),
    ...report,
    header("What I know"),
  ];
  if (!known.length) known.push(section(plain("Nothing yet: the knowledge base is empty.")));
  const tail: KnownBlock[] = [
    context([
      mrkdwn(
        mrkdwnText(
          "Mention @gapbot in a channel, or send it a direct message, with a question in English or Chinese.",
          CONTEXT_TEXT_MAX,
        ),
      ),
    ]),
  ];
  const settings = channelSettingsBlocks(channels);
  const budget = VIEW_BLOCKS_MAX - head.length - known.length - 2 - tail.length - settings.length;
  const commandBlocks = capList(commands.map(commandSection), budget, (hidden) =>
    section(plain(`…and ${hidden} more commands.`)),
  );
  return {
    type: "home",
    blocks: [...head, ...known, divider(), header("Commands"), ...commandBlocks, ...settings, ...tail],
  };
}

/**
 * The channels whose admins changed gapbot's settings, one line each with what differs from the defaults
 * (`<#C…>` renders as the channel's name): so anyone can see why gapbot behaves differently somewhere.
 */
function channelSettingsBlocks(channels: readonly ChannelSettingsEntry[]): KnownBlock[] {
  const lines = channels.map(({ channel, settings: s }) => {
    const parts = [
      s.mentions ? undefined : "mentions ignored",
      s.followUps ? undefined : "no follow-ups in threads",
      s.replies ? `replies ${s.replies === "ephemeral" ? "private" : "public"}` : undefined,
      s.sources.length ? `sources: ${s.sources.map((id) => mrkdwnText(id, 100)).join(", ")}` : undefined,
    ].filter(Boolean);
    return `<#${channel.replace(/[^A-Z0-9]/gi, "")}>: ${parts.length ? parts.join(" · ") : "the defaults"}`;
  });
  if (!lines.length) return [];
  const head = "*Channel settings* (admins change them with `/gapbot settings`)\n";
  const shown: string[] = [];
  let used = head.length + 40;
  for (const line of lines) {
    if (used + line.length + 1 > SECTION_TEXT_MAX) break;
    shown.push(line);
    used += line.length + 1;
  }
  const hidden = lines.length - shown.length;
  return [divider(), section(mrkdwn(`${head}${shown.join("\n")}${hidden ? `\n…and ${hidden} more` : ""}`))];
}

/** `*Chips*\nA100 · Ascend 910B · …`, cut by whole names so that none is half shown. */
function listSection(title: string, names: string[]): KnownBlock | undefined {
  if (!names.length) return undefined;
  const head = `*${title}*\n`;
  const room = SECTION_TEXT_MAX - head.length - 40;
  const shown: string[] = [];
  let used = 0;
  for (const name of names) {
    const safe = mrkdwnText(name, 200);
    if (used + safe.length + 3 > room) break;
    shown.push(safe);
    used += safe.length + 3;
  }
  const hidden = names.length - shown.length;
  return section(mrkdwn(`${head}${shown.join(" · ")}${hidden ? ` · …and ${hidden} more` : ""}`));
}

function commandSection(command: Command): KnownBlock {
  const name = slackCommandName(command);
  // Examples are written with the command's own name; on Slack, help is /gapbot.
  const examples = command.examples.map((e) => e.replace(new RegExp(`^/${command.name}\\b`), name));
  const lines = [
    `*${mrkdwnText(name, 40)}*${command.usage_hint ? ` ${mrkdwnText(command.usage_hint, 200)}` : ""}`,
    mrkdwnText(command.description, 200),
    examples.map((e) => `\`${mrkdwnText(e, 200)}\``).join("  ·  "),
  ];
  return section(mrkdwn(lines.join("\n")));
}
