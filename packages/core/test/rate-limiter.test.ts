import { describe, expect, it } from "vitest";
import { readStatusError, restProtocol } from "../src/runtime/index.js";
import { createManualClock, createRateLimiter, createTransport, resolveClientOptions, systemClock, type ApiDescriptor, type Authorizer, type ManualClock, type MethodDescriptor } from "../src/index.js";

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

/** The most starts within any `windowMs` of `times` (a start at t leaves the window at t + windowMs). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! <= sorted[i]! - windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const api: ApiDescriptor = { name: "t", baseUrl: "https://api.example", formats: { json: "/api/v4{method}" }, errorEnvelope: { nameField: "error", messageField: "errorDescription" }, readError: readStatusError, protocol: restProtocol, errorCodes: {} };
const get: MethodDescriptor<Record<string, never>, unknown> = { id: "GET /tasks", kind: "read", http: { method: "GET", path: "/tasks" }, encodeArgs: () => {}, decodeResult: (d) => d };

describe("rate limiter through the transport: a slot is stamped when the request leaves", () => {
  /** 20 calls at 10 per 2 s through an authorizer; returns the clock times at which fetch was called. */
  async function sendTimes(authorizer: Authorizer, clock: ManualClock): Promise<number[]> {
    const sent: number[] = [];
    const fetch = (async () => {
      sent.push(clock.now());
      return Response.json({ ok: true });
    }) as unknown as typeof globalThis.fetch;
    const transport = createTransport(api, { auth: authorizer, fetch, rateLimiter: createRateLimiter({ clock, limit: 10, windowMs: 2000 }) });
    const calls = Array.from({ length: 20 }, () => transport.call(get, {}));
    let done = false;
    void Promise.all(calls).then(() => (done = true));
    while (!done) if (!(await clock.runNext())) await new Promise((r) => setTimeout(r, 0));
    return sent;
  }

  it("a shared 1 s token refresh before the send: no 2 s window holds more than 10 starts", async () => {
    const clock = createManualClock();
    let refresh: Promise<void> | undefined;
    // Like an OAuth 2.0 session: the first call refreshes for 1 s, every other call waits for that refresh.
    const authorizer: Authorizer = { host: () => (refresh ??= clock.sleep(1000)).then(() => undefined), authorize: () => "Bearer t" };
    const sent = await sendTimes(authorizer, clock);
    expect(sent).toHaveLength(20);
    expect(busiestWindow(sent, 2000)).toBe(10);
  });

  it("an authorizer that takes 1 s every time: the slot is taken when its header is ready", async () => {
    const clock = createManualClock();
    const authorizer: Authorizer = { authorize: () => clock.sleep(1000).then(() => "Bearer t") };
    const sent = await sendTimes(authorizer, clock);
    expect(sent).toHaveLength(20);
    expect(busiestWindow(sent, 2000)).toBeLessThanOrEqual(10);
  });

  it("on the real clock, 10 per 200 ms holds for the sends whatever the authorizer takes (within a send's lag after its stamp)", async () => {
    const sent: number[] = [];
    const fetch = (async () => {
      sent.push(systemClock.now());
      return Response.json({ ok: true });
    }) as unknown as typeof globalThis.fetch;
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    // Between 0 and 15 ms per header, as a token store or a remote signer might take.
    const authorizer: Authorizer = { authorize: () => new Promise((r) => setTimeout(() => r("Bearer t"), random() * 15)) };
    const transport = createTransport(api, { auth: authorizer, fetch, rateLimiter: createRateLimiter({ clock: systemClock, limit: 10, windowMs: 200 }) });
    await Promise.all(Array.from({ length: 60 }, () => transport.call(get, {})));
    expect(sent).toHaveLength(60);
    // The limiter stamps a slot as the header is ready; fetch is called a few microtasks later, or after a
    // garbage collection that lands in between (seen on a loaded CI machine: a window of sends 11 wide by a
    // millisecond). So the sends are held to windows a little shorter than the limiter's: a limiter that let
    // more through would fill them (60 calls at once would all land in one), and the calls still take their windows.
    expect(busiestWindow(sent, 180)).toBeLessThanOrEqual(10);
    // Six windows' worth of calls: the last leaves at least five windows after the first.
    expect(Math.max(...sent) - Math.min(...sent)).toBeGreaterThanOrEqual(950);
  });
});

describe("v4's budget", () => {
  it("perSecond spreads 400 a minute over one-second windows (6 a second); the API's descriptor sets it by default", async () => {
    const clock = createManualClock();
    const { rateLimiter } = resolveClientOptions({ auth: { kind: "bearer", token: "t" }, clock }, { rateLimit: { requestsPerMinute: 400, perSecond: true } });
    const starts: number[] = [];
    const calls = Array.from({ length: 30 }, () => rateLimiter!.acquire().then(() => starts.push(clock.now())));
    while (starts.length < 30) if (!(await clock.runNext())) await Promise.resolve();
    await Promise.all(calls);
    expect(busiestWindow(starts, 1000)).toBe(6);
    expect(busiestWindow(starts, 60_000)).toBeLessThanOrEqual(400);
    expect(starts.at(-1)).toBe(4000);
  });

  it("without an API budget the default stays 100 a minute; a slow budget spreads one request per interval", async () => {
    const clock = createManualClock();
    const { rateLimiter } = resolveClientOptions({ auth: { kind: "bearer", token: "t" }, clock });
    for (let i = 0; i < 100; i++) expect(await rateLimiter!.acquire()).toBe(0);
    const next = rateLimiter!.acquire();
    await clock.advance(60_000);
    expect(await next).toBe(60_000);

    const slow = resolveClientOptions({ auth: { kind: "bearer", token: "t" }, clock, rateLimit: { requestsPerMinute: 30, perSecond: true } }).rateLimiter!;
    await slow.acquire();
    const second = slow.acquire();
    await clock.advance(2000);
    expect(await second).toBe(2000);
  });
});

describe("systemClock.sleep", () => {
  it("a wait longer than a timer can hold (2^31 ms and up, Infinity) waits, rather than ending after 1 ms, and its signal still ends it", async () => {
    for (const ms of [2 ** 31, 1e12, Infinity]) {
      const controller = new AbortController();
      let ended = false;
      const sleeping = systemClock.sleep(ms, controller.signal).then(
        () => (ended = true),
        () => "aborted",
      );
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(ended, String(ms)).toBe(false);
      controller.abort();
      expect(await sleeping).toBe("aborted");
    }
  });
});
