// Tiny flag parsing for the CLI: --json, --platform NAME, --out FILE; the rest is the query.
export interface Parsed {
  flags: Map<string, string | true>;
  rest: string[];
}

export function parseArgs(argv: string[], valued: readonly string[] = []): Parsed {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
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
    if (m[2] !== undefined) flags.set(name, m[2]);
    else if (valued.includes(name)) flags.set(name, argv[++i] ?? "");
    else flags.set(name, true);
  }
  return { flags, rest };
}
