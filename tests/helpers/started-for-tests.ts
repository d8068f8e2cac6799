// A part the tests of a file (or of a describe block, when called inside one) share: started before them,
// stopped after them, whatever happened in between.
import { afterAll, beforeAll } from "vitest";

/** The returned function gives the running part to the tests; called outside a test, it says why not. */
export function startedForTests<T>(
  what: string,
  start: () => Promise<T>,
  stop: (running: T) => Promise<void>,
): () => T {
  let running: T | undefined;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    if (running !== undefined) await stop(running);
  });
  return () => {
    if (running === undefined) throw new Error(`${what} starts in beforeAll: use it inside a test`);
    return running;
  };
}
