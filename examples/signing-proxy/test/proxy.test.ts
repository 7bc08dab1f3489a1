/**
 * The browser-side client talks to the proxy with the app's session token only; the proxy signs with
 * OAuth 1.0a and a fake Wrike checks the signature with @wrikekit/core's verifier.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWrikeClient, WrikeApiError, WrikeTransportError } from "@wrikekit/client/v2";
import { parseFormUrlEncoded, verifySignature } from "@wrikekit/core/oauth1";
import { createSigningProxy, serve } from "../src/index.js";

const credentials = { consumerKey: "ck-app", consumerSecret: "cs-SECRET-never-in-browser", token: "tk-user", tokenSecret: "ts-SECRET-never-in-browser" };
const SESSION = "session-123";

function fakeWrike() {
  const seen: { url: string; headers: Headers; body: string; verified: boolean }[] = [];
  const tasks: { id: number; title: string; status: number }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = await request.text();
    const result = await verifySignature(
      { method: request.method, url: request.url, authorization: request.headers.get("authorization"), bodyParams: parseFormUrlEncoded(body) },
      { lookupSecrets: ({ consumerKey, token }) => (consumerKey === credentials.consumerKey && token === credentials.token ? credentials : null), signatureMethods: ["HMAC-SHA1"] },
    );
    seen.push({ url: request.url, headers: request.headers, body, verified: result.ok });
    const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json", "set-cookie": "upstream=1" } });
    if (!result.ok) return json({ error: { code: 402, name: "CREDENTIALS_ERROR", message: result.message } }, 401);
    const params = new URLSearchParams(body);
    const method = new URL(request.url).pathname.split("/").pop();
    if (method === "wrike.task.add") {
      const task = { id: tasks.length + 1, title: params.get("title")!, status: 0 };
      tasks.push(task);
      return json({ task });
    }
    if (method === "wrike.task.filter") return json({ filteredList: { tLast: 1, list: tasks } });
    return json({ error: { code: 407, name: "APPLICATION_ERROR", message: "not faked" } }, 500);
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

function setup(session = SESSION) {
  const upstream = fakeWrike();
  const proxy = createSigningProxy({
    credentials,
    upstream: "https://www.wrike.com",
    fetch: upstream.fetch,
    allowedOrigins: ["http://localhost:5173"],
    authorize: (request) => request.headers.get("authorization") === `Bearer ${SESSION}`,
  });
  // What a browser bundle holds: the proxy's address and the app's session token. No Wrike secret.
  const browserClient = createWrikeClient({
    baseUrl: "http://localhost:8787",
    auth: { kind: "bearer", token: session },
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => proxy(new Request(input, init))) as typeof fetch,
  });
  return { upstream, proxy, browserClient };
}

describe("signing proxy", () => {
  it("signs the browser's calls with OAuth 1.0a; Wrike verifies them", async () => {
    const { upstream, browserClient } = setup();
    const task = await browserClient.task.add({ title: "From the browser" });
    expect(task).toMatchObject({ id: 1, title: "From the browser" });
    const list = await browserClient.task.filter();
    expect("list" in list && list.list.map((t) => t.title)).toEqual(["From the browser"]);
    expect(upstream.seen.map((s) => [s.url, s.verified])).toEqual([
      ["https://www.wrike.com/api/json/v2/wrike.task.add", true],
      ["https://www.wrike.com/api/json/v2/wrike.task.filter", true],
    ]);
    const sent = upstream.seen[0]!;
    expect(sent.headers.get("authorization")).toMatch(/^OAuth .*oauth_consumer_key="ck-app".*oauth_signature_method="HMAC-SHA1"/);
    expect(sent.headers.get("authorization")).not.toContain(SESSION);
    expect(sent.headers.get("authorization")).not.toContain("SECRET");
    expect(sent.body).toBe("title=From+the+browser");
  });

  it("refuses a browser without a valid session, with a Wrike error the client understands", async () => {
    const { upstream, browserClient } = setup("stolen-or-missing");
    const error = await browserClient.task.filter().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeApiError);
    expect(error).toMatchObject({ code: 402, errorName: "CREDENTIALS_ERROR" });
    expect(upstream.seen).toEqual([]);
  });

  it("forwards only Wrike API v2 method calls", async () => {
    const { upstream, proxy } = setup();
    const auth = { authorization: `Bearer ${SESSION}` };
    for (const [method, path] of [
      ["POST", "/api/json/v2/../../admin"],
      ["POST", "/oauth/access_token"],
      ["GET", "/api/json/v2/wrike.task.filter"],
      ["POST", "/api/json/v2/wrike.task.filter?oauth_token=x"],
      ["POST", "/api/v4/tasks"],
    ] as const) {
      const response = await proxy(new Request(`http://localhost:8787${path}`, { method, headers: auth, body: method === "POST" ? "" : undefined }));
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect(upstream.seen).toEqual([]);
  });

  it("answers CORS preflights for allowed origins only, and passes no upstream cookie back", async () => {
    const { proxy } = setup();
    const preflight = (origin: string) => proxy(new Request("http://localhost:8787/api/json/v2/wrike.task.filter", { method: "OPTIONS", headers: { origin } }));
    const ok = await preflight("http://localhost:5173");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(ok.headers.get("access-control-allow-headers")).toContain("authorization");
    expect((await preflight("https://evil.example")).status).toBe(403);
    const answer = await proxy(
      new Request("http://localhost:8787/api/json/v2/wrike.task.filter", { method: "POST", headers: { authorization: `Bearer ${SESSION}`, origin: "http://localhost:5173" }, body: "" }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(answer.headers.get("set-cookie")).toBeNull();
  });

  describe("over HTTP", () => {
    let server: import("node:http").Server;
    let upstream: ReturnType<typeof fakeWrike>;
    beforeAll(async () => {
      upstream = fakeWrike();
      const proxy = createSigningProxy({ credentials, fetch: upstream.fetch, authorize: (r) => r.headers.get("authorization") === `Bearer ${SESSION}` });
      server = await serve(proxy, 0);
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("serves the client through node:http", async () => {
      const { port } = server.address() as AddressInfo;
      const client = createWrikeClient({ baseUrl: `http://127.0.0.1:${port}`, auth: { kind: "bearer", token: SESSION } });
      await client.task.add({ title: "Über HTTP & back" });
      const list = await client.task.filter();
      expect("list" in list && list.list[0]!.title).toBe("Über HTTP & back");
      expect(upstream.seen.every((s) => s.verified)).toBe(true);
    });
  });

  describe("in front of a real HTTP upstream", () => {
    const tasks = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, title: `Task ${i + 1} ${"ü".repeat(20)}`, status: 0 }));
    const upstreamPaths: string[] = [];
    const upstream = createServer((req, res) => {
      upstreamPaths.push(req.url!);
      if (req.url!.endsWith("wrike.task.filter")) {
        // Wrike gzips its answers: fetch decodes them, and the proxy must not pass the encoded length on.
        const gzipped = gzipSync(JSON.stringify({ filteredList: { tLast: 1, list: tasks } }));
        res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": gzipped.length }).end(gzipped);
      } else if (req.url!.endsWith("wrike.task.get")) {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100000" }).write('{"task": {"id": 1, "title": "cut sh');
        setTimeout(() => res.socket!.destroy(), 20);
      } else res.writeHead(307, { location: "https://elsewhere.example/steal" }).end();
    });
    let proxyServer: import("node:http").Server;
    let client: ReturnType<typeof createWrikeClient>;
    beforeAll(async () => {
      await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
      const proxy = createSigningProxy({ credentials, upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, authorize: () => true });
      proxyServer = await serve(proxy, 0);
      client = createWrikeClient({ baseUrl: `http://127.0.0.1:${(proxyServer.address() as AddressInfo).port}`, auth: { kind: "bearer", token: SESSION }, retry: false });
    });
    afterAll(async () => {
      await new Promise((resolve) => proxyServer.close(resolve));
      await new Promise((resolve) => upstream.close(resolve));
    });

    it("passes a gzip answer on whole", async () => {
      const list = await client.task.filter();
      expect("list" in list && list.list.map((t) => t.title)).toEqual(tasks.map((t) => t.title));
    });

    it("ends the answer with a network error when Wrike's connection breaks mid-body, and keeps serving", async () => {
      const failure = await client.task.get({ id: 1 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(WrikeTransportError);
      expect((failure as WrikeTransportError).reason).toBe("network");
      expect("list" in (await client.task.filter())).toBe(true);
    });

    it("does not follow a redirect with the signed call", async () => {
      upstreamPaths.length = 0;
      const failure = await client.task.add({ title: "Not elsewhere" }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(WrikeApiError);
      expect((failure as WrikeApiError).message).toContain("redirect (HTTP 307)");
      expect(upstreamPaths).toEqual(["/api/json/v2/wrike.task.add"]);
    });
  });
});
