// Button custom_ids: what a click recomputes, encoded in the ≤ 100 characters Discord gives a button.
// https://discord.com/developers/docs/components/reference#anatomy-of-a-component-custom-id
// Stateless on purpose: any process (any shard, after a restart) can answer any click.
import { CUSTOM_ID_MAX } from "./limits.js";

const SOURCES = "sources:";
const RUN = "run:";

export type ButtonAction =
  /** Show the verbatim quotes behind these refs (fact ids, or paragraph numbers), each answered by /source. */
  | { kind: "sources"; refs: string[] }
  /** Run a suggestion's slash line, e.g. "/chip Ascend 910B". */
  | { kind: "run"; command: string };

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

export function parseCustomId(customId: string): ButtonAction | undefined {
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
