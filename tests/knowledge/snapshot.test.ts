import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readKnowledge } from "../../src/knowledge/load.js";
import { readSnapshot, writeSnapshot } from "../../src/knowledge/snapshot.js";

const fixture = new URL("../fixtures/mini-knowledge", import.meta.url).pathname;
const temps: string[] = [];
function copy(): { dir: string; snapshot: string } {
  const root = mkdtempSync(join(tmpdir(), "gapbot-snapshot-"));
  temps.push(root);
  const dir = join(root, "knowledge");
  cpSync(fixture, dir, { recursive: true, preserveTimestamps: true });
  return { dir, snapshot: join(root, "knowledge.snap") };
}
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

describe("knowledge snapshot", () => {
  it("gives back exactly what the YAML gives while the files are unchanged", () => {
    const { dir, snapshot } = copy();
    const { knowledge } = readKnowledge(dir);
    writeSnapshot(dir, knowledge, snapshot);
    expect(readSnapshot(dir, snapshot)).toEqual(knowledge);
  });

  it("is stale, and ignored, once any file's content is edited, or a file added or removed", () => {
    const { dir, snapshot } = copy();
    writeSnapshot(dir, readKnowledge(dir).knowledge, snapshot);
    appendFileSync(join(dir, "facts", "all.yaml"), "\n");
    expect(readSnapshot(dir, snapshot)).toBeUndefined();

    writeSnapshot(dir, readKnowledge(dir).knowledge, snapshot);
    writeFileSync(join(dir, "topics", "new.yaml"), "id: x\n");
    expect(readSnapshot(dir, snapshot)).toBeUndefined();

    rmSync(join(dir, "topics", "new.yaml"));
    writeSnapshot(dir, readKnowledge(dir).knowledge, snapshot);
    rmSync(join(dir, "topics", "models.yaml"));
    expect(readSnapshot(dir, snapshot)).toBeUndefined();
  });

  it("is ignored when missing or unreadable", () => {
    const { dir, snapshot } = copy();
    expect(readSnapshot(dir, snapshot)).toBeUndefined();
    writeFileSync(snapshot, "{not json");
    expect(readSnapshot(dir, snapshot)).toBeUndefined();
    // A snapshot cut short (a full disk) is not read either.
    writeSnapshot(dir, readKnowledge(dir).knowledge, snapshot);
    writeFileSync(snapshot, readFileSync(snapshot).subarray(0, 40));
    expect(readSnapshot(dir, snapshot)).toBeUndefined();
  });
});
