// Any knowledge directory starts from a saved index after its first start: the first load reads the YAML,
// checks it, builds the indexes and caches a snapshot keyed by the knowledge's content; the next load reads
// that snapshot. An edit gives another key, so a changed or broken knowledge is never served from the cache.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { indexBuilds } from "../../src/core/context.js";
import { createCore } from "../../src/core/index.js";
import { KnowledgeError, readKnowledge } from "../../src/knowledge/load.js";
import { knowledgeLoads, loadCheckedKnowledge } from "../../src/knowledge/load-checked.js";
import { editYaml, entry } from "./fixture.js";

const root = mkdtempSync(join(tmpdir(), "gapbot-knowledge-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A copy of a fixture, with a cache of its own. */
function setUp(fixture: string): { dir: string; env: Record<string, string> } {
  n++;
  const dir = join(root, `knowledge-${n}`);
  cpSync(new URL(`../fixtures/${fixture}`, import.meta.url), dir, { recursive: true });
  return { dir, env: { GAPBOT_CACHE_DIR: join(root, `cache-${n}`) } };
}

/** What one load did: read the YAML or a snapshot, and wrote the cache or not. */
function load(dir: string, env: Record<string, string>) {
  const before = { ...knowledgeLoads };
  const knowledge = loadCheckedKnowledge(dir, env);
  return {
    knowledge,
    yaml: knowledgeLoads.yaml - before.yaml,
    snapshot: knowledgeLoads.snapshot - before.snapshot,
    cached: knowledgeLoads.cached - before.cached,
  };
}

const QUESTION = "How many TOPS does the Ascend 910B deliver?";

describe("the knowledge cache", () => {
  it("starts a directory from the YAML once, then from its saved snapshot and index", () => {
    const { dir, env } = setUp("knowledge-small");
    const first = load(dir, env);
    expect(first).toMatchObject({ yaml: 1, snapshot: 0, cached: 1 });
    expect(readdirSync(env.GAPBOT_CACHE_DIR as string).filter((f) => f.endsWith(".snap"))).toHaveLength(1);
    const answer = createCore({ knowledge: first.knowledge }).answer({ text: QUESTION });

    const second = load(dir, env);
    expect(second).toMatchObject({ yaml: 0, snapshot: 1, cached: 0 });
    expect(second.knowledge).toEqual(first.knowledge);
    // The core built on it loads the saved indexes rather than tokenizing the facts again.
    const builds = { ...indexBuilds };
    const core = createCore({ knowledge: second.knowledge });
    expect(indexBuilds.loaded - builds.loaded).toBe(1);
    expect(indexBuilds.built - builds.built).toBe(0);
    expect(core.answer({ text: QUESTION })).toEqual(answer);
  });

  it("reads the YAML again once a file changes, and answers from the change", () => {
    const { dir, env } = setUp("knowledge-small");
    load(dir, env);
    expect(load(dir, env).snapshot).toBe(1);
    editYaml(dir, "facts/compute.yaml", (doc) => {
      entry<{ claim: string }>(doc, "facts", "ascend-910b-tops").claim =
        "Huawei's Ascend 910B is rated at 640 TOPS (INT8), near Nvidia's A100.";
    });
    const changed = load(dir, env);
    expect(changed).toMatchObject({ yaml: 1, snapshot: 0, cached: 1 });
    expect(changed.knowledge.facts.find((f) => f.id === "ascend-910b-tops")?.claim).toContain("is rated at");
    expect(load(dir, env).snapshot).toBe(1);
  });

  it("never serves a broken edit from the cache: a tampered quote is refused", () => {
    const { dir, env } = setUp("knowledge-small");
    load(dir, env);
    editYaml(dir, "facts/compute.yaml", (doc) => {
      const fact = entry<{ quote: string }>(doc, "facts", "us-compute");
      fact.quote = fact.quote.replace("2400", "4800");
    });
    expect(() => loadCheckedKnowledge(dir, env)).toThrow(KnowledgeError);
  });

  it("narrows a core to one source from the saved index of them all, answering as one built for it", () => {
    const { dir, env } = setUp("two-sources");
    load(dir, env);
    const saved = load(dir, env).knowledge;
    const builds = { ...indexBuilds };
    const narrowed = createCore({ knowledge: saved, sources: ["later"] });
    expect(indexBuilds.narrowed - builds.narrowed).toBe(1);
    expect(indexBuilds.built - builds.built).toBe(0);
    // Read afresh, with no index saved or made: the narrowed core tokenizes its own facts, as before.
    const alone = createCore({ knowledge: readKnowledge(dir).knowledge, sources: ["later"] });
    expect(indexBuilds.built - builds.built).toBe(1);
    for (const q of [QUESTION, "/chip 910B", "/source later:2", "How much compute does China have?"])
      expect(narrowed.answer({ text: q }), q).toEqual(alone.answer({ text: q }));
  });

  it("keeps working when the cache cannot be written", () => {
    const { dir } = setUp("knowledge-small");
    // A cache path under a file: no directory can be made there.
    const blocker = join(root, `blocker-${n}`);
    writeFileSync(blocker, "");
    const env = { GAPBOT_CACHE_DIR: join(blocker, "gapbot") };
    expect(load(dir, env)).toMatchObject({ yaml: 1, cached: 0 });
    expect(load(dir, env)).toMatchObject({ yaml: 1, cached: 0 });
  });
});
