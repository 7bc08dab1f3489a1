import { describe, expect, it } from "vitest";
import { createManualClock, createRateLimiter } from "../src/index.js";

describe("rate limiter", () => {
  it("1,000 calls under the default limit never exceed 100 in any 60 s window and finish within 1% of the ideal time", async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ clock });
    const starts: number[] = [];
    const calls = Array.from({ length: 1000 }, () => limiter.acquire().then(() => starts.push(clock.now())));
    while (starts.length < 1000) if (!(await clock.runNext())) await Promise.resolve();
    await Promise.all(calls);

    // Sliding check: for every start, the starts within the following 60 s are at most 100.
    const sorted = [...starts].sort((a, b) => a - b);
    let maxInWindow = 0;
    for (let i = 0, j = 0; i < sorted.length; i++) {
      while (sorted[j]! < sorted[i]! - 59_999) j++;
      maxInWindow = Math.max(maxInWindow, i - j + 1);
    }
    expect(maxInWindow).toBe(100);
    // Ideal: 100 at once, then 100 more every 60 s; the last batch starts at 9 × 60 s.
    const ideal = 9 * 60_000;
    expect(Math.abs(sorted.at(-1)! - ideal)).toBeLessThanOrEqual(ideal * 0.01);
  });

  it("grants slots in arrival order", async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ clock, limit: 2, windowMs: 1000 });
    const order: number[] = [];
    const calls = [0, 1, 2, 3, 4].map((n) => limiter.acquire().then(() => order.push(n)));
    for (let i = 0; i < 10 && order.length < 5; i++) await clock.runNext();
    await Promise.all(calls);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(clock.now()).toBe(2000);
  });

  it("an abort while waiting ends at once and gives the slot to the next caller", async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ clock, limit: 1, windowMs: 1000 });
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error("stop"));
    await expect(aborted).rejects.toThrow("stop");
    expect(clock.now()).toBe(0);
    await clock.advance(1000);
    await expect(next).resolves.toBe(1000);
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => createRateLimiter({ clock: createManualClock(), limit: 0 })).toThrow("rate limit must be a positive integer, got 0");
  });
});
