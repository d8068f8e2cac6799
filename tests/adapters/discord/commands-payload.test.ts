import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adminCommands, type Command, commands, messageCommands } from "../../../commands/index.js";
import { CommandDefinition } from "../../../commands/schema.js";
import {
  allDiscordPayloads,
  discordCommandsFile,
  discordCommandsJson,
} from "../../../src/adapters/discord/commands-json.js";
import {
  type DiscordChatCommandPayload,
  discordCommandPayloads,
  MANAGE_GUILD,
} from "../../../src/adapters/discord/commands-payload.js";
import { validDiscordPayloads } from "../../../src/adapters/discord/payload-schema.js";

const payloads = allDiscordPayloads();
const admin = new Set(adminCommands.map((c) => c.name));
const chat = payloads.filter((p): p is DiscordChatCommandPayload => p.type === 1 && !admin.has(p.name));

/** A made-up admin command, to test what an admin command becomes without depending on which exist. */
const adminCommand: Command = CommandDefinition.parse({
  name: "tune",
  description: "Tune something for this channel",
  options: [{ name: "what", description: "What to tune", type: "string", required: true }],
  examples: ["/tune x"],
  intent: "help",
  admin: true,
  localizations: {
    "zh-CN": {
      name: "调整",
      description: "调整本频道",
      options: { what: { name: "什么", description: "调整什么" } },
    },
  },
});

describe("discordCommandPayloads", () => {
  it("declares every command as a CHAT_INPUT command with its description, then the message commands", () => {
    expect(chat.map((p) => p.name)).toEqual(
      commands.filter((c) => c.platforms.includes("discord")).map((c) => c.name),
    );
    expect(payloads.filter((p) => admin.has(p.name)).map((p) => p.name)).toEqual(["settings"]);
    for (const p of chat) expect(p.description).toBe(commands.find((c) => c.name === p.name)?.description);
    expect(payloads.filter((p) => p.type === 3)).toEqual([
      {
        type: 3,
        name: "Ask gapbot",
        name_localizations: { "zh-CN": "问 gapbot" },
        description: "",
        contexts: [0, 1, 2],
        integration_types: [0, 1],
        default_member_permissions: null,
      },
    ]);
  });

  it("maps /compare's options to required STRING options with autocomplete, max_length and zh-CN names", () => {
    expect(chat.find((p) => p.name === "compare")?.options).toEqual([
      {
        type: 3,
        name: "first",
        name_localizations: { "zh-CN": "第一项" },
        description: "The first chip, model or company",
        description_localizations: { "zh-CN": "第一个芯片、模型或公司" },
        required: true,
        autocomplete: true,
        max_length: 250,
      },
      {
        type: 3,
        name: "second",
        name_localizations: { "zh-CN": "第二项" },
        description: "The second chip, model or company",
        description_localizations: { "zh-CN": "第二个芯片、模型或公司" },
        required: true,
        autocomplete: true,
        max_length: 250,
      },
      {
        type: 5,
        name: "private",
        name_localizations: { "zh-CN": "仅自己可见" },
        description: "Only you see the answer",
        description_localizations: { "zh-CN": "只有你能看到回答" },
        required: false,
      },
    ]);
  });

  it("gives every command and every option a zh-CN name and description", () => {
    for (const p of chat) {
      expect(p.name_localizations["zh-CN"], p.name).toBeTruthy();
      expect(p.description_localizations["zh-CN"], p.name).toBeTruthy();
      for (const o of p.options) {
        expect(o.name_localizations["zh-CN"], `${p.name} ${o.name}`).toBeTruthy();
        expect(o.description_localizations["zh-CN"], `${p.name} ${o.name}`).toBeTruthy();
      }
    }
    for (const p of payloads) expect(p.name_localizations["zh-CN"]).toBeTruthy();
  });

  it("lets anyone use every chat command anywhere: servers, the bot's DM, other DMs, user installs", () => {
    for (const p of payloads.filter((p) => !admin.has(p.name))) {
      expect(p.integration_types, p.name).toEqual([0, 1]);
      expect(p.contexts, p.name).toEqual([0, 1, 2]);
      expect(p.default_member_permissions, p.name).toBeNull();
    }
  });

  it("keeps an admin command to servers that added the bot and to members with Manage Server", () => {
    const [tune] = discordCommandPayloads([adminCommand]);
    expect(tune).toMatchObject({
      contexts: [0],
      integration_types: [0],
      default_member_permissions: MANAGE_GUILD,
    });
    // An admin's answer is always private: no private option to offer.
    expect((tune as DiscordChatCommandPayload).options.map((o) => o.name)).toEqual(["what"]);
  });

  it("registers /settings for server admins only, with its options and no private option", () => {
    const settings = payloads.find((p) => p.name === "settings") as DiscordChatCommandPayload;
    expect(settings).toMatchObject({
      type: 1,
      contexts: [0],
      integration_types: [0],
      default_member_permissions: MANAGE_GUILD,
      name_localizations: { "zh-CN": "设置" },
    });
    expect(settings.options.map((o) => [o.name, o.type, o.required])).toEqual([
      ["mentions", 5, false],
      ["follow_ups", 5, false],
      ["replies", 3, false],
      ["sources", 3, false],
    ]);
  });

  it("offers autocomplete exactly where the definition names an entity list", () => {
    for (const c of commands) {
      const options = chat.find((p) => p.name === c.name)?.options ?? [];
      for (const o of c.options) {
        expect(options.find((p) => p.name === o.name)?.autocomplete === true).toBe(
          o.autocomplete !== undefined,
        );
      }
    }
  });

  it("ends every command with the optional private BOOLEAN, after all required options (Discord's rule)", () => {
    for (const p of chat) {
      expect(p.options.at(-1)).toMatchObject({ type: 5, name: "private", required: false });
      const firstOptional = p.options.findIndex((o) => !o.required);
      expect(p.options.slice(firstOptional).every((o) => !o.required)).toBe(true);
      expect(p.options.length).toBeLessThanOrEqual(25);
    }
  });
});

describe("Discord's rules, checked with zod", () => {
  const gap = chat.find((p) => p.name === "gap") as DiscordChatCommandPayload;

  it("accepts what commands/ generates", () => {
    expect(() => validDiscordPayloads(payloads)).not.toThrow();
  });

  it.each([
    [
      "a localized name with a space",
      { ...gap, name_localizations: { "zh-CN": "差 距" } },
      "name_localizations",
    ],
    ["a capital letter in a slash command's name", { ...gap, name: "Gap" }, "name"],
    [
      "a description over 100 characters",
      { ...gap, description_localizations: { "zh-CN": "长".repeat(101) } },
      "description_localizations",
    ],
    [
      "a required option after an optional one",
      { ...gap, options: [...gap.options, { ...gap.options[0], name: "late", required: true }] },
      "required options",
    ],
    ["an install context Discord does not have", { ...gap, contexts: [0, 3] }, "contexts"],
  ])("refuses %s, naming where", (_what, payload, where) => {
    expect(() => validDiscordPayloads([payload as DiscordChatCommandPayload])).toThrow(where);
  });

  it("refuses a message command with a description, and two commands of one type and name", () => {
    const menu = payloads.find((p) => p.type === 3);
    expect(() => validDiscordPayloads([{ ...menu, description: "x" } as never])).toThrow("description");
    expect(() => validDiscordPayloads([gap, gap])).toThrow("unique");
  });

  it("refuses a command definition whose translation misses an option or names one it lacks", () => {
    const base = {
      ...adminCommand,
      admin: false,
      localizations: { "zh-CN": { name: "调整", description: "调整" } },
    };
    expect(CommandDefinition.safeParse(base).success).toBe(false);
    const extra = {
      ...base,
      options: [],
      localizations: {
        "zh-CN": { name: "调整", description: "调整", options: { what: { name: "什么", description: "x" } } },
      },
    };
    expect(CommandDefinition.safeParse(extra).success).toBe(false);
    expect(messageCommands.length).toBeGreaterThan(0);
  });
});

describe("commands/discord-commands.json", () => {
  it("is what the command definitions generate (run npm run discord:commands after changing them)", () => {
    expect(readFileSync(discordCommandsFile(), "utf8")).toBe(discordCommandsJson());
  });
});
