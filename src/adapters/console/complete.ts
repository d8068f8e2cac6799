// Tab completion for the interactive console: command names, then the names each command's option
// autocompletes on the platforms (the same core.complete that feeds Discord's autocomplete).
import { commands, findCommand } from "../../../commands/index.js";
import type { Core } from "../../core/index.js";

const CONSOLE_COMMANDS = ["/quit"];

/** readline's completer contract: the candidates, and the tail of the line they replace. */
export function completeLine(core: Pick<Core, "complete">, line: string): [string[], string] {
  if (!line.startsWith("/")) return [[], line];
  const space = line.indexOf(" ");
  if (space === -1) {
    // A trailing space after a command that takes an argument, so that typing goes straight on to it.
    const names = [
      ...commands.map((c) => `/${c.name}${c.options.length > 0 ? " " : ""}`),
      ...CONSOLE_COMMANDS,
    ];
    return [names.filter((n) => n.startsWith(line.toLowerCase())), line];
  }
  const kind = findCommand(line.slice(1, space))?.options.find((o) => o.autocomplete)?.autocomplete;
  const partial = line.slice(space + 1).trimStart();
  if (!kind) return [[], partial];
  return [core.complete(kind, partial, 25).map((c) => c.value), partial];
}
