/**
 * The v4 client against a node:http stub that enforces a budget per token, as Wrike does, and answers
 * 429 with Retry-After (seconds, HTTP dates, absurd values) and 503: once refused, the client holds back
 * every call, not one by one; a wait past the retry budget fails fast and typed; aborts end any wait.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { beforeEach, describe, expect, it } from "vitest";
import { useStubServer } from "./stub-server.js";
import { createWrikeClient, WrikeTransportError, type ClientOptions, type RetryEvent, type WrikeClient } from "../../src/index.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let baseUrl: string;
let handler: Handler;
/** Every request the server received: when, the verb and the token. */
let received: { at: number; method: string; token: string }[];

useStubServer(
  (req, res) => {
    received.push({ at: Date.now(), method: req.method!, token: req.headers.authorization ?? "" });
    handler(req, res);
  },
  (url) => (baseUrl = url),
);
beforeEach(() => {
  received = [];
});

const TOKEN = "stub-token-0123456789abcdef";
const TASKS = JSON.stringify({ kind: "tasks", data: [{ id: "IEAGKVLFKQ7WMVOE", accountId: "IEAGKVLF", title: "Plan" }] });
const answerTasks: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(TASKS);
};
const busy =
  (status: number, retryAfter?: string): Handler =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "text/plain", ...(retryAfter === undefined ? {} : { "retry-after": retryAfter }) });
    res.end("slow down");
  };

/** A per-token budget of `limit` requests per `windowMs` (Wrike's counts per second); over it, a 429 with `retryAfter`. */
function budget(limit: number, windowMs: number, retryAfter: string): Handler {
  const starts = new Map<string, number[]>();
  return (req, res) => {
    const now = Date.now();
    const token = req.headers.authorization ?? "";
    const recent = (starts.get(token) ?? []).filter((t) => t > now - windowMs);
    starts.set(token, recent);
    if (recent.length >= limit) return busy(429, retryAfter)(req, res);
    recent.push(now);
    answerTasks(req, res);
  };
}

function client(options: Partial<ClientOptions> = {}): WrikeClient {
  return createWrikeClient({ baseUrl, auth: { kind: "bearer", token: TOKEN }, retry: { random: () => 0, initialDelayMs: 20 }, timeoutMs: 2_000, ...options });
}
const read = (wrike: WrikeClient, signal?: AbortSignal) => wrike.tasks.get({ taskIds: ["IEAGKVLFKQ7WMVOE"] }, { signal });
const settle = (calls: Promise<unknown>[]) => Promise.all(calls.map((call) => call.then(() => undefined, (error: unknown) => error)));

describe("a budget-enforcing server", () => {
  it("50 concurrent reads over a client limit four times the server's: all succeed, and nothing leaves while a Retry-After runs", async () => {
    handler = budget(10, 200, "1");
    /** When each 429 was answered, and when each request left. */
    const refusedAt: number[] = [];
    const leftAt: number[] = [];
    const wrike = client({
      rateLimit: { requestsPerMinute: 40, windowMs: 200 },
      hooks: { request: () => leftAt.push(Date.now()), response: (e) => e.status === 429 && refusedAt.push(Date.now()) },
    });
    const errors = await settle(Array.from({ length: 50 }, () => read(wrike)));
    expect(errors.filter(Boolean)).toEqual([]);
    // A request that left within a second after a refusal came back would be refused too (a few ms of slack for the hooks' order).
    const duringPause = leftAt.filter((t) => refusedAt.some((r) => t > r + 20 && t < r + 980));
    expect(duringPause).toEqual([]);
  }, 20_000);

  it("1,000 concurrent reads and a Retry-After of a day: every call fails at once, typed, and only the first slots were sent", async () => {
    handler = busy(429, "86400");
    const started = Date.now();
    const wrike = client();
    const errors = await settle(Array.from({ length: 1000 }, () => read(wrike)));
    // Not a speed figure: waiting would take the limiter's windows (1,000 calls at 6 a second: 166 s) or the day.
    expect(Date.now() - started).toBeLessThan(20_000);
    // At most the default budget's first second (400 a minute, 6 a second) went out before the first refusal came back.
    expect(received.length).toBeLessThanOrEqual(6);
    for (const error of errors) {
      expect(error).toBeInstanceOf(WrikeTransportError);
      expect(error).toMatchObject({ httpStatus: 429 });
      expect((error as WrikeTransportError).retryAfterMs).toBeGreaterThan(86_000_000);
      expect((error as Error).message).not.toContain(TOKEN);
    }
  });

  it("Retry-After as an HTTP date is honoured; 0, negative or unreadable ones fall back to the back-off", async () => {
    for (const retryAfter of [new Date(Date.now() + 1000).toUTCString(), "0", "-5", "soon", ""]) {
      received = [];
      let first = true;
      handler = (req, res) => (first ? ((first = false), busy(429, retryAfter)(req, res)) : answerTasks(req, res));
      const retries: RetryEvent[] = [];
      const started = Date.now();
      await read(client({ rateLimit: false, hooks: { retry: (e) => retries.push(e) } }));
      expect(retries, retryAfter).toHaveLength(1);
      if (retryAfter.includes("GMT")) expect(Date.now() - started).toBeGreaterThan(retries[0]!.delayMs - 50);
      else expect(retries[0]!.delayMs, retryAfter).toBe(retryAfter === "0" ? 0 : 20);
      expect(received).toHaveLength(2);
    }
  });

  it("a POST create is retried after a 429 (refused, not done), never after a reset once sent", async () => {
    let first = true;
    handler = (req, res) => (first ? ((first = false), busy(429, "0")(req, res)) : answerTasks(req, res));
    await client().tasks.createInFolder({ folderId: "IEAGKVLFI4AAAAAA", title: "Plan" });
    expect(received.map((r) => r.method)).toEqual(["POST", "POST"]);
    received = [];
    handler = (req) => req.socket.destroy();
    await expect(client().tasks.createInFolder({ folderId: "IEAGKVLFI4AAAAAA", title: "Plan" })).rejects.toMatchObject({ reason: "network", attempts: 1 });
    expect(received).toHaveLength(1);
  });

  it("an abort ends a call waiting in the limiter's queue, and one in a Retry-After back-off, at once as aborted", async () => {
    handler = answerTasks;
    const wrike = client({ rateLimit: { requestsPerMinute: 1 } });
    await read(wrike);
    const queued = new AbortController();
    const waiting = read(wrike, queued.signal);
    setTimeout(() => queued.abort(), 30);
    let started = Date.now();
    await expect(waiting).rejects.toMatchObject({ reason: "aborted" });
    expect(Date.now() - started).toBeLessThan(500);

    handler = busy(429, "60");
    const backingOff = new AbortController();
    const retrying = read(client({ rateLimit: false }), backingOff.signal);
    setTimeout(() => backingOff.abort(), 30);
    started = Date.now();
    await expect(retrying).rejects.toMatchObject({ reason: "aborted" });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("two clients with different tokens keep separate budgets, as the server counts per token", async () => {
    handler = answerTasks;
    const a = client({ rateLimit: { requestsPerMinute: 1 } });
    const b = client({ rateLimit: { requestsPerMinute: 1 }, auth: { kind: "bearer", token: "other-token-0123456789" } });
    await read(a);
    const started = Date.now();
    await read(b);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("a long paged walk through 429s and 503s gets every page once, with its token and filters each time", async () => {
    const pages = 30;
    let n = 0;
    handler = (req, res) => {
      n++;
      if (n % 5 === 0) return busy(n % 10 === 0 ? 503 : 429, "0")(req, res);
      const url = new URL(req.url!, baseUrl);
      const page = Number(url.searchParams.get("nextPageToken") ?? "0");
      expect(url.searchParams.get("status")).toContain("Active");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ kind: "tasks", data: [{ id: `T${page}`, accountId: "A", title: `page ${page}` }], ...(page + 1 < pages ? { nextPageToken: String(page + 1) } : {}) }));
    };
    const ids: string[] = [];
    for await (const page of client({ rateLimit: { requestsPerMinute: 600, windowMs: 1000 } }).tasks.list({ status: ["Active"] }).pages()) ids.push(...page.data.map((t) => t.id));
    expect(ids).toEqual(Array.from({ length: pages }, (_, i) => `T${i}`));
  });
});
