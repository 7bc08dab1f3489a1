/**
 * A 429 or 503 holds back every call of the client, not only the one it answered: the limiter pauses for
 * the server's Retry-After (else 1 s), and a pause longer than the retry budget fails the queued calls at
 * once, unsent, instead of letting each of them ask the server again (or wait a day).
 */
import { describe, expect, it } from "vitest";
import { readStatusError, restProtocol } from "../src/runtime/index.js";
import { createManualClock, createTransport, resolveClientOptions, WrikeTransportError, type ApiDescriptor, type ClientOptions, type MethodDescriptor, type RateLimitedEvent } from "../src/index.js";

const api: ApiDescriptor = { name: "t", baseUrl: "https://api.example", formats: { json: "/api/v4{method}" }, errorEnvelope: { nameField: "error", messageField: "errorDescription" }, readError: readStatusError, protocol: restProtocol, errorCodes: {} };
const get: MethodDescriptor<Record<string, never>, unknown> = { id: "GET /tasks", kind: "read", http: { method: "GET", path: "/tasks" }, encodeArgs: () => {}, decodeResult: (d) => d };

/** `count` calls through a client whose server answers `answer(n)` to its n-th request (from 0); runs the manual clock until all settle. */
async function run(count: number, answer: (n: number) => Response, options: Partial<ClientOptions> = {}) {
  const clock = createManualClock();
  const sent: number[] = [];
  const waits: RateLimitedEvent[] = [];
  const fetch = (async () => answer(sent.push(clock.now()) - 1)) as unknown as typeof globalThis.fetch;
  const transport = createTransport(api, resolveClientOptions({ auth: { kind: "bearer", token: "SECRET-TOKEN-123" }, fetch, clock, retry: { random: () => 0 }, hooks: { rateLimited: (e) => waits.push(e) }, ...options }, { rateLimit: { requestsPerMinute: 600, perSecond: true } }));
  const outcomes = Array.from({ length: count }, () => transport.call(get, {}).then(() => undefined, (error: unknown) => error));
  let done = false;
  void Promise.all(outcomes).then(() => (done = true));
  // Every promise chain runs (a fetch answered, a sleep started) before the clock moves to the next wake-up.
  const drain = () => new Promise((r) => setTimeout(r, 0));
  while (!done) {
    await drain();
    await drain();
    if (!done) await clock.runNext();
  }
  return { sent, errors: await Promise.all(outcomes), endedAt: clock.now(), waits };
}
const ok = () => Response.json({ kind: "tasks", data: [] });
const busy = (status: number, retryAfter?: string) => new Response("busy", { status, headers: retryAfter === undefined ? {} : { "retry-after": retryAfter } });

describe("a server refusal pauses the whole client", () => {
  it("after a 429 with Retry-After: 3, no request of any queued call leaves before the 3 s are over", async () => {
    // 10 a second: the first second's 10 calls are sent together; the first answer is a 429.
    const { sent, errors } = await run(30, (n) => (n === 0 ? busy(429, "3") : ok()));
    expect(errors.every((e) => e === undefined)).toBe(true);
    const afterRefusal = sent.slice(10);
    expect(Math.min(...afterRefusal)).toBeGreaterThanOrEqual(3000);
  });

  it("a 503 without Retry-After pauses the queue 1 s (Wrike's first back-off)", async () => {
    // 10 per 100 ms: without the pause the 11th call would leave at 100 ms.
    const { sent } = await run(20, (n) => (n === 0 ? busy(503) : ok()), { rateLimit: { requestsPerMinute: 10, windowMs: 100 } });
    expect(Math.min(...sent.slice(10))).toBeGreaterThanOrEqual(1000);
  });

  it("a Retry-After of a day fails every queued call at once, unsent, as a 429 with the time left", async () => {
    const { sent, errors, endedAt } = await run(1000, () => busy(429, "86400"));
    // At most the first second's slots went out before the refusal came back.
    expect(sent.length).toBeLessThanOrEqual(10);
    expect(endedAt).toBeLessThan(1000);
    for (const error of errors) {
      expect(error).toBeInstanceOf(WrikeTransportError);
      expect(error).toMatchObject({ httpStatus: 429, reason: "http-status" });
      expect((error as WrikeTransportError).retryAfterMs).toBeGreaterThan(86_000_000);
      expect((error as Error).message).not.toContain("SECRET-TOKEN-123");
    }
    expect((errors[999] as Error).message).toMatch(/not sent.*Retry-After/);
  });

  it("a Retry-After within the budget is waited out by every call, each reported once as a client-side wait", async () => {
    const { sent, errors, waits } = await run(15, (n) => (n === 0 ? busy(429, "100") : ok()), { retry: { maxTotalMs: 200_000, random: () => 0 } });
    expect(errors.every((e) => e === undefined)).toBe(true);
    expect(Math.min(...sent.slice(10))).toBeGreaterThanOrEqual(100_000);
    expect(waits.filter((w) => w.source === "server")).toEqual([{ method: "GET /tasks", source: "server", waitMs: 100_000 }]);
    expect(waits.filter((w) => w.source === "client").length).toBeGreaterThanOrEqual(5);
  });

  it("a 429 teaches the limiter: half as many a window after it, then one more per window, back up to the limit", async () => {
    const { sent, errors } = await run(60, (n) => (n === 0 ? busy(429, "1") : ok()), { rateLimit: { requestsPerMinute: 8, windowMs: 1000 } });
    expect(errors.every((e) => e === undefined)).toBe(true);
    const perSecond = Array.from({ length: 8 }, (_, s) => sent.filter((t) => t >= s * 1000 && t < (s + 1) * 1000).length);
    // Second 0 sent what left before the refusal came back.
    expect(perSecond.slice(1)).toEqual([4, 5, 6, 7, 8, 8, 8]);
  });

  it("the 503s of a storm pause the queue but do not lower the limit (the server is down, not counting)", async () => {
    const { sent } = await run(30, (n) => (n === 0 ? busy(503, "1") : ok()), { rateLimit: { requestsPerMinute: 8, windowMs: 1000 } });
    expect(sent.filter((t) => t >= 1000 && t < 2000)).toHaveLength(8);
  });

  it("rateLimit: false has no limiter to pause: each call backs off by itself", async () => {
    const { sent, errors } = await run(5, (n) => (n === 0 ? busy(429, "3") : ok()), { rateLimit: false });
    expect(errors.every((e) => e === undefined)).toBe(true);
    expect(sent.filter((t) => t === 0)).toHaveLength(5);
    expect(sent.at(-1)).toBe(3000);
  });
});

describe("a rate limiter of one's own", () => {
  it("without pause (written before it existed) still works: a 429 is the call's typed error, not a TypeError", async () => {
    const ownLimiter = { acquire: async () => 0, admit: async (_m: string, _s: AbortSignal | undefined, _h: unknown, ready: () => unknown) => void (await ready()) };
    const fetch = (async () => busy(429, "1")) as unknown as typeof globalThis.fetch;
    const transport = createTransport(api, { auth: { kind: "bearer", token: "SECRET-TOKEN-123" }, fetch, rateLimiter: ownLimiter });
    const error = await transport.call(get, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error).toMatchObject({ reason: "http-status", httpStatus: 429, retryAfterMs: 1000 });
  });
});
