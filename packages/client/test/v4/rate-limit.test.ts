/**
 * The v4 client against a node:http stub that enforces a budget per token, as Wrike does, and answers
 * 429 with Retry-After (seconds, HTTP dates, absurd values) and 503: once refused, the client holds back
 * every call, not one by one; a wait past the retry budget fails fast and typed; aborts end any wait.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWrikeClient, WrikeTransportError, type ClientOptions, type RetryEvent, type WrikeClient } from "../../src/index.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let baseUrl: string;
let handler: Handler;
/** Every request the server received: when, the verb and the token. */
let received: { at: number; method: string; token: string }[];

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push({ at: Date.now(), method: req.method!, token: req.headers.authorization ?? "" });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
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
  it("60 concurrent reads over a client limit four times the server's: all succeed, and nothing leaves while a Retry-After runs", async () => {
    handler = budget(10, 200, "1");
    /** When each 429 was answered, and when each request left. */
    const refusedAt: number[] = [];
    const leftAt: number[] = [];
    const wrike = client({
      rateLimit: { requestsPerMinute: 40, windowMs: 200 },
      hooks: { request: () => leftAt.push(Date.now()), response: (e) => e.status === 429 && refusedAt.push(Date.now()) },
    });
    const errors = await settle(Array.from({ length: 60 }, () => read(wrike)));
    expect(errors.filter(Boolean)).toEqual([]);
    // A request that left within a second after a refusal came back would be refused too (a few ms of slack for the hooks' order).
    const duringPause = leftAt.filter((t) => refusedAt.some((r) => t > r + 20 && t < r + 980));
    expect(duringPause).toEqual([]);
    // The limiter learnt the lower budget: far fewer refusals than one per request over it.
    expect(refusedAt.length).toBeLessThan(45);
  }, 20_000);

  it("1,000 concurrent reads and a Retry-After of a day: every call fails within a second, typed, and only the first slots were sent", async () => {
    handler = busy(429, "86400");
    const started = Date.now();
    const wrike = client();
    const errors = await settle(Array.from({ length: 1000 }, () => read(wrike)));
    expect(Date.now() - started).toBeLessThan(3_000);
    // At most the default budget's first second (400 a minute, 6 a second) went out before the first refusal came back.
    expect(received.length).toBeLessThanOrEqual(6);
    for (const error of errors) {
      expect(error).toBeInstanceOf(WrikeTransportError);
      expect(error).toMatchObject({ httpStatus: 429 });
      expect((error as WrikeTransportError).retryAfterMs).toBeGreaterThan(86_000_000);
      expect((error as Error).message).not.toContain(TOKEN);
    }
  });
});
