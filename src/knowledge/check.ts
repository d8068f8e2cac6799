// `npm run knowledge:check [dir]`: validates knowledge/ and prints every problem as `file › id › field: message`
// (exit 1), or a one-line summary (exit 0). It runs in `npm test`, so it stays a plain, fast read.
import { realpathSync } from "node:fs";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { defaultKnowledgeDir, formatProblem, readKnowledge } from "./load.js";
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
  process.exitCode = runCheck(process.argv[2] ?? defaultKnowledgeDir(), (line) =>
    process.stdout.write(`${line}\n`),
  );
}
