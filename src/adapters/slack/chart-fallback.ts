// Slack's chart and table blocks, and its feedback buttons (context_actions), are rolling out workspace by
// workspace: a message that carries them is sent once as is, and on invalid_blocks once more without them
// (text bars and plain 👍/👎 buttons instead). The workspace is then remembered in the key-value store
// (shared by instances on Redis), so that its next answers go without them at the first try.
// https://docs.slack.dev/reference/methods/chat.postMessage#errors · https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
import { type KeyValueStore, MemoryKeyValueStore } from "../../state/kv.js";
import type { SlackMessage } from "./render.js";
import { CHART_BLOCK_TYPES } from "./render-chart.js";

/**
 * A rejection is remembered this long: the blocks are rolling out, so a workspace that lacked them today may
 * have them next week, and a new try costs one rejected post.
 */
export const NO_CHARTS_TTL_MS = 24 * 60 * 60_000;

/**
 * Which workspaces rejected the chart and table blocks. A rejection, once read or met, is also kept in process
 * (it holds for a day, and stays true that long); "takes them" is read from the store each time, so that a
 * rejection another instance met is known here at once and each workspace is tried with them only once.
 */
export class ChartSupport {
  private readonly rejected = new Map<string, number>();

  constructor(
    private readonly store: KeyValueStore = new MemoryKeyValueStore(10_000),
    private readonly now: () => number = Date.now,
  ) {}

  async supports(teamId: string | undefined): Promise<boolean> {
    const k = key(teamId);
    const until = this.rejected.get(k);
    if (until !== undefined && until > this.now()) return false;
    if ((await this.store.get(k)) === undefined) return true;
    this.remember(k);
    return false;
  }

  async markUnsupported(teamId: string | undefined): Promise<void> {
    this.remember(key(teamId));
    await this.store.set(key(teamId), "1", NO_CHARTS_TTL_MS);
  }

  private remember(k: string): void {
    this.rejected.delete(k);
    this.rejected.set(k, this.now() + NO_CHARTS_TTL_MS);
    // Bounded: the oldest rejection goes first (a Map iterates in insertion order).
    if (this.rejected.size > LOCAL_MAX) {
      const oldest = this.rejected.keys().next().value;
      if (oldest !== undefined) this.rejected.delete(oldest);
    }
  }
}

const LOCAL_MAX = 10_000;

function key(teamId: string | undefined): string {
  return `slack:no-chart-blocks:${teamId ?? "-"}`;
}

/** Block types some workspaces do not take yet. */
const ROLLING_OUT = new Set([...CHART_BLOCK_TYPES, "context_actions"]);

export function hasRollingOutBlocks(message: SlackMessage): boolean {
  return message.blocks.some((b) => ROLLING_OUT.has((b as { type?: string }).type ?? ""));
}

/**
 * Sends `render(true)` (with chart blocks) unless the workspace is known to reject them; on invalid_blocks
 * remembers the workspace and sends `render(false)`, once. Any other failure goes to the caller's boundary.
 * An answer with none of those blocks is sent as is, without waiting to know which workspaces take them.
 */
export async function sendWithChartFallback(
  support: ChartSupport,
  teamId: string | undefined,
  render: (charts: boolean) => SlackMessage,
  send: (message: SlackMessage) => Promise<unknown>,
  onFallback: (reason: string) => void = () => {},
  /** The workspace's support, already asked (with the turn's other store calls, in one round trip). */
  asked?: Promise<boolean>,
): Promise<void> {
  const rich = render(true);
  if (!hasRollingOutBlocks(rich)) {
    await send(rich);
    return;
  }
  const charts = await (asked ?? support.supports(teamId));
  const first = charts ? rich : render(false);
  if (!charts) {
    await send(first);
    return;
  }
  let rejected: string | undefined;
  try {
    rejected = await invalidBlocksIn(await send(first));
  } catch (err) {
    rejected = invalidBlocksError(err);
    if (!rejected) throw err;
  }
  if (!rejected) return;
  await support.markUnsupported(teamId);
  onFallback(rejected);
  await send(render(false));
}

/**
 * chat.postMessage fails with `data.error` "invalid_blocks". Bolt's respond() throws a RespondError with
 * only the HTTP status when response_url answers an error: a 400 to a message whose only unusual blocks
 * are these means the same (nothing was posted, so sending without them cannot post twice).
 */
function invalidBlocksError(err: unknown): string | undefined {
  const e = err as { data?: { error?: unknown }; code?: unknown; statusCode?: unknown };
  if (e?.data?.error === "invalid_blocks") return "invalid_blocks";
  if (e?.code === "slack_bolt_respond_error" && e.statusCode === 400) return "response_url 400";
  return undefined;
}

/** A response_url may also answer 200 with `{ok: false, error: "invalid_blocks"}` in its body. */
async function invalidBlocksIn(result: unknown): Promise<string | undefined> {
  const response = result as { clone?: () => { text(): Promise<string> } } | undefined;
  if (typeof response?.clone !== "function") return undefined;
  const body = await response
    .clone()
    .text()
    .catch(() => "");
  return /invalid_blocks/.test(body) ? "invalid_blocks" : undefined;
}
