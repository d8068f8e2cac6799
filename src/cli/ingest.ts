// gapbot ingest FILE --id ID --title TITLE [--url URL] [--published YYYY-MM-DD] [--publisher NAME]
// [--author NAME]… [--knowledge DIR]: adds a source and drafts its knowledge (src/knowledge/ingest/).
import { readFileSync } from "node:fs";
import process from "node:process";
import { IngestConflict, ingest } from "../knowledge/ingest/write.js";
import { parseArgs } from "./args.js";
import { knowledgeDirOf } from "./knowledge-flags.js";

export const USAGE =
  "usage: gapbot ingest FILE --id ID --title TITLE [--url URL] [--published YYYY-MM-DD] [--publisher NAME] [--author NAME]… [--knowledge DIR]";

export default async function ingestCommand(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, ["id", "title", "url", "published", "publisher", "author", "knowledge"]);
  const { flags, rest } = parsed;
  const value = (name: string) => {
    const v = flags.get(name);
    return typeof v === "string" && v.trim() ? v.trim() : undefined;
  };
  const file = rest[0];
  const id = value("id");
  const title = value("title");
  const problems = [
    ...(file ? [] : ["say which FILE to ingest"]),
    ...(id === undefined ? ["--id is needed (lower-case letters, digits and dashes)"] : []),
    ...(id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(id)
      ? [`--id ${JSON.stringify(id)}: use lower-case letters, digits and dashes`]
      : []),
    ...(title === undefined ? ["--title is needed"] : []),
    ...(value("published") !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value("published") ?? "")
      ? [`--published ${JSON.stringify(value("published"))}: write the date as YYYY-MM-DD`]
      : []),
    ...(rest.length > 1 ? [`one FILE at a time (got ${rest.length})`] : []),
  ];
  if (flags.has("help") || problems.length > 0) {
    for (const p of problems) process.stderr.write(`gapbot ingest: ${p}\n`);
    process.stderr.write(`${USAGE}\n`);
    return flags.has("help") && problems.length === 0 ? 0 : 2;
  }
  let text: string;
  try {
    text = readFileSync(file as string, "utf8");
  } catch (err) {
    process.stderr.write(`gapbot ingest: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const dir = knowledgeDirOf(parsed);
  const tty = process.stderr.isTTY === true;
  const began = performance.now();
  try {
    const result = ingest({
      dir,
      text,
      id: id as string,
      title: title as string,
      ...(value("url") ? { url: value("url") } : {}),
      ...(value("published") ? { published: value("published") } : {}),
      ...(value("publisher") ? { publisher: value("publisher") } : {}),
      authors: (parsed.all.get("author") ?? []).map((a) => a.trim()).filter(Boolean),
      // Progress on a terminal only: a log or a pipe gets the summary alone.
      ...(tty
        ? {
            onProgress: (done: number, total: number) =>
              process.stderr.write(
                `\rgapbot ingest: drafting ¶${done}/${total}${done === total ? "\n" : ""}`,
              ),
          }
        : {}),
    });
    const ms = Math.round(performance.now() - began);
    process.stdout.write(
      `${id}: ${result.paragraphs} paragraphs, ${result.facts} draft facts, ${result.entities} draft entities, ` +
        `${result.ignored} ignored numbers, proposed for ${result.topics} topics; ${result.kept} curated facts kept` +
        `${result.moved.length ? ` (${result.moved.length} moved: ${result.moved.join(", ")})` : ""}, in ${ms} ms\n` +
        `Written under ${dir}; the draft passes the check. Curate it: edit the YAML and remove each \`draft: true\`.\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof IngestConflict) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
