import { describe, expect, it } from "vitest";
import { parseCustomId, runCustomId, sourcesCustomId } from "../../../src/adapters/discord/custom-id.js";
import { CUSTOM_ID_MAX } from "../../../src/adapters/discord/limits.js";

describe("button custom_ids", () => {
  it("round-trips the refs of a Show sources button", () => {
    const id = sourcesCustomId(["us-compute", "china-compute", "52"]);
    expect(id).toBe("sources:us-compute,china-compute,52");
    expect(parseCustomId(id ?? "")).toEqual({ kind: "sources", refs: ["us-compute", "china-compute", "52"] });
  });

  it("keeps as many refs as fit in 100 characters, most relevant first", () => {
    const refs = Array.from({ length: 20 }, (_, i) => `a-rather-long-fact-id-${i}`);
    const id = sourcesCustomId(refs) ?? "";
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    const parsed = parseCustomId(id);
    expect(parsed?.kind === "sources" && parsed.refs).toEqual(refs.slice(0, 3));
  });

  it("gives no sources id when there is nothing to show", () => {
    expect(sourcesCustomId([])).toBeUndefined();
  });

  it("round-trips a suggestion's command line", () => {
    expect(parseCustomId(runCustomId("/chip Ascend 910B") ?? "")).toEqual({
      kind: "run",
      command: "/chip Ascend 910B",
    });
  });

  it("gives no run id for a command line too long to carry whole", () => {
    expect(runCustomId(`/ask ${"x".repeat(100)}`)).toBeUndefined();
  });

  it("does not recognise ids it did not make", () => {
    expect(parseCustomId("something-else")).toBeUndefined();
    expect(parseCustomId("run:")).toBeUndefined();
  });
});
