// `gapbot start`: every platform whose credentials are set, or the console with none (see src/start.ts).
import process from "node:process";
import { startBot } from "../start.js";

const USAGE = `Usage: gapbot start

Starts Slack and/or Discord when their tokens are set (environment, or a .env file in the current
folder), else the console: interactive on a terminal, one answer per line of piped input.
  printf '/gap compute\\n' | gapbot start
Settings: README.md (Settings) and .env.example.
`;

/** Once startBot has returned, a handle an SDK left open must not keep the process alive. */
const EXIT_AFTER_MS = 1_000;

export async function start(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`gapbot start: unexpected ${JSON.stringify(argv[0])}\n${USAGE}`);
    return 2;
  }
  const code = await startBot(process.env);
  setTimeout(() => process.exit(code), EXIT_AFTER_MS).unref();
  return code;
}
