// `npm run knowledge:check [dir]` (or --knowledge DIR, or KNOWLEDGE_DIR): validates knowledge/ and prints every problem as `file › id › field: message`
// (exit 1), or a one-line summary (exit 0). It runs in `npm test`, so it stays a plain, fast read.
import { realpathSync } from "node:fs";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { formatProblem, readKnowledge } from "./load.js";
import { knowledgeDirFrom } from "./load-checked.js";
import { validateKnowledge } from "./validate.js";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Validates `dir` and writes the report; returns the exit code. */
export function runCheck(dir: string, write: (line: string) => void): number {
  const loaded = readKnowledge(dir);
  const problems = validateKnowledge(loaded);
  if (problems.length > 0) {
    for (const p of problems) write(formatProblem(p));
    write(`knowledge: ${plural(problems.length, "problem", "problems")} in ${dir}`);
    return 1;
  }
  const k = loaded.knowledge;
  write(
    `knowledge: OK, ${plural(k.sources.length, "source", "sources")}, ${plural(k.entities.length, "entity", "entities")}, ` +
      `${plural(k.facts.length, "fact", "facts")}, ${plural(k.topics.length, "topic", "topics")}, ` +
      `${plural(k.ignored.length, "ignored number", "ignored numbers")}`,
  );
  return 0;
}

function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  const args = process.argv.slice(2);
  const flag = args.indexOf("--knowledge");
  const dir = flag >= 0 ? args[flag + 1] : args.find((a) => !a.startsWith("--"));
  process.exitCode = runCheck(knowledgeDirFrom(dir), (line) => process.stdout.write(`${line}\n`));
}
