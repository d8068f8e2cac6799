// A Core whose knowledge can be swapped while the bot runs (SIGHUP): every call goes to the core built
// last. A reload that fails (the knowledge fails its check) leaves the serving core untouched.
import type { Core } from "../core/index.js";
import type { Logger } from "../log.js";

export type Reload = { ok: true; facts: number; sources: number } | { ok: false; error: Error };

export interface ReloadableCore extends Core {
  /** Builds a new core from disk; swaps it in only when it built. */
  reload(): Reload;
}

/** Throws what `build` throws, so that start-up refuses knowledge that fails the check. */
export function reloadableCore(build: () => Core): ReloadableCore {
  let current = build();
  return {
    answer: (request, onFault) => current.answer(request, onFault),
    complete: (kind, input, limit) => current.complete(kind, input, limit),
    followUp: (previous, text) => current.followUp(previous, text),
    catalog: () => current.catalog(),
    get knowledge() {
      return current.knowledge;
    },
    reload() {
      try {
        const next = build();
        current = next;
        return { ok: true, facts: next.knowledge.facts.length, sources: next.knowledge.sources.length };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err : new Error(String(err)) };
      }
    },
  };
}

/** Reloads on SIGHUP, logging the outcome; returns the function that removes the handler. */
export function reloadOnHangup(
  signals: NodeJS.EventEmitter,
  core: ReloadableCore,
  logger: Logger,
): () => void {
  const onHangup = () => {
    const outcome = core.reload();
    if (outcome.ok) logger.info({ facts: outcome.facts, sources: outcome.sources }, "knowledge reloaded");
    else
      logger.error(
        {
          problems: outcome.error.message
            .split("\n")
            .slice(1)
            .map((l) => l.trim()),
        },
        `knowledge reload failed, still serving the knowledge loaded before: ${outcome.error.message.split("\n")[0]?.replace(/^gapbot: /, "")}`,
      );
  };
  signals.on("SIGHUP", onHangup);
  return () => signals.off("SIGHUP", onHangup);
}
