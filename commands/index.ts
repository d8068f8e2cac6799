// Every command, listed explicitly (no folder scanning) and validated once at import.
import { ask } from "./ask.js";
import { chip } from "./chip.js";
import { compare } from "./compare.js";
import { gap } from "./gap.js";
import { help } from "./help.js";
import { model } from "./model.js";
import { type Command, CommandDefinition } from "./schema.js";
import { source } from "./source.js";

export type { Command, CommandOption, Intent } from "./schema.js";

export const commands: readonly Command[] = [gap, chip, model, compare, ask, source, help].map((c) =>
  CommandDefinition.parse(c),
);

export function findCommand(name: string): Command | undefined {
  const n = name.replace(/^\//, "").toLowerCase();
  return commands.find((c) => c.name === n || c.slack_name === n);
}
