// gapbot report [--since 7d] [--json]: what was asked, what went unanswered and what was disliked, from the
// question record in DATA_DIR. Needs no token; with no database yet it reports an empty period.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import process from "node:process";
import { renderReportText } from "../report/render-report.js";
import { buildReport } from "../report/report.js";
import { withDotEnv } from "../start.js";
import { DATABASE_FILE, DEFAULT_DATA_DIR, openDatabase } from "../storage/database.js";
import { QuestionLog as Log, type QuestionLog } from "../storage/question-log.js";
import { parseArgs } from "./args.js";

const USAGE = `Usage: gapbot report [--since 7d] [--json]

The questions recorded in the last period (--since: 30m, 12h, 7d or 4w; 7d by default): how many were
answered and not found, the 👍/👎 votes, per platform and per command; the most frequent unanswered
questions, grouped by the words they share; the most disliked answers with their facts; the answers
resting on the lowest ranker scores. --json prints the same as one JSON object.
The record is kept in DATA_DIR (default ./data); RECORD_QUESTIONS=off stops it.
`;

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "7d" → 7 days in ms; undefined for anything else. */
export function parsePeriod(text: string): number | undefined {
  const m = /^(\d{1,6})([mhdw])$/.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 ? n * (UNIT_MS[m[2] as string] as number) : undefined;
}

export default async function report(argv: string[]): Promise<number> {
  const { flags, rest } = parseArgs(argv, ["since"]);
  if (flags.has("help") || rest.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (rest.length) {
    process.stderr.write(`gapbot report: unexpected ${JSON.stringify(rest[0])}\n${USAGE}`);
    return 2;
  }
  const sinceFlag = flags.get("since");
  const period = parsePeriod(typeof sinceFlag === "string" ? sinceFlag : "7d");
  if (period === undefined) {
    process.stderr.write(
      `gapbot report: --since must be a number and a unit, m, h, d or w (e.g. 7d), not ${JSON.stringify(sinceFlag === true ? "" : sinceFlag)}\n`,
    );
    return 2;
  }
  const { env } = withDotEnv(process.env, process.cwd());
  const dir = resolve(env.DATA_DIR?.trim() || DEFAULT_DATA_DIR);
  const until = Date.now();
  const since = until - period;
  // No database yet (a fresh clone, or the record switched off from the start): an empty period, and no
  // file is made just to say so.
  let log: QuestionLog | undefined;
  if (existsSync(join(dir, DATABASE_FILE))) log = new Log(openDatabase({ dir }), { retentionDays: 36_500 });
  const result = buildReport(log?.since(since) ?? [], since, until);
  process.stdout.write(
    flags.has("json") ? `${JSON.stringify(result, null, 2)}\n` : `${renderReportText(result)}\n`,
  );
  return 0;
}
