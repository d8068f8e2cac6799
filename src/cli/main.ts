// The gapbot command line: one small file per subcommand, listed here explicitly.
import process from "node:process";

type Subcommand = (argv: string[]) => Promise<number>;

const subcommands: Record<string, () => Promise<Subcommand>> = {
  ask: async () => (await import("./ask.js")).default,
  chart: async () => (await import("./chart.js")).chart,
  facts: async () => (await import("./list.js")).list("facts"),
  entities: async () => (await import("./list.js")).list("entities"),
  topics: async () => (await import("./list.js")).list("topics"),
  render: async () => (await import("./render.js")).default,
  report: async () => (await import("./report.js")).default,
  start: async () => (await import("./start.js")).start,
  console: async () => (await import("./console.js")).default,
  check: async () => (await import("./check.js")).default,
  ingest: async () => (await import("./ingest.js")).default,
};

export async function main(argv: string[]): Promise<number> {
  // No arguments: the console, the tokenless way to try the bot.
  const [name, ...rest] = argv.length ? argv : ["console"];
  const load = name ? subcommands[name] : undefined;
  if (!load) {
    process.stderr.write(
      `gapbot: unknown command ${JSON.stringify(name ?? "")}. Try: ${Object.keys(subcommands).join(", ")}\n`,
    );
    return 2;
  }
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Our own errors already say "gapbot: …"; say it once.
    const message = String((err as Error)?.message ?? err).replace(/^gapbot: /, "");
    process.stderr.write(`gapbot: ${message}\n`);
    process.exitCode = 1;
  },
);
