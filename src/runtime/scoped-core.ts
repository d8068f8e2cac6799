// A core that answers from some of the sources only: what a channel's `sources` setting asks for. Built
// once per set of sources and kept per knowledge base, so a reloaded knowledge base gets fresh ones.
import { type Core, createCore } from "../core/index.js";
import type { Knowledge } from "../knowledge/schema.js";

const built = new WeakMap<Knowledge, Map<string, Core>>();

/** `core` itself when `sources` is empty or names every source it has; else a core over those alone. */
export function coreForSources(core: Core, sources: readonly string[]): Core {
  const own = core.knowledge.sources.map((s) => s.id);
  const wanted = [...new Set(sources)].filter((id) => own.includes(id)).sort();
  if (wanted.length === 0 || wanted.length === own.length) return core;
  let cores = built.get(core.knowledge);
  if (!cores) {
    cores = new Map();
    built.set(core.knowledge, cores);
  }
  const key = wanted.join(",");
  let scoped = cores.get(key);
  if (!scoped) {
    scoped = createCore({ knowledge: core.knowledge, sources: wanted });
    cores.set(key, scoped);
  }
  return scoped;
}
