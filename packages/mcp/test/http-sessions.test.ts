/**
 * Streamable HTTP as independent clients use it: 2025-era sessions (mcp-session-id, reuse, the GET SSE
 * stream, DELETE), both official client lines, cancellation reaching the upstream call, and sessions
 * kept apart by the token that opened them.
 */
import { Client as Client1 } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as HttpTransport1 } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Client as Client2, StreamableHTTPClientTransport as HttpTransport2 } from "@modelcontextprotocol/client";
import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createConnector, DEFAULT_BUDGET, serveHttp, type HttpServer } from "../src/index.js";
import { createFixtureBackend } from "./fixtures/backend.js";
import { fixtureToolTable } from "./fixtures/tool-table.js";
import { fixtureTools, TOKEN } from "./helpers.js";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A backend whose calls hang until aborted; counts the calls started and aborted. */
function hangingBackend() {
  const seen = { started: 0, aborted: 0 };
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_, reject) => {
      seen.started++;
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      signal?.addEventListener("abort", () => {
        seen.aborted++;
        reject(signal.reason);
      });
    })) as typeof globalThis.fetch;
  return { seen, fetch };
}

async function serve(options: { offline?: { fetch: typeof fetch }; host?: string; behindTlsProxy?: boolean } = {}) {
  const backend = createFixtureBackend({ token: TOKEN, taskCount: 2 });
  const connector = createConnector({ api: fixtureToolTable.api, fetch: backend.fetch, retry: false, requestsPerMinute: false });
  server = await serveHttp({ tools: fixtureTools, policy: { mode: "all", readOnly: false, allowDelete: false }, budget: DEFAULT_BUDGET, connector, port: 0, log: () => {}, ...options });
  return { url: server.url, backend };
}

const HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18" };
const initialize = (id = 1) => JSON.stringify({ jsonrpc: "2.0", id, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "0" } } });

/** A POST with headers fetch would not let us set (Host). */
function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: hostname, port, path: pathname, method: "POST", headers: { ...HEADERS, "content-length": String(Buffer.byteLength(body)), ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    sent.once("error", reject);
    sent.end(body);
  });
}

describe("DNS rebinding", () => {
  it("on loopback, only loopback Host and Origin headers are answered", async () => {
    const { url } = await serve({ offline: hangingBackend() });
    const port = new URL(url).port;
    const list = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    expect(await post(url, { host: `localhost:${port}` }, list)).toBe(200);
    expect(await post(url, { host: `[::1]:${port}`, origin: "http://localhost:5173" }, list)).toBe(200);
    for (const headers of [{ host: `evil.example:${port}` } as Record<string, string>, { host: `127.0.0.1.evil.example:${port}` }, { host: `127.0.0.1:${port}`, origin: "http://evil.example" }, { host: `127.0.0.1:${port}`, origin: "null" }])
      expect(await post(url, headers, list), JSON.stringify(headers)).toBe(403);
  });
});

describe("off loopback", () => {
  it("plain HTTP on another address is refused unless a TLS proxy is in front, and then only its requests are answered", async () => {
    await expect(serve({ host: "0.0.0.0" })).rejects.toThrow(/0\.0\.0\.0 would carry Wrike tokens across the network in clear.*behindTlsProxy/);
    const { url } = await serve({ host: "0.0.0.0", behindTlsProxy: true });
    const port = new URL(url).port;
    const through = { host: `mcp.example.com`, authorization: `Bearer ${TOKEN}` };
    expect(await post(`http://127.0.0.1:${port}/mcp`, through, initialize())).toBe(403);
    expect(await post(`http://127.0.0.1:${port}/mcp`, { ...through, "x-forwarded-proto": "http" }, initialize())).toBe(403);
    expect(await post(`http://127.0.0.1:${port}/mcp`, { ...through, "x-forwarded-proto": "https" }, initialize())).toBe(200);
  });

  it("the bin says which flag it needs", async () => {
    const { runCli, CliUsageError } = await import("../src/cli.js");
    await expect(runCli(["--http", "--host", "0.0.0.0", "--port", "0"], { env: {}, log: () => {} })).rejects.toBeInstanceOf(CliUsageError);
    await expect(runCli(["--behind-tls-proxy"], { env: {}, log: () => {} })).rejects.toThrow("need --http");
  });
});

describe("sessions", () => {
  it("initialize answers mcp-session-id; the session is reused, opens a GET stream at once, and DELETE ends it", async () => {
    const { url } = await serve();
    const auth = { authorization: `Bearer ${TOKEN}` };
    const opened = await fetch(url, { method: "POST", headers: { ...HEADERS, ...auth }, body: initialize() });
    expect(opened.status).toBe(200);
    const session = opened.headers.get("mcp-session-id");
    expect(session).toMatch(/^[\x21-\x7e]+$/);
    await opened.text();
    const inSession = { ...HEADERS, ...auth, "mcp-session-id": session! };
    expect((await fetch(url, { method: "POST", headers: inSession, body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }) })).status).toBe(202);
    const listed = await fetch(url, { method: "POST", headers: inSession, body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }) });
    expect(await listed.text()).toContain('"name":"list_tasks"');

    const stream = new AbortController();
    const started = Date.now();
    const get = await fetch(url, { headers: { ...inSession, accept: "text/event-stream" }, signal: stream.signal });
    expect(get.status).toBe(200);
    expect(get.headers.get("content-type")).toContain("text/event-stream");
    expect(Date.now() - started).toBeLessThan(5_000); // headers come at once, not with the first keep-alive
    stream.abort();

    expect((await fetch(url, { method: "DELETE", headers: inSession })).status).toBe(200);
    expect((await fetch(url, { method: "POST", headers: inSession, body: JSON.stringify({ jsonrpc: "2.0", id: 3, method: "tools/list" }) })).status).toBe(404);
  });

  it("a session answers only the token that opened it", async () => {
    const { url } = await serve();
    const opened = await fetch(url, { method: "POST", headers: { ...HEADERS, authorization: `Bearer ${TOKEN}` }, body: initialize() });
    const session = opened.headers.get("mcp-session-id")!;
    await opened.text();
    const other = await fetch(url, { method: "POST", headers: { ...HEADERS, authorization: "Bearer someone-elses-token-4242", "mcp-session-id": session }, body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }) });
    expect(other.status).toBe(403);
    expect(await other.text()).not.toContain(TOKEN);
  });

  for (const [line, sessionful, connect] of [
    ["@modelcontextprotocol/sdk 1.x", true, async (url: string, token: string) => {
      const transport = new HttpTransport1(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
      const client = new Client1({ name: "sdk1", version: "0" });
      await client.connect(transport);
      return { sessionId: () => transport.sessionId, call: (name: string, args: Record<string, unknown>, timeout?: number) => client.callTool({ name, arguments: args }, undefined, { timeout }), close: async () => { await transport.terminateSession(); await client.close(); } };
    }],
    ["@modelcontextprotocol/client 2.x", true, async (url: string, token: string) => {
      const transport = new HttpTransport2(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
      const client = new Client2({ name: "client2", version: "0" });
      await client.connect(transport);
      return { sessionId: () => transport.sessionId, call: (name: string, args: Record<string, unknown>, timeout?: number) => client.callTool({ name, arguments: args }, { timeout }), close: async () => { await transport.terminateSession(); await client.close(); } };
    }],
    ["@modelcontextprotocol/client 2.x on 2026-07-28 (stateless, no session)", false, async (url: string, token: string) => {
      const transport = new HttpTransport2(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
      const client = new Client2({ name: "client2", version: "0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
      await client.connect(transport);
      return { sessionId: () => transport.sessionId, call: (name: string, args: Record<string, unknown>, timeout?: number) => client.callTool({ name, arguments: args }, { timeout }), close: async () => { await transport.terminateSession(); await client.close(); } };
    }],
  ] as const satisfies ReadonlyArray<readonly [string, boolean, unknown]>) {
    it(`${line}: ${sessionful ? "keeps a session" : "needs no session"}, and a call the client times out is cancelled upstream`, async () => {
      const hanging = hangingBackend();
      const { url } = await serve({ offline: hanging });
      const client = await connect(url, "any");
      try {
        expect(Boolean(client.sessionId())).toBe(sessionful);
        // The backend never answers: the timeout only needs to outlast the call's way to it on a loaded machine.
        await expect(client.call("get_task", { taskId: "TASK1" }, 2_000)).rejects.toThrow(/timed out/i);
        await expect.poll(() => hanging.seen.aborted, { timeout: 10_000 }).toBe(1);
        expect(hanging.seen.started).toBe(1);
      } finally {
        await client.close();
      }
    });

    it(`${line}: concurrent sessions with different tokens stay apart`, async () => {
      const { url, backend } = await serve();
      const mine = await connect(url, TOKEN);
      const theirs = await connect(url, "someone-elses-token-4242");
      try {
        if (sessionful) expect(mine.sessionId()).not.toBe(theirs.sessionId());
        const [ok, refused] = await Promise.all([mine.call("get_task", { taskId: "TASK1" }), theirs.call("get_task", { taskId: "TASK1" })]);
        expect(ok.isError).toBeFalsy();
        expect(refused.isError).toBe(true);
        expect(JSON.stringify(refused)).not.toContain("someone-elses-token-4242");
        expect(backend.requests).toHaveLength(2);
      } finally {
        await mine.close();
        await theirs.close();
      }
    });
  }
});
