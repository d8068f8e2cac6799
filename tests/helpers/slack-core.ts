// The real core for Slack adapter tests: over the small fixture knowledge (always there, stable), and over
// the project's knowledge/ too once it loads cleanly, so that limits are checked on the real cards as well.
import { fileURLToPath } from "node:url";
import { type Core, createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";

const MINI = fileURLToPath(new URL("../fixtures/mini-knowledge", import.meta.url));

export function fixtureCore(): Core {
  return createCore({ knowledge: readKnowledge(MINI).knowledge });
}

/** Every knowledge base worth rendering: the fixture, and knowledge/ when it loads without problems. */
export function everyCore(): { name: string; core: Core }[] {
  const cores = [{ name: "fixture knowledge", core: fixtureCore() }];
  const project = readKnowledge();
  if (!project.problems.length && project.knowledge.facts.length) {
    cores.push({ name: "knowledge/", core: createCore({ knowledge: project.knowledge }) });
  }
  return cores;
}
