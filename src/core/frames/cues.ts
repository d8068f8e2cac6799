// The question frames' cue words (knowledge/cues.yaml) compiled once per knowledge: each list as one pattern,
// and as its pieces for the lists whose pieces carry named groups.
import { CUE_NAMES, type CueName, type Cues } from "../../knowledge/schema.js";

export interface CompiledCue {
  /** Any piece of the list. */
  any: RegExp;
  /** Each piece alone, for lists whose pieces capture (`(?<term>…)`). */
  each: readonly RegExp[];
  /** Any piece, in any case and everywhere: for replacing or splitting on every match. */
  global: RegExp;
  /** Each piece alone, in any case. */
  eachCaseless: readonly RegExp[];
}

export type CompiledCues = Record<CueName, CompiledCue>;

/** A pattern that matches nothing: a cue list a pack leaves out asks nothing. */
const NEVER = /(?!)/u;

export function compileCues(cues: Partial<Cues>): CompiledCues {
  const out = {} as CompiledCues;
  // Every cue the frames read, so that a list a pack leaves out matches nothing rather than failing.
  for (const name of CUE_NAMES) {
    const pieces = cues[name] ?? [];
    const each = pieces.map((p) => new RegExp(p, "u"));
    // Named groups may repeat across pieces, so the joined pattern drops their names.
    const joined = pieces.map((p) => p.replace(/\(\?<[a-z_]+>/g, "(?:")).join("|");
    out[name] = {
      any: joined ? new RegExp(joined, "u") : NEVER,
      each,
      global: joined ? new RegExp(joined, "giu") : NEVER,
      eachCaseless: pieces.map((p) => new RegExp(p, "iu")),
    };
  }
  return out;
}
