// `npm run manifest:slack`: writes commands/slack-manifest.json from the command definitions.
// `-- --base-url https://HOST` prints the HTTP-mode variant instead (request URLs HOST/slack/events).
import { writeFileSync } from "node:fs";
import process from "node:process";
import { commands } from "../../../commands/index.js";
import { slackManifestJson } from "./manifest.js";

export const MANIFEST_FILE = "commands/slack-manifest.json";

const args = process.argv.slice(2);
const at = args.indexOf("--base-url");
const baseUrl = at >= 0 ? args[at + 1] : undefined;
if (at >= 0 && !baseUrl?.startsWith("https://")) {
  process.stderr.write("manifest:slack: --base-url needs an https:// URL (Slack calls only https)\n");
  process.exitCode = 2;
} else if (baseUrl) {
  process.stdout.write(slackManifestJson(commands, { baseUrl }));
} else {
  writeFileSync(MANIFEST_FILE, slackManifestJson(commands));
  process.stdout.write(`wrote ${MANIFEST_FILE}\n`);
}
