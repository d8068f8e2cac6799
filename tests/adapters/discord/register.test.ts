import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { allDiscordPayloads } from "../../../src/adapters/discord/commands-json.js";
import type { DiscordChatCommandPayload } from "../../../src/adapters/discord/commands-payload.js";
import {
  diffCommands,
  formatRegisterResult,
  registerDiscordCommands,
} from "../../../src/adapters/discord/register.js";
import { DiscordStandIn } from "../../helpers/discord-stand-in.js";
import { ensureBuilt, root } from "../../start/ensure-built.js";

const payloads = allDiscordPayloads();
const names = payloads.map((p) => p.name);
const chat = (name: string) =>
  payloads.find((p): p is DiscordChatCommandPayload => p.type === 1 && p.name === name);

describe("registerDiscordCommands against the REST stand-in", () => {
  let standIn: DiscordStandIn;
  beforeEach(async () => {
    standIn = await DiscordStandIn.start();
  });
  afterEach(async () => {
    await standIn.close();
  });

  const settings = () => ({
    token: standIn.token,
    apiUrl: standIn.apiUrl,
    applicationId: standIn.applicationId,
  });

  it("on first run, GETs then PUTs the generated payloads globally and reports them all added", async () => {
    const result = await registerDiscordCommands(settings());
    const path = `/v10/applications/${standIn.applicationId}/commands`;
    expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${path}`, `PUT ${path}`]);
    expect(standIn.requests[1]?.body).toEqual(payloads);
    // Discord leaves translations out of a GET unless asked: without them every run would look unchanged.
    expect(standIn.requests[0]?.query.get("with_localizations")).toBe("true");
    expect(standIn.requests[1]?.authorization).toBe(`Bot ${standIn.token}`);
    expect(result).toEqual({
      target: "global",
      added: names,
      changed: [],
      removed: [],
      unchanged: [],
    });
  });

  it("on a second run, reports every command unchanged (Discord's extra fields do not count as changes)", async () => {
    await registerDiscordCommands(settings());
    const again = await registerDiscordCommands(settings());
    expect(again.unchanged).toEqual(names);
    expect([...again.added, ...again.changed, ...again.removed]).toEqual([]);
  });

  it("registers to one guild when DISCORD_GUILD_ID is set, reporting changed and removed commands", async () => {
    const guildId = standIn.guildId;
    const stale = payloads.map((p) => (p.name === "ask" ? { ...p, description: "An old description" } : p));
    standIn.commands.set(guildId, [...stale, { type: 1, name: "old", description: "Gone", options: [] }]);
    const result = await registerDiscordCommands({ ...settings(), guildId });
    expect(standIn.requests.at(-1)?.path).toBe(
      `/v10/applications/${standIn.applicationId}/guilds/${guildId}/commands`,
    );
    expect(result.target).toBe(`guild ${guildId}`);
    expect(result.changed).toEqual(["ask"]);
    expect(result.removed).toEqual(["old"]);
    expect(result.added).toEqual([]);
    expect(standIn.commands.get(guildId)?.map((c) => (c as { name: string }).name)).toEqual(names);
  });

  it("refuses to run without an application id, naming the variable", async () => {
    await expect(registerDiscordCommands({ token: standIn.token, apiUrl: standIn.apiUrl })).rejects.toThrow(
      /DISCORD_APPLICATION_ID/,
    );
    expect(standIn.requests).toEqual([]);
  });
});

describe("diffCommands and formatRegisterResult", () => {
  it("treats a changed option as a changed command", () => {
    const gap = chat("gap");
    if (!gap) throw new Error("no /gap");
    const before = [{ ...gap, options: gap.options.map((o) => ({ ...o, description: "was" })) }];
    expect(diffCommands(before, [gap]).changed).toEqual(["gap"]);
  });

  it("treats a changed translation or install context as a changed command", () => {
    const gap = chat("gap");
    if (!gap) throw new Error("no /gap");
    const retranslated = { ...gap, name_localizations: { "zh-CN": "旧名" } };
    const guildOnly = { ...gap, integration_types: [0] };
    expect(diffCommands([retranslated], [gap]).changed).toEqual(["gap"]);
    expect(diffCommands([guildOnly], [gap]).changed).toEqual(["gap"]);
  });

  it("knows a slash command and a message command of the same name apart", () => {
    const ask = chat("ask");
    if (!ask) throw new Error("no /ask");
    const menu = { type: 3, name: "ask", description: "" };
    expect(diffCommands([menu], [ask])).toEqual({
      added: ["ask"],
      changed: [],
      removed: ["ask"],
      unchanged: [],
    });
  });

  it("prints one line per kind of change", () => {
    const text = formatRegisterResult(
      { target: "global", added: ["gap"], changed: ["ask"], removed: ["old"], unchanged: ["help"] },
      "123",
    );
    expect(text).toBe(
      [
        "Registered 3 Discord commands globally (application 123).",
        "  added:     gap",
        "  changed:   ask",
        "  removed:   old",
        "  unchanged: help",
        "",
      ].join("\n"),
    );
  });
});

describe("npm run discord:register (the built script)", () => {
  const script = join(root, "dist", "src", "adapters", "discord", "register.js");
  const run = (env: Record<string, string>) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      // Asynchronous: the stand-in answering it lives in this process.
      execFile(
        process.execPath,
        [script],
        { env: { PATH: process.env.PATH ?? "", ...env } },
        (err, stdout, stderr) =>
          resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
      );
    });

  beforeAll(() => ensureBuilt(), 60_000);

  it("registers from DISCORD_* variables and prints what changed", async () => {
    const standIn = await DiscordStandIn.start();
    try {
      const result = await run({
        DISCORD_TOKEN: standIn.token,
        DISCORD_APPLICATION_ID: standIn.applicationId,
        DISCORD_GUILD_ID: standIn.guildId,
        DISCORD_API_URL: standIn.apiUrl,
      });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        `Registered ${names.length} Discord commands to guild ${standIn.guildId} (application ${standIn.applicationId}).`,
      );
      expect(result.stdout).toContain(`added:     ${names.join(", ")}`);
      expect(standIn.commands.get(standIn.guildId)).toHaveLength(names.length);
    } finally {
      await standIn.close();
    }
  });

  it("without DISCORD_TOKEN, exits 1 saying which variable is missing", async () => {
    const result = await run({});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DISCORD_TOKEN is not set/);
  });
});
