// gapbot render --platform slack|discord [--json] [--knowledge DIR] [--source ID]… [QUERY]: the exact message payload the adapter
// sends for QUERY (for Block Kit Builder, Discord previews and tests); stdin batch as in `ask`.
import process from "node:process";
import { renderDiscordMessage } from "../adapters/discord/render-chart.js";
import { slackPreview } from "../adapters/slack/preview.js";
import { cleanInput } from "../core/intent.js";
import { parseArgs } from "./args.js";
import { reportFault } from "./ask.js";
import { eachQuery } from "./batch.js";
import { coreOf, KNOWLEDGE_FLAGS } from "./knowledge-flags.js";

export default async function render(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, ["platform", ...KNOWLEDGE_FLAGS]);
  const { flags, rest } = parsed;
  const platform = flags.get("platform");
  if (platform !== "slack" && platform !== "discord") {
    process.stderr.write("gapbot render: say which platform: --platform slack or --platform discord\n");
    return 2;
  }
  const core = coreOf(parsed);
  const json = flags.has("json");
  const payload = (q: string) =>
    platform === "slack"
      ? slackPreview(core, q)
      : renderDiscordMessage(core.answer({ text: cleanInput(q), platform: "discord" }, reportFault));
  await eachQuery(
    rest,
    process.stdin,
    // One line per query in --json (batch) form; pretty-printed otherwise, for reading and pasting.
    (q) => JSON.stringify(payload(q), null, json ? undefined : 2),
    (s) => process.stdout.write(`${s}\n`),
  );
  return 0;
}
