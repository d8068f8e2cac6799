import { describe, expect, it } from "vitest";
import { isTransient, retryTransient } from "../../src/runtime/retry.js";

const httpError = (status: number) => Object.assign(new Error(`HTTP ${status}`), { statusCode: status });

describe("retryTransient", () => {
  it("treats 429, 5xx and a request with no answer as passing; 4xx as final", () => {
    expect([429, 500, 503].map((s) => isTransient(httpError(s)))).toEqual([true, true, true]);
    expect([400, 404, 410].map((s) => isTransient(httpError(s)))).toEqual([false, false, false]);
    expect(isTransient(new TypeError("fetch failed"))).toBe(true);
  });

  it("given two 503s, succeeds on the third try; given a third, gives up with it", async () => {
    let calls = 0;
    const flaky = (failures: number) => async () => {
      calls += 1;
      if (calls <= failures) throw httpError(503);
      return "ok";
    };
    expect(await retryTransient(flaky(2), [1, 1])).toBe("ok");
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryTransient(flaky(3), [1, 1])).rejects.toThrow("HTTP 503");
    expect(calls).toBe(3);
  });

  it("given a 404, does not try again", async () => {
    let calls = 0;
    const gone = async () => {
      calls += 1;
      throw httpError(404);
    };
    await expect(retryTransient(gone, [1, 1])).rejects.toThrow("HTTP 404");
    expect(calls).toBe(1);
  });

  it("given a 429 asking for a longer wait than planned, waits that long; told it may not, gives up", async () => {
    const limited = Object.assign(httpError(429), { retryAfterMs: 120 });
    let calls = 0;
    const waits: number[] = [];
    const once = async () => {
      calls += 1;
      if (calls === 1) throw limited;
      return "ok";
    };
    const started = Date.now();
    expect(await retryTransient(once, [1], (_e, _a, delay) => waits.push(delay))).toBe("ok");
    expect(waits).toEqual([120]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    calls = 0;
    await expect(
      retryTransient(
        once,
        [1],
        () => {},
        (delay) => delay < 100,
      ),
    ).rejects.toBe(limited);
    expect(calls).toBe(1);
  });
});
