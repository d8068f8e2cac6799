import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { discordCommandsFile, discordCommandsJson } from "../../../src/adapters/discord/commands-json.js";
import { discordCommandPayloads } from "../../../src/adapters/discord/commands-payload.js";

describe("discordCommandPayloads", () => {
  const payloads = discordCommandPayloads(commands);

  it("declares every command as a CHAT_INPUT command with its description", () => {
    expect(payloads.map((p) => p.name)).toEqual(commands.map((c) => c.name));
    for (const p of payloads) {
      expect(p.type).toBe(1);
      expect(p.description).toBe(commands.find((c) => c.name === p.name)?.description);
    }
  });

  it("maps /compare's options to required STRING options with autocomplete and max_length", () => {
    expect(payloads.find((p) => p.name === "compare")?.options).toEqual([
      {
        type: 3,
        name: "first",
        description: "The first chip, model or company",
        required: true,
        autocomplete: true,
        max_length: 250,
      },
      {
        type: 3,
        name: "second",
        description: "The second chip, model or company",
        required: true,
        autocomplete: true,
        max_length: 250,
      },
      { type: 5, name: "private", description: "Only you see the answer", required: false },
    ]);
  });

  it("offers autocomplete exactly where the definition names an entity list", () => {
    for (const c of commands) {
      const options = payloads.find((p) => p.name === c.name)?.options ?? [];
      for (const o of c.options) {
        expect(options.find((p) => p.name === o.name)?.autocomplete === true).toBe(
          o.autocomplete !== undefined,
        );
      }
    }
  });

  it("ends every command with the optional private BOOLEAN, after all required options (Discord's rule)", () => {
    for (const p of payloads) {
      expect(p.options.at(-1)).toEqual({
        type: 5,
        name: "private",
        description: "Only you see the answer",
        required: false,
      });
      const firstOptional = p.options.findIndex((o) => !o.required);
      expect(p.options.slice(firstOptional).every((o) => !o.required)).toBe(true);
      expect(p.options.length).toBeLessThanOrEqual(25);
    }
  });
});

describe("commands/discord-commands.json", () => {
  it("is what the command definitions generate (run npm run discord:commands after changing them)", () => {
    expect(readFileSync(discordCommandsFile(), "utf8")).toBe(discordCommandsJson());
  });
});
