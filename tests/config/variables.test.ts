// The schema, the variable list, README.md and .env.example must name the same variables.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EnvSchema } from "../../src/config/env.js";
import { variableNames, variables } from "../../src/config/variables.js";

const root = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");
const envExample = readFileSync(new URL(".env.example", root), "utf8");

/** The rows of README's settings table: | `NAME` | default | what it is for |, padded by the formatter. */
const rows = [...readme.matchAll(/^\| `([A-Z_]+)`\s*\|(.*)$/gm)].map((m) => ({
  name: m[1] ?? "",
  rest: m[2] ?? "",
}));

describe("the documented settings", () => {
  it("the zod schema and the variable list hold the same names, in the same order", () => {
    expect(Object.keys(EnvSchema.shape)).toEqual(variableNames);
  });

  it("README's settings table has one row per variable, in the same order", () => {
    expect(rows.map((r) => r.name)).toEqual(variableNames);
  });

  it("each README row says what the variable is for, as start-up messages do", () => {
    for (const name of variableNames) {
      expect(rows.find((r) => r.name === name)?.rest, name).toContain(variables[name].for);
    }
  });

  it(".env.example sets every variable, blank for secrets, so that copying it is safe", () => {
    const assigned = [...envExample.matchAll(/^#?\s*([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]] as const);
    expect(assigned.map(([name]) => name).sort()).toEqual([...variableNames].sort());
    for (const [name, value] of assigned) {
      if ((variables[name as keyof typeof variables] as { secret?: boolean }).secret)
        expect(value, name).toBe("");
    }
  });
});
