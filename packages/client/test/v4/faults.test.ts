/**
 * The v4 client against a real node:http server that misbehaves: resets, stalls, truncated and lying
 * bodies, redirects, busy answers with Retry-After, oversized bodies, aborts. Every outcome is a typed
 * WrikeError with a message that says what happened and never carries the token; nothing hangs; a write
 * that may have landed is never sent twice, a read is retried.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { useStubServer } from "./stub-server.js";
import { caught } from "../caught.js";
import { createMemoryTokenStore, createOAuth2Session, createWrikeClient, WrikeApiError, WrikeAuthError, WrikeDecodeError, WrikeError, WrikeTransportError, WrikeValidationError, type WrikeClient } from "../../src/index.js";

const TOKEN = "sekrit-permanent-token-0123456789";
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let baseUrl: string;
let handler: Handler;
/** Every request the server received: verb, URL and authorization header. */
let received: { method: string; url: string; authorization: string | undefined }[];

const server = useStubServer(
  (req, res) => {
    received.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization });
    handler(req, res);
  },
  (url) => (baseUrl = url),
);
beforeEach(() => {
  received = [];
});

const TASKS = JSON.stringify({ kind: "tasks", data: [{ id: "IEAGKVLFKQ7WMVOE", accountId: "IEAGKVLF", title: "Write the plan" }] });
const json = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body);
};
/** Answers the scripted handlers in turn, the last one for every request after. */
const inTurn =
  (...handlers: Handler[]): Handler =>
  (req, res) =>
    handlers[Math.min(received.length - 1, handlers.length - 1)]!(req, res);
const answerTasks: Handler = (_req, res) => json(res, 200, TASKS);

/** Short back-offs (no jitter) and a short timeout, so that a run of retries takes little time. */
function client(options: { timeoutMs?: number; maxResponseBytes?: number } = {}): WrikeClient {
  return createWrikeClient({ baseUrl, auth: { kind: "bearer", token: TOKEN }, rateLimit: false, retry: { random: () => 0, maxAttempts: 3, initialDelayMs: 10 }, timeoutMs: 2_000, ...options });
}
const read = (wrike: WrikeClient, options?: { signal?: AbortSignal }) => wrike.tasks.get({ taskIds: ["IEAGKVLFKQ7WMVOE"] }, options);
const create = (wrike: WrikeClient) => wrike.tasks.createInFolder({ folderId: "IEAGKVLFI4AAAAAA", title: "Write the plan" });

/** The call's error, which must be a WrikeError that names the method and carries no token anywhere. */
async function failure(call: Promise<unknown>): Promise<WrikeError> {
  const error = await call.then(
    () => expect.fail("the call succeeded"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrikeError);
  const e = error as WrikeError;
  expect(e.method).toMatch(/^(GET|POST) \//);
  expect(e.message.startsWith(`${e.method}: `)).toBe(true);
  for (const text of [e.message, e.stack, JSON.stringify(e)]) expect(text).not.toContain(TOKEN);
  return e;
}

describe("connection faults", () => {
  it("GET + connection reset before the answer: retried, then a network WrikeTransportError", async () => {
    handler = (req) => req.socket.destroy();
    const e = await failure(read(client()));
    expect(e).toBeInstanceOf(WrikeTransportError);
    expect(e).toMatchObject({ reason: "network", attempts: 3 });
    expect(received).toHaveLength(3);
  });

  it("GET + connection reset mid-body: retried, and the retry's answer is used", async () => {
    handler = inTurn((req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(TASKS.length) });
      res.write(TASKS.slice(0, 20));
      setTimeout(() => req.socket.destroy(), 10);
    }, answerTasks);
    expect((await read(client())).data[0]!.title).toBe("Write the plan");
    expect(received).toHaveLength(2);
  });

  it("POST create + connection reset: not retried (the task may exist), one request only", async () => {
    handler = (req) => req.socket.destroy();
    const e = await failure(create(client()));
    expect(e).toMatchObject({ reason: "network", attempts: 1 });
    expect(received).toHaveLength(1);
  });

  it("POST create + reset mid-body: not retried", async () => {
    handler = (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write(TASKS.slice(0, 20));
      setTimeout(() => req.socket.destroy(), 10);
    };
    expect(await failure(create(client()))).toMatchObject({ reason: "network", attempts: 1 });
    expect(received).toHaveLength(1);
  });

  it("a body that stalls past timeoutMs: a timeout WrikeTransportError, no hang", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write(TASKS.slice(0, 20));
    };
    const started = Date.now();
    const e = await failure(read(client({ timeoutMs: 100 })));
    expect(e).toMatchObject({ reason: "timeout", attempts: 3 });
    expect(e.message).toContain("timed out");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("no answer at all to a POST: one timeout, not retried", async () => {
    handler = () => {};
    expect(await failure(create(client({ timeoutMs: 100 })))).toMatchObject({ reason: "timeout", attempts: 1 });
    expect(received).toHaveLength(1);
  });

  it("an abort signal mid-call: an aborted WrikeTransportError at once, not retried", async () => {
    const controller = new AbortController();
    handler = (_req, res) => {
      res.writeHead(200).write("{");
      setTimeout(() => controller.abort(), 20);
    };
    const e = await failure(read(client({ timeoutMs: 5_000 }), { signal: controller.signal }));
    expect(e).toMatchObject({ reason: "aborted", attempts: 1 });
    expect(received).toHaveLength(1);
  });

  it("an abort during a Retry-After wait ends the wait", async () => {
    const controller = new AbortController();
    handler = (_req, res) => {
      json(res, 503, "", { "retry-after": "30" });
      setTimeout(() => controller.abort(), 50);
    };
    const started = Date.now();
    expect(await failure(read(client(), { signal: controller.signal }))).toMatchObject({ reason: "aborted" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("timeout and size options", () => {
  const slowTasks: Handler = (req, res) => void setTimeout(() => answerTasks(req, res), 30);

  it("a timeoutMs too large for a timer (Infinity, 2^31 ms and up) is no timeout, not one that runs out at once", async () => {
    handler = slowTasks;
    for (const timeoutMs of [Infinity, 2 ** 31, 1e12]) {
      expect((await read(client({ timeoutMs }))).data).toHaveLength(1);
      expect((await read(client(), { timeoutMs } as { signal?: AbortSignal })).data).toHaveLength(1);
    }
  });

  it("a timeoutMs or maxResponseBytes that is not a number of the right sign is refused naming the option, before anything is sent", async () => {
    for (const timeoutMs of [Number.NaN, -1, "100" as unknown as number]) {
      expect(() => client({ timeoutMs })).toThrow(/timeoutMs must be/);
      await expect(read(client(), { timeoutMs } as { signal?: AbortSignal })).rejects.toThrow(/timeoutMs must be/);
    }
    for (const maxResponseBytes of [Number.NaN, -1, 0, "x" as unknown as number]) expect(() => client({ maxResponseBytes })).toThrow(/maxResponseBytes must be/);
    expect(received).toHaveLength(0);
  });
});

describe("an OAuth 2.0 token endpoint that does not answer", () => {
  const CLIENT_SECRET = "client-secret-0123456789";
  /** A session whose access token has expired, refreshed at the stub server's /token. */
  const expiredSession = (timeoutMs?: number) =>
    createOAuth2Session({
      client: { clientId: "cid", clientSecret: CLIENT_SECRET, tokenUrl: `${baseUrl}/token`, ...(timeoutMs === undefined ? {} : { timeoutMs }) },
      store: createMemoryTokenStore({ accessToken: "expired-access-token", refreshToken: "refresh-token-0123456789", tokenType: "bearer", expiresAt: Date.now() - 1, host: undefined }),
    });
  const hangOnToken: Handler = (req, res) => {
    if (req.url !== "/token") return answerTasks(req, res);
    // Headers, then nothing.
    res.writeHead(200, { "content-type": "application/json" });
    res.flushHeaders();
  };

  it("the caller's signal ends a call that waits for a refresh, with or without a rate limiter", async () => {
    handler = hangOnToken;
    for (const rateLimit of [false, undefined]) {
      const session = expiredSession();
      const wrike = createWrikeClient({ baseUrl, auth: { kind: "oauth2", session }, retry: false, ...(rateLimit === false ? { rateLimit } : {}) });
      const started = Date.now();
      const e = await failure(read(wrike, { signal: AbortSignal.timeout(100) }));
      expect(e).toMatchObject({ reason: "aborted" });
      expect(Date.now() - started).toBeLessThan(1_000);
    }
    server.closeAllConnections();
  });

  it("a token request that gets no whole answer within the client's timeoutMs: a WrikeAuthError (timeout) without secrets, no hang", async () => {
    for (const stall of [() => {}, hangOnToken]) {
      handler = stall;
      const started = Date.now();
      const error = (await expiredSession(150).refresh().catch((e: unknown) => e)) as WrikeAuthError;
      expect(error).toBeInstanceOf(WrikeAuthError);
      expect(error).toMatchObject({ error: "timeout" });
      expect(error.message).toMatch(/150 ms/);
      for (const text of [error.message, error.stack, JSON.stringify(error)]) {
        expect(text).not.toContain(CLIENT_SECRET);
        expect(text).not.toContain("refresh-token-0123456789");
      }
      expect(Date.now() - started).toBeLessThan(1_000);
    }
    server.closeAllConnections();
  });
});

describe("an OAuth 2.0 token response that names the account's host", () => {
  /** A session whose expired token is refreshed at the stub server's /token, answered with `host`; every URL fetched is recorded. */
  const sessionNaming = (host: unknown) => {
    handler = (req, res) =>
      req.url === "/token" ? json(res, 200, JSON.stringify({ access_token: "fresh-access-token-0123456789", refresh_token: "rotated-refresh-0123456789", token_type: "bearer", expires_in: 3600, host })) : answerTasks(req, res);
    const urls: string[] = [];
    const fetch = ((url: string, init?: RequestInit) => (urls.push(url), globalThis.fetch(url, init))) as typeof globalThis.fetch;
    const session = createOAuth2Session({
      client: { clientId: "cid", clientSecret: "client-secret-0123456789", tokenUrl: `${baseUrl}/token`, fetch },
      store: createMemoryTokenStore({ accessToken: "expired-access-token", refreshToken: "refresh-token-0123456789", tokenType: "bearer", expiresAt: Date.now() - 1, host: undefined }),
    });
    return { wrike: createWrikeClient({ auth: { kind: "oauth2", session }, fetch, rateLimit: false, retry: false }), urls };
  };

  it("a host that is not Wrike's (nor the token endpoint's, nor loopback): a WrikeAuthError naming it, and the access token is sent nowhere", async () => {
    for (const host of ["evil.example", "www.wrike.com.evil.example", "wrike.com@evil.example", "http://evil.example", "evil.example/www.wrike.com"]) {
      const { wrike, urls } = sessionNaming(host);
      const e = await caught(read(wrike));
      expect(e).toBeInstanceOf(WrikeAuthError);
      expect(e).toMatchObject({ error: "invalid_response" });
      expect(e.message).toContain(JSON.stringify(host));
      expect(JSON.stringify(e) + e.message).not.toContain("fresh-access-token-0123456789");
      expect(urls).toEqual([`${baseUrl}/token`]);
    }
  });

  it("a Wrike host, the token endpoint's own host or a loopback one is used", async () => {
    for (const host of ["app-eu.wrike.com", "www.wrike.com", new URL(baseUrl).host, "localhost:1"]) {
      const { wrike, urls } = sessionNaming(host);
      await read(wrike).catch(() => undefined);
      expect(urls[1]).toBe(`${host.startsWith("app-") || host.startsWith("www.") ? "https" : "http"}://${host}/api/v4/tasks/IEAGKVLFKQ7WMVOE`);
    }
  });
});

describe("answers that are not the API's", () => {
  it("truncated JSON with a 200: a WrikeDecodeError saying so (retried for a read)", async () => {
    handler = (_req, res) => json(res, 200, TASKS.slice(0, 40));
    const e = await failure(read(client()));
    expect(e).toBeInstanceOf(WrikeDecodeError);
    expect(e.message).toMatch(/unreadable JSON/);
    expect(received).toHaveLength(3);
  });

  it("an HTML error page with 502: the HTTP status, not a SyntaxError", async () => {
    handler = (_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    };
    const e = await failure(read(client()));
    expect(e).toBeInstanceOf(WrikeTransportError);
    expect(e).toMatchObject({ reason: "http-status", httpStatus: 502 });
  });

  it("a content type that lies (XML for a JSON body) does not matter: v4 answers JSON", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/xml" });
      res.end(TASKS);
    };
    expect((await read(client())).data).toHaveLength(1);
  });

  it("an empty 200 body and a JSON body of the wrong shape: typed errors", async () => {
    handler = (_req, res) => json(res, 200, "");
    expect(await failure(create(client()))).toBeInstanceOf(WrikeDecodeError);
    handler = (_req, res) => json(res, 200, "[]");
    const e = await failure(create(client()));
    expect(e).toBeInstanceOf(WrikeValidationError);
    expect((e as WrikeValidationError).issues).toEqual([{ path: "(root)", expected: "object", received: "array(0)" }]);
    handler = (_req, res) => json(res, 200, "null");
    expect(((await failure(create(client()))) as WrikeValidationError).issues).toEqual([{ path: "(root)", expected: "object", received: "null" }]);
  });

  it("a body over maxResponseBytes (20 MB streamed, or declared): too-large, without reading it whole", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 20) {
          sent++;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    };
    expect(await failure(read(client({ maxResponseBytes: 1 << 20 })))).toMatchObject({ reason: "too-large", attempts: 1 });
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(20 << 20) });
      res.write("{");
    };
    expect(await failure(read(client({ maxResponseBytes: 1 << 20 })))).toMatchObject({ reason: "too-large" });
  });
});

describe("busy answers and redirects", () => {
  it("429 with Retry-After in seconds, and 503 with an HTTP date: waited, then the answer", async () => {
    handler = inTurn((_req, res) => json(res, 429, "", { "retry-after": "1" }), answerTasks);
    let started = Date.now();
    expect((await read(client())).data).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    received = [];
    // An HTTP date has whole seconds: 2 s ahead is at least 1 s away.
    handler = inTurn((_req, res) => json(res, 503, "", { "retry-after": new Date(Date.now() + 2_000).toUTCString() }), answerTasks);
    started = Date.now();
    expect((await read(client())).data).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(received).toHaveLength(2);
  });

  it("a write answered 429 is sent again (refused, not done); answered 503 it is not (a proxy may have forwarded it)", async () => {
    handler = inTurn((_req, res) => json(res, 429, "", { "retry-after": "0" }), answerTasks);
    expect((await create(client())).data).toHaveLength(1);
    expect(received.map((r) => r.method)).toEqual(["POST", "POST"]);
    received = [];
    handler = inTurn((_req, res) => json(res, 503, "<html>busy</html>"), answerTasks);
    expect(await failure(create(client()))).toMatchObject({ reason: "http-status", httpStatus: 503, attempts: 1 });
    expect(received).toHaveLength(1);
  });

  it("300 (the account's other host): wrong-host, naming the fix", async () => {
    handler = (_req, res) => json(res, 300, JSON.stringify({ error: "invalid_request", errorDescription: "wrong host" }));
    const e = await failure(read(client()));
    expect(e).toMatchObject({ reason: "wrong-host", httpStatus: 300, attempts: 1 });
    expect(e.message).toContain("host");
  });

  for (const status of [301, 302, 307, 308]) {
    it(`${status}: not followed, the token goes nowhere else, and the Location's query is not repeated`, async () => {
      handler = (_req, res) => {
        res.writeHead(status, { location: `http://127.0.0.2:9/steal?token=${TOKEN}` });
        res.end();
      };
      const e = await failure(create(client()));
      expect(e).toMatchObject({ reason: "redirect", httpStatus: status, location: "http://127.0.0.2:9", attempts: 1 });
      expect(received).toHaveLength(1);
    });
  }
});

describe("the token never appears in an error", () => {
  it("a server that echoes the Authorization header in its API error: the error has the rest of its text", async () => {
    handler = (req, res) => json(res, 401, JSON.stringify({ error: "not_authorized", errorDescription: `The access token is invalid: ${req.headers.authorization}` }));
    const e = await failure(read(client()));
    expect(e).toBeInstanceOf(WrikeApiError);
    expect(e).toMatchObject({ httpStatus: 401, errorName: "not_authorized" });
    expect((e as WrikeApiError).serverMessage).toMatch(/^The access token is invalid: Bearer .+/);
    expect((e as WrikeApiError).serverMessage).not.toContain(TOKEN);
    // A test double's short token ("test") is not hunted for in the text: "a test error" stays whole.
    handler = (_req, res) => json(res, 404, JSON.stringify({ error: "resource_not_found", errorDescription: "a test error" }));
    const short = createWrikeClient({ baseUrl, auth: { kind: "bearer", token: "test" }, rateLimit: false, retry: false });
    expect(await read(short).catch((error: WrikeApiError) => error.serverMessage)).toBe("a test error");
  });
});

describe("error envelopes of the wrong shape", () => {
  it("an error name or description that is not a string is quoted as JSON, not [object Object]", async () => {
    handler = (_req, res) => json(res, 400, JSON.stringify({ error: { code: "invalid_parameter" }, errorDescription: ["taskIds", 7] }));
    const e = (await failure(read(client()))) as WrikeApiError;
    expect(e).toBeInstanceOf(WrikeApiError);
    expect(e).toMatchObject({ httpStatus: 400, errorName: '{"code":"invalid_parameter"}', serverMessage: '["taskIds",7]' });
    expect(e.message).toBe('GET /tasks/{taskIds}: 400 {"code":"invalid_parameter"}: ["taskIds",7]');
  });
});

describe("downloads", () => {
  const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256));
  const download = () => client().attachments.download({ attachmentId: "IEAGKVLFIYAAAAAA" });

  it("a download arrives whole, as sent", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "image/png", "content-length": String(bytes.length) });
      res.write(bytes.subarray(0, 1000));
      setTimeout(() => res.end(bytes.subarray(1000)), 10);
    };
    const answer = await download();
    expect(answer).toMatchObject({ contentType: "image/png", size: 3000 });
    expect(Buffer.from(await new Response(answer.body).arrayBuffer())).toEqual(bytes);
  });

  it("a compressed download: size is unknown (Content-Length counts the compressed bytes), the body arrives decoded", async () => {
    const zipped = gzipSync(bytes);
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip", "content-length": String(zipped.length) });
      res.end(zipped);
    };
    const answer = await download();
    expect(answer.size).toBeUndefined();
    expect(Buffer.from(await new Response(answer.body).arrayBuffer())).toEqual(bytes);
  });

  it("a Content-Length that is not a number of bytes (a test double's, a proxy's): size is unknown, not NaN", async () => {
    const fetch = async () => new Response(bytes, { headers: { "content-type": "image/png", "content-length": "3000, 3000" } });
    const answer = await createWrikeClient({ auth: { kind: "bearer", token: TOKEN }, fetch, rateLimit: false }).attachments.download({ attachmentId: "IEAGKVLFIYAAAAAA" });
    expect(answer.size).toBeUndefined();
  });

  it("a connection reset while the body is read: the reader gets a network WrikeTransportError, not a bare TypeError", async () => {
    handler = (req, res) => {
      res.writeHead(200, { "content-type": "image/png", "content-length": String(bytes.length) });
      res.write(bytes.subarray(0, 1000));
      setTimeout(() => req.socket.destroy(), 10);
    };
    const answer = await download();
    const e = await failure(new Response(answer.body).arrayBuffer());
    expect(e).toBeInstanceOf(WrikeTransportError);
    expect(e).toMatchObject({ method: "GET /attachments/{attachmentId}/download", reason: "network" });
    expect(e.message).toContain("/api/v4/attachments/IEAGKVLFIYAAAAAA/download");
  });

  it("a download that stalls half-way: a timeout WrikeTransportError after the call's timeoutMs without data, and the connection let go", async () => {
    let closed!: Promise<void>;
    handler = (req, res) => {
      closed = new Promise((resolve) => req.socket.once("close", () => resolve()));
      res.writeHead(200, { "content-type": "image/png", "content-length": String(bytes.length) });
      res.write(bytes.subarray(0, 1000)); // and nothing more, the connection kept open
    };
    const answer = await client().attachments.download({ attachmentId: "IEAGKVLFIYAAAAAA" }, { timeoutMs: 300 });
    const e = await failure(new Response(answer.body).arrayBuffer());
    expect(e).toMatchObject({ method: "GET /attachments/{attachmentId}/download", reason: "timeout" });
    expect(e.message).toContain("timed out");
    await closed;
  });

  it("a slow reader is not timed out: only the wait for the server counts", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "image/png", "content-length": String(bytes.length) });
      res.write(bytes.subarray(0, 1000));
      setTimeout(() => res.end(bytes.subarray(1000)), 50);
    };
    const answer = await createWrikeClient({ auth: { kind: "bearer", token: TOKEN }, baseUrl, rateLimit: false, timeoutMs: 200 }).attachments.download({ attachmentId: "IEAGKVLFIYAAAAAA" });
    const reader = answer.body.getReader();
    const chunks: Uint8Array[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      chunks.push(next.value);
      await new Promise((resolve) => setTimeout(resolve, 400)); // the caller takes longer than timeoutMs between chunks
    }
    expect(Buffer.concat(chunks)).toEqual(bytes);
  });

  it("an abort while the body is read: an aborted WrikeTransportError", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.write(bytes.subarray(0, 1000));
    };
    const controller = new AbortController();
    const answer = await client().attachments.download({ attachmentId: "IEAGKVLFIYAAAAAA" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await failure(new Response(answer.body).arrayBuffer())).toMatchObject({ reason: "aborted" });
  });
});
