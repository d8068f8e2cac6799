// Button custom_ids: what a click recomputes, encoded in the ≤ 100 characters Discord gives a button.
// https://discord.com/developers/docs/components/reference#anatomy-of-a-component-custom-id
// Stateless on purpose: any process (any shard, after a restart) can answer any click.
import { VOTE_REASONS, type VoteReason } from "../../storage/question-log.js";
import { CUSTOM_ID_MAX } from "./limits.js";

const SOURCES = "sources:";
const RUN = "run:";
const VOTE = "vote:";
const WHY = "why:";

export type ButtonAction =
  /** Show the verbatim quotes behind these refs (fact ids, or paragraph numbers), each answered by /source. */
  | { kind: "sources"; refs: string[] }
  /** Run a suggestion's slash line, e.g. "/chip Ascend 910B". */
  | { kind: "run"; command: string }
  /** 👍 or 👎 on the recorded question with this id. */
  | { kind: "vote"; vote: "up" | "down"; answerId: string }
  /** What was wrong, after a 👎. */
  | { kind: "reason"; reason: VoteReason; answerId: string };

/** As many refs as fit, most relevant first; undefined when not even one does. */
export function sourcesCustomId(refs: readonly string[]): string | undefined {
  let id = SOURCES;
  let count = 0;
  for (const ref of refs) {
    // Fact ids are [a-z0-9-] and paragraphs are digits, so "," can never be part of a ref.
    if (!ref || ref.includes(",")) continue;
    const next = count === 0 ? `${id}${ref}` : `${id},${ref}`;
    if (next.length > CUSTOM_ID_MAX) break;
    id = next;
    count += 1;
  }
  return count > 0 ? id : undefined;
}

/** Undefined when the command line is too long to carry: the button is then left out rather than cut. */
export function runCustomId(command: string): string | undefined {
  const id = `${RUN}${command}`;
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

export function voteCustomId(vote: "up" | "down", answerId: string): string | undefined {
  const id = `${VOTE}${vote}:${answerId}`;
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

export function reasonCustomId(reason: VoteReason, answerId: string): string | undefined {
  const id = `${WHY}${reason}:${answerId}`;
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

export function parseCustomId(customId: string): ButtonAction | undefined {
  const vote = /^vote:(up|down):(\w+)$/.exec(customId);
  if (vote?.[1] && vote[2]) return { kind: "vote", vote: vote[1] as "up" | "down", answerId: vote[2] };
  const why = /^why:(\w+):(\w+)$/.exec(customId);
  if (why?.[1] && why[2] && (VOTE_REASONS as readonly string[]).includes(why[1]))
    return { kind: "reason", reason: why[1] as VoteReason, answerId: why[2] };
  if (customId.startsWith(SOURCES)) {
    const refs = customId.slice(SOURCES.length).split(",").filter(Boolean);
    return refs.length > 0 ? { kind: "sources", refs } : undefined;
  }
  if (customId.startsWith(RUN)) {
    const command = customId.slice(RUN.length).trim();
    return command ? { kind: "run", command } : undefined;
  }
  return undefined;
}
