// Exactly the message the Slack adapter sends for a query line, without Slack: for `gapbot render
// --platform slack` and for tests. Pure; the adapter builds its replies from the same functions.
import type { Core } from "../../core/index.js";
import { renderSlack, type SlackMessage } from "./render.js";
import { canonicalQuery, requestFromQuery } from "./requests.js";

export interface SlackPreviewOptions {
  /**
   * True (the default) for a slash command's answer with the default settings: ephemeral, with
   * "Share in channel". False for a public one: a mention or DM reply, or replies set to in_channel.
   */
  ephemeral?: boolean;
}

/**
 * The `{text, blocks}` the adapter sends for `query` typed as a slash command ("/chip 910B", "/gapbot")
 * or, for free text, as a mention or DM. The slash-command reply adds only `response_type` to it.
 */
export function slackPreview(
  core: Pick<Core, "answer">,
  query: string,
  options: SlackPreviewOptions = {},
): SlackMessage {
  const q = canonicalQuery(query);
  return renderSlack(core.answer({ ...requestFromQuery(q), platform: "slack" }), {
    ephemeral: options.ephemeral ?? true,
    query: q,
  });
}
