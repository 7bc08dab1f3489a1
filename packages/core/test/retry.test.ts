/**
 * The retry policy through the real transport, with a scripted fetch and a manual clock: exact attempt
 * counts, exact waits, the typed error that surfaces, and writes that are never silently repeated.
 */
import { describe, expect, it } from "vitest";
import { readCodedError, rpcProtocol } from "../src/runtime/index.js";
import { createManualClock, createRetryPolicy, createTransport, oauth1Auth, parseRetryAfter, WrikeDecodeError, WrikeTransportError, type ApiDescriptor, type MethodDescriptor, type RetryEvent } from "../src/index.js";

const api: ApiDescriptor = {
  name: "test",
  baseUrl: "https://api.example",
  formats: { json: "/api/json/v2/{method}" },
  errorEnvelope: { root: "error", codeField: "code", nameField: "name", messageField: "message" },
  readError: readCodedError,
  protocol: rpcProtocol,
  errorCodes: { 402: "CREDENTIALS_ERROR" },
};

function method(kind: "read" | "write"): MethodDescriptor<{ n?: number }, unknown> {
  return {
    id: `test.${kind}`,
    kind,
    http: { method: "POST", path: `test.${kind}` },
    encodeArgs: (args, ctx) => void (args.n !== undefined && ctx.pairs.push(["n", String(args.n)])),
    decodeResult: (doc) => (doc as { ok: unknown }).ok,
  };
}

type Step = Response | Error | "hang";

/** A fetch that plays `steps` in order and counts calls. */
function scripted(steps: Step[]) {
  let calls = 0;
  const fetch = (async (_url: string, init: RequestInit) => {
    const step = steps[Math.min(calls++, steps.length - 1)]!;
    // A server that never answers; only a caller's signal reaches fetch (the timeout races the answer).
    if (step === "hang") return new Promise((_r, reject) => init.signal?.addEventListener("abort", () => reject(init.signal!.reason)));
    if (step instanceof Error) throw step;
    return step.clone();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls: () => calls };
}

const ok = () => Response.json({ ok: "yes" });
const status = (code: number, headers: Record<string, string> = {}) => new Response("busy", { status: code, headers });
const reset = () => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
const refused = () => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });

function setup(steps: Step[], extra: { retryWritesOn503?: boolean; timeoutMs?: number } = {}) {
  const clock = createManualClock();
  const server = scripted(steps);
  const retries: RetryEvent[] = [];
  const transport = createTransport(api, {
    auth: { kind: "bearer", token: "SECRET-TOKEN" },
    fetch: server.fetch,
    timeoutMs: extra.timeoutMs,
    retry: createRetryPolicy({ clock, random: () => 0, retryWritesOn503: extra.retryWritesOn503 }),
    hooks: { retry: (e) => retries.push(e) },
  });
  /** Runs a call to completion, moving the clock through every back-off. */
  async function run(kind: "read" | "write" | MethodDescriptor<{ n?: number }, unknown>) {
    const outcome = transport.call(typeof kind === "string" ? method(kind) : kind, {}).then(
      (value) => ({ value, error: undefined as unknown }),
      (error: unknown) => ({ value: undefined, error }),
    );
    let settled = false;
    void outcome.then(() => (settled = true));
    while (!settled) {
      await new Promise((r) => setTimeout(r, 1));
      await clock.runNext();
    }
    return outcome;
  }
  return { run, server, retries, clock };
}

describe("retries", () => {
  it("429 with Retry-After waits exactly that long, then succeeds", async () => {
    const t = setup([status(429, { "retry-after": "7" }), ok()]);
    const { value } = await t.run("write");
    expect(value).toBe("yes");
    expect(t.server.calls()).toBe(2);
    expect(t.retries.map((r) => [r.reason, r.delayMs])).toEqual([["rate-limited", 7000]]);
    expect(t.clock.now()).toBe(7000);
  });

  it("429 without Retry-After backs off exponentially from 1 s and gives up after 5 attempts", async () => {
    const t = setup([status(429)]);
    const { error } = await t.run("read");
    expect(t.server.calls()).toBe(5);
    expect(t.retries.map((r) => r.delayMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error).toMatchObject({ httpStatus: 429, attempts: 5, reason: "http-status" });
  });

  it("503 is retried for reads but not for writes, unless asked", async () => {
    const read = setup([status(503), status(503), ok()]);
    expect((await read.run("read")).value).toBe("yes");
    expect(read.server.calls()).toBe(3);

    const write = setup([status(503), ok()]);
    expect((await write.run("write")).error).toMatchObject({ httpStatus: 503, attempts: 1 });
    expect(write.server.calls()).toBe(1);

    const allowed = setup([status(503), ok()], { retryWritesOn503: true });
    expect((await allowed.run("write")).value).toBe("yes");
    expect(allowed.server.calls()).toBe(2);
  });

  it("a bare 500, 502 or 504 (a gateway's page, no API error) is retried for reads, never for writes; 400 and 404 never", async () => {
    for (const code of [500, 502, 504]) {
      const read = setup([status(code), ok()]);
      expect((await read.run("read")).value).toBe("yes");
      expect(read.server.calls()).toBe(2);
      expect(read.retries.map((r) => r.reason)).toEqual(["maybe-applied"]);

      const write = setup([status(code), ok()]);
      expect((await write.run("write")).error).toMatchObject({ httpStatus: code, attempts: 1, reason: "http-status" });
      expect(write.server.calls()).toBe(1);
    }
    for (const code of [400, 404, 501]) {
      const read = setup([status(code), ok()]);
      expect((await read.run("read")).error).toMatchObject({ httpStatus: code, attempts: 1 });
      expect(read.server.calls()).toBe(1);
    }
  });

  it("a connection reset is retried for a read, never for a write (it may have been applied)", async () => {
    const read = setup([reset(), ok()]);
    expect((await read.run("read")).value).toBe("yes");
    expect(read.server.calls()).toBe(2);

    const write = setup([reset(), ok()]);
    const { error } = await write.run("write");
    expect(write.server.calls()).toBe(1);
    expect(error).toMatchObject({ reason: "network", attempts: 1 });
  });

  it("a refused connection is retried even for a write (nothing was sent)", async () => {
    const write = setup([refused(), ok()]);
    expect((await write.run("write")).value).toBe("yes");
    expect(write.retries[0]!.reason).toBe("not-sent");
  });

  it("a timeout is retried for a read only", async () => {
    const read = setup(["hang", ok()], { timeoutMs: 5 });
    expect((await read.run("read")).value).toBe("yes");
    const write = setup(["hang", ok()], { timeoutMs: 5 });
    expect((await write.run("write")).error).toMatchObject({ reason: "timeout", attempts: 1 });
  });

  it("truncated or malformed bodies are retried for reads and surface as WrikeDecodeError", async () => {
    const read = setup([new Response('{"ok": "ye', { headers: { "content-type": "application/json" } })]);
    const { error } = await read.run("read");
    expect(error).toBeInstanceOf(WrikeDecodeError);
    expect(error).toMatchObject({ attempts: 5 });
    const write = setup([new Response("<ok>yes", { headers: { "content-type": "application/xml" } }), ok()]);
    expect((await write.run("write")).error).toMatchObject({ name: "WrikeDecodeError", attempts: 1 });
    expect(write.server.calls()).toBe(1);
  });

  it("a bare transport retries nothing unless given a policy", async () => {
    const server = scripted([status(503), ok()]);
    const transport = createTransport(api, { auth: { kind: "bearer", token: "t" }, fetch: server.fetch });
    await expect(transport.call(method("read"), {})).rejects.toMatchObject({ httpStatus: 503, attempts: 1 });
    expect(server.calls()).toBe(1);
  });

  it("API errors are never retried", async () => {
    const t = setup([Response.json({ error: { code: 402, name: "CREDENTIALS_ERROR", message: "bad signature" } }, { status: 401 }), ok()]);
    expect((await t.run("read")).error).toMatchObject({ code: 402, attempts: 1 });
    expect(t.server.calls()).toBe(1);
  });

  it("an abort during back-off ends the call at once", async () => {
    const clock = createManualClock();
    const server = scripted([status(429, { "retry-after": "60" }), ok()]);
    const transport = createTransport(api, { auth: { kind: "bearer", token: "t" }, fetch: server.fetch, retry: createRetryPolicy({ clock }) });
    const controller = new AbortController();
    const call = transport.call(method("read"), {}, { signal: controller.signal });
    while (clock.pending === 0) await new Promise((r) => setTimeout(r, 1));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "WrikeTransportError", reason: "aborted" });
    expect(clock.now()).toBe(0);
    expect(server.calls()).toBe(1);
  });

  it("an abort while the request is in flight ends it at once, as aborted, and is not retried", async () => {
    const server = scripted(["hang", ok()]);
    const transport = createTransport(api, { auth: { kind: "bearer", token: "t" }, fetch: server.fetch, retry: createRetryPolicy({ clock: createManualClock() }) });
    const controller = new AbortController();
    const call = transport.call(method("read"), {}, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(call).rejects.toMatchObject({ reason: "aborted", attempts: 1 });
    expect(server.calls()).toBe(1);
  });

  it("stops when the next wait would pass the total budget", async () => {
    const clock = createManualClock();
    const server = scripted([status(429, { "retry-after": "300" }), ok()]);
    const transport = createTransport(api, { auth: { kind: "bearer", token: "t" }, fetch: server.fetch, retry: createRetryPolicy({ clock, maxTotalMs: 60_000 }) });
    const error = (await transport.call(method("read"), {}).catch((e: unknown) => e)) as WrikeTransportError;
    expect(error).toMatchObject({ httpStatus: 429, retryAfterMs: 300_000, attempts: 1 });
    // Said, so that a 429 surfacing at once is not a mystery.
    expect(error.message).toBe("test.read: HTTP 429 (https://api.example/api/json/v2/test.read) (not retried: the server's Retry-After of 300 s would pass `retry: { maxTotalMs }` of 60 s)");
    expect(server.calls()).toBe(1);
  });

  it("hooks see no secrets", async () => {
    const events: unknown[] = [];
    const clock = createManualClock();
    const server = scripted([status(429, { "retry-after": "0" }), ok()]);
    const transport = createTransport(api, {
      auth: oauth1Auth({ consumerKey: "ck", consumerSecret: "CONSUMER-SECRET", token: "ACCESS-TOKEN", tokenSecret: "TOKEN-SECRET" }),
      fetch: server.fetch,
      retry: createRetryPolicy({ clock }),
      hooks: { request: (e) => events.push(e), response: (e) => events.push(e), retry: (e) => events.push({ ...e, error: e.error.message }), rateLimited: (e) => events.push(e) },
    });
    const call = transport.call(method("read"), { n: 1 });
    while (server.calls() < 2) {
      await new Promise((r) => setTimeout(r, 1));
      await clock.runNext();
    }
    await call;
    const logged = JSON.stringify(events);
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (const secret of ["CONSUMER-SECRET", "ACCESS-TOKEN", "TOKEN-SECRET", "oauth_signature"]) expect(logged).not.toContain(secret);
  });
});

describe("the retry table holds for v4's verbs: by the method's kind (GET reads; POST, PUT, DELETE writes)", () => {
  const verbs = ["GET", "POST", "PUT", "DELETE"] as const;
  const v4Method = (verb: (typeof verbs)[number]): MethodDescriptor<{ n?: number }, unknown> => ({
    id: `${verb} /tasks/{taskId}`,
    kind: verb === "GET" ? "read" : "write",
    http: { method: verb, path: "/tasks/{taskId}" },
    encodeArgs: (_args, ctx) => void (ctx.path.push(["taskId", "IEAAAAAQKQAAAAAB"])),
    decodeResult: (doc) => (doc as { ok: unknown }).ok,
  });
  const json = (body: string) => new Response(body, { headers: { "content-type": "application/json" } });
  // failure, its steps, and the calls a read and a write make (2: retried once and succeeded; 1: not retried)
  const rows: [string, () => Step[], number, number, { timeoutMs?: number }?][] = [
    ["429", () => [status(429, { "retry-after": "1" }), ok()], 2, 2],
    ["connection refused", () => [refused(), ok()], 2, 2],
    ["503", () => [status(503), ok()], 2, 1],
    ["connection reset", () => [reset(), ok()], 2, 1],
    ["timeout", () => ["hang", ok()], 2, 1, { timeoutMs: 5 }],
    ["truncated body", () => [json('{"ok": "ye'), ok()], 2, 1],
    ["400 with an error body", () => [Response.json({ error: "invalid_parameter", errorDescription: "bad" }, { status: 400 }), ok()], 1, 1],
    ["redirect", () => [new Response(null, { status: 307, headers: { location: "https://other.example/" } }), ok()], 1, 1],
  ];
  for (const [failure, steps, readCalls, writeCalls, extra] of rows)
    it(`${failure}: a read makes ${readCalls} call(s), a POST, PUT or DELETE ${writeCalls}`, async () => {
      for (const verb of verbs) {
        const t = setup(steps(), extra);
        const { value, error } = await t.run(v4Method(verb));
        const expected = verb === "GET" ? readCalls : writeCalls;
        expect([verb, t.server.calls()]).toEqual([verb, expected]);
        if (expected === 2) expect(value).toBe("yes");
        else expect(error).toMatchObject({ attempts: 1 });
      }
    });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-12-02T10:00:00Z");
  it("reads delta-seconds and HTTP dates; a date in the past is no wait", () => {
    expect(parseRetryAfter(" 7 ", now)).toBe(7000);
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("Wed, 02 Dec 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 02 Dec 2026 09:00:00 GMT", now)).toBe(0);
  });
  it("is undefined when absent, empty or unreadable", () => {
    for (const header of [null, "", "   ", "soon", "1.5e3"]) expect(parseRetryAfter(header, now)).toBeUndefined();
    // Neither delta-seconds nor an HTTP date, though Date.parse reads each as some date (of 2001 or 2026): not "retry now".
    for (const header of ["1.5", "-1", "2026-12-02", "12/02/2026 10:00"]) expect(parseRetryAfter(header, now), header).toBeUndefined();
  });
});
