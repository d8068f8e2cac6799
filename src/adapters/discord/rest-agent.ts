// discord.js REST gets its own HTTP agent, made by the undici it is built on. undici keeps one global
// dispatcher for every copy loaded (Symbol.for("undici.globalDispatcher.1")): with Bolt in the same process,
// Bolt's undici 7 may own it, and it fails on discord.js's undici 6 FormData, i.e. on every file upload
// (the chart PNG: "action is not a function"). https://github.com/nodejs/undici/blob/main/docs/api/GlobalInstallation.md
import { createRequire } from "node:module";
import type { Agent } from "undici";

export function discordRestAgent(): Agent {
  // Resolved from @discordjs/rest, so that it is its own copy whatever the hoisting.
  const fromRest = createRequire(createRequire(import.meta.url).resolve("@discordjs/rest"));
  const undici = fromRest("undici") as typeof import("undici");
  return new undici.Agent();
}
