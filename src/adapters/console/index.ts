// The console adapter (as hubot's Shell): the tokenless way to try gapbot, and its end-to-end test harness.
// Interactive on a terminal (readline: https://nodejs.org/docs/latest-v20.x/api/readline.html); on piped
// input it answers each non-blank line and returns at the end of input.
import { once } from "node:events";
import { createInterface, type Interface } from "node:readline";
import { commands, findCommand } from "../../../commands/index.js";
import type { Core } from "../../core/index.js";
import { renderText } from "../../core/render-text.js";
import type { Logger } from "../../log.js";
import { answerTurn } from "../../runtime/turn.js";
import { completeLine } from "./complete.js";

export interface ConsoleOptions {
  core: Core;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal: a prompt, history, /help, /quit. False for piped input. */
  interactive: boolean;
  logger: Logger;
  /** Aborting ends the console as the end of input would (SIGTERM, SIGINT). */
  signal?: AbortSignal;
}

export const PROMPT = "gapbot> ";
const HISTORY_SIZE = 500;

export const CONSOLE_HELP = [
  "Ask about the China–US AI compute gap, in a question or a command:",
  ...commands.map((c) => `  /${c.name}${c.usage_hint ? ` ${c.usage_hint}` : ""}  — ${c.description}`),
  "  /quit (or Ctrl-D)  — leave",
  "Up and down arrows walk the history; Tab completes commands and names.",
].join("\n");

/** The command a line runs, for the log line: "gap" for "/gap compute", "text" for a question. */
function commandOf(line: string): string {
  if (!line.startsWith("/")) return "text";
  const name = line.slice(1).split(/\s/, 1)[0] ?? "";
  return findCommand(name)?.name ?? "unknown";
}

async function write(output: NodeJS.WritableStream, text: string): Promise<void> {
  // Honour back-pressure, so that a long piped batch does not pile up in memory.
  if (!output.write(text)) await once(output, "drain");
}

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { core, input, output, interactive, logger, signal } = options;
  if (signal?.aborted) return;
  const rl: Interface = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    historySize: interactive ? HISTORY_SIZE : 0,
    crlfDelay: Number.POSITIVE_INFINITY,
    completer: interactive ? (line: string) => completeLine(core, line) : undefined,
  });
  // Take the iterator now: lines that arrive while the banner is written must not be lost.
  const lines = rl[Symbol.asyncIterator]();
  const close = () => rl.close();
  signal?.addEventListener("abort", close, { once: true });
  // Ctrl-C on an empty line leaves, as in most shells' REPLs; on a half-typed line it clears it.
  rl.on("SIGINT", () => {
    if (rl.line.length > 0) {
      rl.write(null, { ctrl: true, name: "u" });
      rl.prompt();
    } else rl.close();
  });

  const ctx = { core, logger };
  let answered = 0;
  try {
    if (interactive) {
      await write(output, "gapbot — the China–US AI compute gap, with cited figures. /help for commands.\n");
      rl.setPrompt(PROMPT);
      rl.prompt();
    }
    for await (const raw of { [Symbol.asyncIterator]: () => lines }) {
      const line = raw.trim();
      if (line === "") {
        if (interactive) rl.prompt();
        continue;
      }
      if (line === "/quit" || line === "/exit") break;
      if (interactive && line === "/help") {
        await write(output, `${CONSOLE_HELP}\n\n`);
        rl.prompt();
        continue;
      }
      const card = answerTurn(ctx, { platform: "console", command: commandOf(line) }, { text: line });
      // A blank line between answers, none before the first: piped output reads as a list of answers.
      await write(output, `${answered++ > 0 && !interactive ? "\n" : ""}${renderText(card)}\n`);
      if (interactive) {
        await write(output, "\n");
        rl.prompt();
      }
    }
  } finally {
    signal?.removeEventListener("abort", close);
    rl.close();
    if (interactive) output.write("\n");
  }
}
