// A stream a test hands to startBot as stdout or stderr: what was written, as text and as JSON log lines.
import { PassThrough } from "node:stream";

export function sink() {
  const stream = new PassThrough();
  let written = "";
  stream.on("data", (chunk: Buffer) => {
    written += chunk.toString("utf8");
  });
  return {
    stream,
    text: () => written,
    logs: () =>
      written
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
