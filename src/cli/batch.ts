// Answers one query, or every non-blank stdin line in order with exactly one output each: the
// contract of `gapbot ask` and `gapbot render`, and of the grader. A line ends at "\n" only (a "\r"
// before it is dropped; a lone "\r" inside a line is part of it), so no input splits one line in two.
import { StringDecoder } from "node:string_decoder";

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
  const one = (raw: string) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (!line.trim()) return;
    let out: string;
    try {
      out = answer(line);
    } catch (err) {
      // One line in, one line out, whatever happens.
      out = JSON.stringify({ query: line, kind: "error", error: (err as Error).message });
    }
    write(out);
  };
  const decoder = new StringDecoder("utf8");
  let pending = "";
  for await (const chunk of input) {
    pending += typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
    let at = pending.indexOf("\n");
    while (at >= 0) {
      one(pending.slice(0, at));
      pending = pending.slice(at + 1);
      at = pending.indexOf("\n");
    }
  }
  one(pending + decoder.end());
}
