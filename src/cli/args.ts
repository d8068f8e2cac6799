// Tiny flag parsing for the CLI: --json, --platform NAME, --out FILE, --source ID (repeatable); the rest is
// the query.
export interface Parsed {
  /** The last value of each flag, or true for a flag without a value. */
  flags: Map<string, string | true>;
  /** Every value of each valued flag, in order, for the flags that may repeat (--source a --source b). */
  all: Map<string, string[]>;
  rest: string[];
}

export function parseArgs(argv: string[], valued: readonly string[] = []): Parsed {
  const flags = new Map<string, string | true>();
  const all = new Map<string, string[]>();
  const rest: string[] = [];
  const set = (name: string, value: string) => {
    flags.set(name, value);
    all.set(name, [...(all.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--") {
      rest.push(...argv.slice(i + 1));
      break;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      rest.push(a);
      continue;
    }
    const name = m[1] ?? "";
    if (m[2] !== undefined) set(name, m[2]);
    else if (valued.includes(name)) set(name, argv[++i] ?? "");
    else flags.set(name, true);
  }
  return { flags, all, rest };
}
