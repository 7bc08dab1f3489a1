/**
 * What the exchange does with an answer before it is decoded: the v4 error envelope, redirects (never
 * followed; v4's HTTP 300 for the wrong data-centre host), the bound on what it reads, and the
 * per-attempt timeout that interrupts the wait in progress instead of handing fetch a signal.
 */
import { describe, expect, it } from "vitest";
import { readCodedError, readStatusError, restProtocol, rpcProtocol } from "../src/runtime/index.js";
import { createManualClock, createRateLimiter, createRetryPolicy, createTransport, WrikeApiError, WrikeTransportError, type ApiDescriptor, type MethodDescriptor } from "../src/index.js";

/** A v4-like descriptor, built by hand as the generator will build it (no root, names per HTTP status). */
const v4: ApiDescriptor = {
  name: "wrikeV4",
  baseUrl: "https://www.wrike.com",
  formats: { json: "/api/v4{method}" },
  errorEnvelope: { nameField: "error", messageField: "errorDescription" },
  readError: readStatusError,
  protocol: restProtocol,
  errorCodes: { 401: "not_authorized", 500: "server_error" },
  wrongHostStatus: 300,
};
const v2: ApiDescriptor = {
  name: "wrikeV2",
  baseUrl: "https://www.wrike.com",
  formats: { json: "/api/json/v2/{method}" },
  errorEnvelope: { root: "error", codeField: "code", nameField: "name", messageField: "message" },
  readError: readCodedError,
  protocol: rpcProtocol,
  errorCodes: { 406: "ACCESS_ERROR" },
};

type V4ErrorName = "invalid_request" | "resource_not_found" | "not_authorized";

function method(verb: "GET" | "POST" | "PUT" | "DELETE", kind: "read" | "write" = verb === "GET" ? "read" : "write"): MethodDescriptor<Record<string, never>, unknown> {
  return { id: `${verb} /tasks`, kind, http: { method: verb, path: "/tasks" }, encodeArgs: () => {}, decodeResult: (doc) => doc };
}

/** A fetch that answers `answer()` every time and records each request's init. */
function answering(answer: () => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return answer();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("the call resolved"),
    (error: unknown) => error,
  );
}

const bearer = { kind: "bearer", token: "SECRET-TOKEN" } as const;
/** Retries with no waiting, so that a test sees whether an answer would be tried again. */
const quickRetry = () => createRetryPolicy({ clock: { now: () => 0, sleep: async () => {} } });

describe("the v4 error envelope", () => {
  it("becomes a WrikeApiError with status, error and errorDescription, and the v2 names too", async () => {
    const server = answering(() => Response.json({ errorDescription: "Task not found", error: "resource_not_found" }, { status: 404 }));
    const transport = createTransport(v4, { auth: bearer, fetch: server.fetch });
    const error = (await caught(transport.call(method("GET"), {}))) as WrikeApiError<V4ErrorName>;
    expect(error).toBeInstanceOf(WrikeApiError);
    expect(error).toMatchObject({ status: 404, error: "resource_not_found", errorDescription: "Task not found", code: 404, errorName: "resource_not_found", httpStatus: 404 });
    expect(error.message).toBe("GET /tasks: 404 resource_not_found: Task not found");
    // The typed union narrows, and names the spec does not list still arrive.
    const name: V4ErrorName | (string & {}) = error.error;
    expect(name).toBe("resource_not_found");
  });

  it("a huge errorDescription is quoted in the message up to 1,000 characters and kept whole in errorDescription", async () => {
    const description = `Bad gateway ${"x".repeat(2_000_000)}`;
    const server = answering(() => Response.json({ errorDescription: description, error: "server_error" }, { status: 500 }));
    const error = (await caught(createTransport(v4, { auth: bearer, fetch: server.fetch }).call(method("GET"), {}))) as WrikeApiError;
    expect(error.errorDescription).toBe(description);
    expect(error.message.length).toBeLessThan(1100);
    expect(error.message).toMatch(/^GET \/tasks: 500 server_error: Bad gateway x+… \(2000012 characters: see errorDescription\)$/);
  });

  it("keeps an unknown name, and fills a missing one from the status when the status has only one", async () => {
    const unknown = answering(() => Response.json({ errorDescription: "Slow down", error: "quota_exceeded" }, { status: 400 }));
    expect(await caught(createTransport(v4, { auth: bearer, fetch: unknown.fetch }).call(method("GET"), {}))).toMatchObject({ error: "quota_exceeded", status: 400 });
    const nameless = answering(() => Response.json({ errorDescription: "Token expired" }, { status: 401 }));
    expect(await caught(createTransport(v4, { auth: bearer, fetch: nameless.fetch }).call(method("GET"), {}))).toMatchObject({ error: "not_authorized", errorDescription: "Token expired" });
  });

  it("an error name sent as null is a missing one, filled from the status, not the text \"null\"", async () => {
    const server = answering(() => Response.json({ errorDescription: "Token expired", error: null }, { status: 401 }));
    expect(await caught(createTransport(v4, { auth: bearer, fetch: server.fetch }).call(method("GET"), {}))).toMatchObject({ error: "not_authorized", errorName: "not_authorized", errorDescription: "Token expired", message: "GET /tasks: 401 not_authorized: Token expired" });
  });

  it("v2's envelope keeps code and errorName, and gains the v4 names", async () => {
    const server = answering(() => Response.json({ error: { code: 406, name: "ACCESS_ERROR", message: "not in scope" } }, { status: 404 }));
    const error = await caught(createTransport(v2, { auth: bearer, fetch: server.fetch }).call(method("POST", "read"), {}));
    expect(error).toMatchObject({ code: 406, errorName: "ACCESS_ERROR", serverMessage: "not in scope", status: 404, error: "ACCESS_ERROR", errorDescription: "not in scope" });
  });
});

describe("redirects are never followed", () => {
  it.each([301, 302, 303, 307, 308])("a write answered %i is a typed error naming the Location's origin, sent once, never done", async (status) => {
    const server = answering(() => new Response(JSON.stringify({ kind: "tasks", data: [{ id: "elsewhere" }] }), { status, headers: { location: "https://evil.example/steal?token=abc", "content-type": "application/json" } }));
    const transport = createTransport(v4, { auth: bearer, fetch: server.fetch, retry: quickRetry() });
    const error = await caught(transport.call(method("POST"), {}));
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error).toMatchObject({ reason: "redirect", httpStatus: status, location: "https://evil.example", attempts: 1 });
    expect((error as Error).message).toBe(`POST /tasks: HTTP ${status} to https://evil.example not followed, call not done`);
    expect((error as Error).message).not.toContain("token=abc");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.init.redirect).toBe("manual");
  });

  it("a redirect without a Location, or with one that is no URL, says so without naming a place ('to undefined')", async () => {
    for (const headers of [{}, { location: "http://[::1" }] as Record<string, string>[]) {
      const server = answering(() => new Response(null, { status: 303, headers }));
      const error = await caught(createTransport(v4, { auth: bearer, fetch: server.fetch }).call(method("POST"), {}));
      expect(error).toMatchObject({ reason: "redirect", httpStatus: 303, location: undefined, message: "POST /tasks: HTTP 303 not followed, call not done" });
    }
  });

  it("a read answered by a redirect is not retried either (the answer would be the same)", async () => {
    const server = answering(() => new Response(null, { status: 302, headers: { location: "/elsewhere" } }));
    const error = await caught(createTransport(v4, { auth: bearer, fetch: server.fetch, retry: quickRetry() }).call(method("GET"), {}));
    expect(error).toMatchObject({ reason: "redirect", location: "https://www.wrike.com", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("an answer that a fetch followed anyway (redirected: true) is refused too", async () => {
    const followed = Response.json({ kind: "tasks", data: [] });
    Object.defineProperties(followed, { redirected: { value: true }, url: { value: "https://other.example/api/v4/tasks" } });
    const error = await caught(createTransport(v4, { auth: bearer, fetch: answering(() => followed).fetch }).call(method("PUT"), {}));
    expect(error).toMatchObject({ reason: "redirect", location: "https://other.example" });
  });

  it("v4's HTTP 300 says to pass the account's host", async () => {
    const server = answering(() => new Response("", { status: 300 }));
    const error = await caught(createTransport(v4, { auth: bearer, fetch: server.fetch, retry: quickRetry() }).call(method("GET"), {}));
    expect(error).toMatchObject({ reason: "wrong-host", httpStatus: 300, attempts: 1 });
    expect((error as Error).message).toBe("GET /tasks: HTTP 300 (wrong host): pass the account's `host`");
    // An API without that rule reads 300 as any other redirect.
    expect(await caught(createTransport(v2, { auth: bearer, fetch: server.fetch }).call(method("POST", "read"), {}))).toMatchObject({ reason: "redirect" });
  });
});

describe("the host option", () => {
  it("sends a permanent token to the account's host", async () => {
    const server = answering(() => Response.json({ kind: "tasks", data: [] }));
    await createTransport(v4, { auth: bearer, host: "app-eu.wrike.com", fetch: server.fetch }).call(method("GET"), {});
    expect(server.requests[0]!.url).toBe("https://app-eu.wrike.com/api/v4/tasks");
    expect(new Headers(server.requests[0]!.init.headers).get("authorization")).toBe("Bearer SECRET-TOKEN");
  });

  it("is a host name, not a URL", () => {
    expect(() => createTransport(v4, { auth: bearer, host: "https://app-eu.wrike.com" })).toThrow('host must be a host name: "https://app-eu.wrike.com"');
  });

  it("createTransport refuses a baseUrl that ends in the API path, and plain http off loopback, for host too", () => {
    expect(() => createTransport(v4, { auth: bearer, baseUrl: "https://www.wrike.com/api/v4/" })).toThrow("baseUrl must not end in /api/...");
    expect(() => createTransport(v4, { auth: bearer, baseUrl: "https://proxy.example/wrike/api/json/v2" })).toThrow("baseUrl must not end in /api/...");
    expect(() => createTransport(v4, { auth: bearer, baseUrl: "https://proxy.example/api/wrike" })).not.toThrow();
    expect(() => createTransport(v4, { auth: bearer, baseUrl: "http://proxy.example" })).toThrow("baseUrl must be an https URL");
    // Without a scheme, a host and port parse as a URL of scheme "localhost:" with no origin: named as given.
    expect(() => createTransport(v4, { auth: bearer, baseUrl: "localhost:8080" })).toThrow('baseUrl must be an https URL (http only for localhost): "localhost:8080"');
  });

  it("an XML answer without XML support is a decode error that says what to pass", async () => {
    const server = answering(() => new Response("<response><task/></response>", { headers: { "content-type": "text/xml" } }));
    const error = await caught(createTransport(v2, { auth: bearer, fetch: server.fetch }).call(method("POST", "read"), {}));
    expect(error).toMatchObject({ name: "WrikeDecodeError", format: "xml" });
    expect((error as Error).message).toBe('POST /tasks: unreadable XML (needs XML support: pass `xml: xmlSupport` from "@wrikekit/client/xml")');
  });

  it("a v4 transport answers JSON only: format xml is refused by name", () => {
    expect(() => createTransport(v4, { auth: bearer, format: "xml" })).toThrow('format must be json, not "xml"');
  });
});

/** A body of `total` bytes in 64 KiB chunks, produced only as it is read; counts what was pulled. */
function streamedBody(total: number) {
  let pulled = 0;
  let cancelled = false;
  const chunk = new TextEncoder().encode(`"${"x".repeat(65_534)}`.slice(0, 65_536));
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= total) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled: () => pulled, cancelled: () => cancelled };
}

describe("the bound on what is read", () => {
  it("a 10 MB body is refused once it passes maxResponseBytes, read no further than the bound", async () => {
    const big = streamedBody(10 * 2 ** 20);
    const server = answering(() => new Response(big.body, { headers: { "content-type": "application/json" } }));
    const error = await caught(createTransport(v4, { auth: bearer, fetch: server.fetch, maxResponseBytes: 2 ** 20, retry: quickRetry() }).call(method("GET"), {}));
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error).toMatchObject({ reason: "too-large", httpStatus: 200, attempts: 1 });
    expect((error as Error).message).toContain("maxResponseBytes (1048576 B");
    expect(big.pulled()).toBeLessThanOrEqual(2 ** 20 + 65_536);
    expect(big.cancelled()).toBe(true);
  });

  it("the default bound is 16 MiB: 17 MiB is refused, a declared Content-Length over it without reading a byte", async () => {
    const big = streamedBody(17 * 2 ** 20);
    const error = await caught(createTransport(v4, { auth: bearer, fetch: answering(() => new Response(big.body)).fetch }).call(method("GET"), {}));
    expect(error).toMatchObject({ reason: "too-large" });
    expect(big.pulled()).toBeLessThanOrEqual(16 * 2 ** 20 + 65_536);

    const declared = streamedBody(2 ** 20);
    const answer = new Response(declared.body, { headers: { "content-length": String(17 * 2 ** 20) } });
    expect(await caught(createTransport(v4, { auth: bearer, fetch: answering(() => answer).fetch }).call(method("GET"), {}))).toMatchObject({ reason: "too-large" });
    expect(declared.pulled()).toBe(0);
  });

  it("a body within the bound decodes, whatever its chunks (a character split across two)", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ kind: "tasks", data: [{ title: "Crème brûlée" }] }));
    const split = bytes.indexOf(0xc3) + 1;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    const result = await createTransport(v4, { auth: bearer, fetch: answering(() => new Response(body)).fetch, maxResponseBytes: bytes.byteLength }).call(method("GET"), {});
    expect(result).toEqual({ kind: "tasks", data: [{ title: "Crème brûlée" }] });
  });
});

describe("a fetch that throws instead of rejecting", () => {
  it("fails as a typed network error, retried for a read like any other", async () => {
    let calls = 0;
    const fetch = (() => {
      calls++;
      throw new TypeError("Failed to fetch: invalid header value");
    }) as unknown as typeof globalThis.fetch;
    const error = await caught(createTransport(v4, { auth: bearer, fetch, retry: quickRetry() }).call(method("GET"), {}));
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error).toMatchObject({ reason: "network" });
    expect(calls).toBeGreaterThan(1);
  });
});

describe("the per-attempt timeout", () => {
  it("races the answer: fetch gets no signal unless the caller gave one, and a late answer is cancelled", async () => {
    let late!: (response: Response) => void;
    const lateBody = streamedBody(1000);
    const requests: RequestInit[] = [];
    // Like the platform fetch, it rejects when a signal it was given aborts.
    const fetch = ((_url: string, init: RequestInit) => {
      requests.push(init);
      return new Promise<Response>((resolve, reject) => {
        late = resolve;
        init.signal?.addEventListener("abort", () => reject(init.signal!.reason));
      });
    }) as unknown as typeof globalThis.fetch;
    const transport = createTransport(v4, { auth: bearer, fetch, timeoutMs: 20 });
    expect(await caught(transport.call(method("GET"), {}))).toMatchObject({ reason: "timeout" });
    expect(requests[0]!.signal).toBeUndefined();
    late(new Response(lateBody.body));
    await new Promise((r) => setTimeout(r, 5));
    expect(lateBody.cancelled()).toBe(true);

    const controller = new AbortController();
    const aborted = caught(transport.call(method("GET"), {}, { signal: controller.signal }));
    await new Promise((r) => setTimeout(r, 1));
    expect(requests[1]!.signal).toBe(controller.signal);
    controller.abort();
    expect(await aborted).toMatchObject({ reason: "aborted" });
  });

  it("a body that stalls is cut at the timeout, and cancelled", async () => {
    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"kind"')), cancel: () => void (cancelled = true) });
    const error = await caught(createTransport(v4, { auth: bearer, fetch: answering(() => new Response(stalled)).fetch, timeoutMs: 20 }).call(method("GET"), {}));
    expect(error).toMatchObject({ reason: "timeout" });
    expect((error as Error).message).toBe("GET /tasks: timed out (https://www.wrike.com/api/v4/tasks)");
    expect(cancelled).toBe(true);
  });

  it("bounds the attempt, not each wait: headers and body that each come within the timeout but not together are cut", async () => {
    const slowly = () => new Promise((r) => setTimeout(r, 30));
    const body = new ReadableStream<Uint8Array>({ pull: async (c) => (await slowly(), c.enqueue(new TextEncoder().encode(" "))) }, { highWaterMark: 0 });
    const fetch = (async () => (await slowly(), new Response(body))) as unknown as typeof globalThis.fetch;
    expect(await caught(createTransport(v4, { auth: bearer, fetch, timeoutMs: 50 }).call(method("GET"), {}))).toMatchObject({ reason: "timeout" });
  });

  it("an authorizer that sends again after the attempt ran out gets the timeout at once, and the late answer is cancelled", async () => {
    const first = streamedBody(1000);
    const answers = [new Response(first.body, { status: 401 }), Response.json({ kind: "tasks", data: [] })];
    const server = answering(() => answers.shift()!);
    const resend = {
      authorize: () => "Bearer T",
      async send(send: () => Promise<[Response, string]>) {
        await send();
        await new Promise((r) => setTimeout(r, 40)); // a token refresh longer than the timeout
        return (await send())[0];
      },
    };
    expect(await caught(createTransport(v4, { auth: resend, fetch: server.fetch, timeoutMs: 20 }).call(method("GET"), {}))).toMatchObject({ reason: "timeout" });
    await new Promise((r) => setTimeout(r, 5));
    expect(first.cancelled()).toBe(true);
  });

  it("a body that breaks, or that the caller's signal aborts, is a typed error, not the stream's", async () => {
    const broken = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new TextEncoder().encode("{")), c.error(new TypeError("other side closed"))) });
    const error = await caught(createTransport(v4, { auth: bearer, fetch: answering(() => new Response(broken)).fetch }).call(method("GET"), {}));
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error).toMatchObject({ reason: "network" });
    expect((error as Error).message).toContain("other side closed");

    // Like the platform fetch, whose body errors when the signal it was given aborts.
    const controller = new AbortController();
    const fetch = ((_url: string, init: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({ start: (c) => init.signal!.addEventListener("abort", () => c.error(init.signal!.reason)) });
      return Promise.resolve(new Response(body));
    }) as unknown as typeof globalThis.fetch;
    const aborted = caught(createTransport(v4, { auth: bearer, fetch }).call(method("GET"), {}, { signal: controller.signal }));
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(await aborted).toMatchObject({ reason: "aborted" });
  });

  it("timeoutMs: 0 sets no timer: a slow answer is waited for", async () => {
    const fetch = (() => new Promise<Response>((r) => setTimeout(() => r(Response.json({ kind: "tasks", data: [] })), 30))) as unknown as typeof globalThis.fetch;
    expect(await createTransport(v4, { auth: bearer, fetch, timeoutMs: 0 }).call(method("GET"), {})).toEqual({ kind: "tasks", data: [] });
  });

  it("starts when the request leaves, not while it waits for the rate limiter", async () => {
    const clock = createManualClock();
    const server = answering(() => Response.json({ kind: "tasks", data: [] }));
    const transport = createTransport(v4, { auth: bearer, fetch: server.fetch, timeoutMs: 30, rateLimiter: createRateLimiter({ clock, limit: 1, windowMs: 1000 }) });
    await transport.call(method("GET"), {});
    const second = transport.call(method("GET"), {});
    await new Promise((r) => setTimeout(r, 60)); // longer than the timeout, spent in the limiter's queue
    await clock.advance(1000);
    expect(await second).toEqual({ kind: "tasks", data: [] });
    expect(server.requests).toHaveLength(2);
  });
});
