// `npm run knowledge:check`: a one-line summary and exit 0, or every problem as `file › id › field: message`.
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/knowledge/check.js";
import { copyFixture, editYaml, entry, FIXTURE, removeCopies } from "./fixture.js";

afterEach(removeCopies);

function check(dir: string): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = runCheck(dir, (line) => lines.push(line));
  return { code, lines };
}

describe("runCheck", () => {
  it("given sound knowledge, prints the counts on one line and exits 0", () => {
    expect(check(FIXTURE)).toEqual({
      code: 0,
      lines: ["knowledge: OK, 1 source, 9 entities, 5 facts, 1 topic, 3 ignored numbers"],
    });
  });

  it("given problems, prints each as file › id › field: message, then a count, and exits 1", () => {
    const dir = copyFixture();
    editYaml(dir, "facts/models.yaml", (d) => {
      entry<{ claim: string }>(d, "facts", "mythos-parameters").claim = "Mythos has 12 trillion parameters.";
      entry<{ entities: string[] }>(d, "facts", "mythos-training-cost").entities = ["mythos", "openai"];
    });
    const { code, lines } = check(dir);
    expect(code).toBe(1);
    expect(lines).toEqual([
      `facts/models.yaml › mythos-parameters › claim: "12 trillion" is not one of the fact's figures (10 trillion)`,
      `facts/models.yaml › mythos-training-cost › entities.1: no entity "openai"`,
      `knowledge: 2 problems in ${dir}`,
    ]);
  });
});
