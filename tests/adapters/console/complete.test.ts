import { describe, expect, it } from "vitest";
import { completeLine } from "../../../src/adapters/console/complete.js";
import { createCore } from "../../../src/core/index.js";
import { readKnowledge } from "../../../src/knowledge/load.js";

const { knowledge } = readKnowledge(new URL("../../fixtures/mini-knowledge", import.meta.url).pathname);
const core = createCore({ knowledge });

describe("completeLine", () => {
  it("given a partial command, offers the commands it starts, with a space before an argument", () => {
    expect(completeLine(core, "/c")).toEqual([["/chip ", "/compare "], "/c"]);
    expect(completeLine(core, "/q")).toEqual([["/quit"], "/q"]);
    expect(completeLine(core, "/he")).toEqual([["/help"], "/he"]);
  });

  it("given a command and a partial name, offers what that command's option autocompletes", () => {
    const [choices, replaced] = completeLine(core, "/chip 910");
    expect(replaced).toBe("910");
    expect(choices).toEqual(core.complete("chip", "910", 25).map((c) => c.value));
    expect(choices.length).toBeGreaterThan(0);
  });

  it("given free text or a command without autocomplete, offers nothing", () => {
    expect(completeLine(core, "how big is")).toEqual([[], "how big is"]);
    expect(completeLine(core, "/source 2")).toEqual([[], "2"]);
  });
});
