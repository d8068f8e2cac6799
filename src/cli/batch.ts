// Answers one query, or every non-blank stdin line in order with exactly one output each: the
// contract of `gapbot ask` and `gapbot render`, and of the grader. A line ends at "\n" only (a "\r"
// before it is dropped; a lone "\r" inside a line is part of it), so no input splits one line in two.
import { StringDecoder } from "node:string_decoder";

/**
 * Lines as a file has them: split on "\n" only, a trailing "\r" dropped. (readline also splits on a lone
 * "\r", which would give two answers for one input line.) Bytes that are not UTF-8 become U+FFFD.
 */
export async function* inputLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  for await (const chunk of input) {
    const text = typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
    // Search only the new text: a 100 KB line in small chunks stays linear.
    let at = text.indexOf("\n");
    if (at < 0) {
      pending += text;
      continue;
    }
    let from = 0;
    while (at >= 0) {
      yield (pending + text.slice(from, at)).replace(/\r$/, "");
      pending = "";
      from = at + 1;
      at = text.indexOf("\n", from);
    }
    pending = text.slice(from);
  }
  pending += decoder.end();
  if (pending) yield pending.replace(/\r$/, "");
}

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
  for await (const line of inputLines(input)) {
    if (!line.trim()) continue;
    let out: string;
    try {
      out = answer(line);
    } catch (err) {
      // One line in, one line out, whatever happens.
      out = JSON.stringify({ query: line, kind: "error", error: (err as Error)?.message ?? String(err) });
    }
    write(out);
  }
}
