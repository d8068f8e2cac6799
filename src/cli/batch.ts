// Answers one query, or every non-blank stdin line in order with exactly one output each: the
// contract of `gapbot ask` and `gapbot render`, and of the grader.
import { createInterface } from "node:readline";

export async function eachQuery(
  rest: string[],
  input: NodeJS.ReadableStream,
  answer: (query: string) => string,
  write: (text: string) => void,
): Promise<void> {
  if (rest.length > 0) {
    write(answer(rest.join(" ")));
    return;
  }
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let out: string;
    try {
      out = answer(line);
    } catch (err) {
      // One line in, one line out, whatever happens.
      out = JSON.stringify({ query: line, kind: "error", error: (err as Error).message });
    }
    write(out);
  }
}
