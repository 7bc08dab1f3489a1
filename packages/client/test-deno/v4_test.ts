/**
 * @wrikekit/client's main entry (Wrike API v4) under Deno, from its TypeScript sources, against a fake Wrike
 * served by Deno.serve on 127.0.0.1, so every request goes through Deno's own fetch: a permanent token as a
 * bearer, comma-separated ids in a path, a token-paged `for await`, v4's error envelope as a typed
 * WrikeApiError, HTTP 300 (the account's other host), and the OAuth 2.0 code flow with a session that takes
 * the host from the token response and refreshes a rejected token. Run by `pnpm test:deno` (--allow-net=127.0.0.1).
 */
import {
  authorizationUrl,
  createMemoryTokenStore,
  createOAuth2Session,
  createWrikeClient,
  exchangeCode,
  WrikeApiError,
  WrikeAuthError,
  WrikeTransportError,
  type Task,
} from "@wrikekit/client";
import { assert, assertEquals, assertRejects } from "../../../scripts/deno/assert.ts";

const PERMANENT_TOKEN = "perm-token-0123456789";

/** A loopback server answering with `answer`; it records each request's method, path and query, and Authorization header. */
async function fakeWrike(answer: (request: Request, url: URL) => Response | Promise<Response>) {
  const seen: { method: string; path: string; query: URLSearchParams; authorization: string | null; body: string }[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
    const url = new URL(request.url);
    const body = await request.text();
    seen.push({ method: request.method, path: url.pathname, query: url.searchParams, authorization: request.headers.get("authorization"), body });
    return answer(request, url);
  });
  const host = `127.0.0.1:${server.addr.port}`;
  return { host, seen, [Symbol.asyncDispose]: () => server.shutdown() };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const task = (id: string): Task => ({ id, accountId: "ACC", title: `task ${id}` }) as Task;

Deno.test("a permanent token goes as a bearer; ids travel comma-separated in the path", async () => {
  await using wrike = await fakeWrike((_request, url) => json({ kind: "tasks", data: url.pathname.split("/")[4]!.split(",").map(task) }));
  const client = createWrikeClient({ auth: { kind: "bearer", token: PERMANENT_TOKEN }, host: wrike.host });
  const { data } = await client.tasks.get({ taskIds: ["IEAAAAAQKQ", "IEAAAAAQKR"], fields: ["description"] });
  assertEquals(data.map((t) => t.id), ["IEAAAAAQKQ", "IEAAAAAQKR"]);
  assertEquals(wrike.seen.map((r) => [r.method, r.path, r.query.get("fields"), r.authorization]), [["GET", "/api/v4/tasks/IEAAAAAQKQ,IEAAAAAQKR", '["description"]', `Bearer ${PERMANENT_TOKEN}`]]);
});

Deno.test("for await walks every page of a token-paged list, sending the filters again with each token", async () => {
  const all = Array.from({ length: 5 }, (_, i) => task(`T${i}`));
  await using wrike = await fakeWrike((_request, url) => {
    const start = Number(url.searchParams.get("nextPageToken") ?? "0");
    const end = Math.min(all.length, start + 2);
    return json({ kind: "tasks", data: all.slice(start, end), responseSize: all.length, ...(end < all.length ? { nextPageToken: String(end) } : {}) });
  });
  const client = createWrikeClient({ auth: { kind: "bearer", token: PERMANENT_TOKEN }, host: wrike.host });
  const ids: string[] = [];
  for await (const t of client.tasks.list({ status: ["Active"], pageSize: 2 })) ids.push(t.id);
  assertEquals(ids, all.map((t) => t.id));
  assertEquals(wrike.seen.map((r) => [r.query.get("nextPageToken"), r.query.get("status"), r.query.get("pageSize")]), [
    [null, '["Active"]', "2"],
    ["2", '["Active"]', "2"],
    ["4", '["Active"]', "2"],
  ]);
});

Deno.test("v4's error envelope is a typed WrikeApiError; HTTP 300 is a wrong-host WrikeTransportError; neither names the token", async () => {
  await using wrike = await fakeWrike((_request, url) =>
    url.pathname.startsWith("/api/v4/tasks/")
      ? json({ errorDescription: "Resource 'IEAAAAAQKQ' not found", error: "resource_not_found" }, 404)
      : json({ errorDescription: "The account is on another host", error: "invalid_request" }, 300),
  );
  const client = createWrikeClient({ auth: { kind: "bearer", token: PERMANENT_TOKEN }, host: wrike.host });
  await assertRejects(
    () => client.tasks.get({ taskIds: ["IEAAAAAQKQ"] }),
    (e) => e instanceof WrikeApiError && e.status === 404 && e.error === "resource_not_found" && e.errorDescription === "Resource 'IEAAAAAQKQ' not found" && !e.message.includes(PERMANENT_TOKEN),
  );
  await assertRejects(
    () => client.tasks.list().then((page) => page.data),
    (e) => e instanceof WrikeTransportError && e.reason === "wrong-host" && e.httpStatus === 300 && /host/.test(e.message) && !e.message.includes(PERMANENT_TOKEN),
  );
  assertEquals(wrike.seen.length, 2, "neither answer is retried");
});

Deno.test("OAuth 2.0: consent URL, code exchange, the token response's host, a rejected token refreshed once", async () => {
  const client = { clientId: "app-id", clientSecret: "app-secret-xyz" };
  let issued = 0;
  await using wrike = await fakeWrike((request, url) => {
    if (url.pathname === "/oauth2/token") {
      issued++;
      return json({ access_token: `access-${issued}`, refresh_token: `refresh-${issued}`, token_type: "bearer", expires_in: 3600, host: new URL(request.url).host });
    }
    // The first access token is refused as expired early: the session refreshes and the call is sent again.
    if (request.headers.get("authorization") === "Bearer access-1") return json({ errorDescription: "Access token is unknown or invalid", error: "not_authorized" }, 401);
    return json({ kind: "tasks", data: [task("T1")] });
  });
  const oauth = { ...client, authorizeUrl: `http://${wrike.host}/oauth2/authorize/v4`, tokenUrl: `http://${wrike.host}/oauth2/token` };

  const consent = new URL(authorizationUrl(oauth, { state: "state-0123456789", scope: ["wsReadWrite", "amReadOnlyUser"], redirectUri: "http://localhost:8000/callback" }));
  assertEquals(Object.fromEntries(consent.searchParams), { client_id: "app-id", response_type: "code", redirect_uri: "http://localhost:8000/callback", state: "state-0123456789", scope: "wsReadWrite,amReadOnlyUser" });

  const store = createMemoryTokenStore();
  await store.save(await exchangeCode(oauth, { code: "the-code", redirectUri: "http://localhost:8000/callback" }));
  const session = createOAuth2Session({ client: oauth, store });
  const api = createWrikeClient({ auth: { kind: "oauth2", session } });
  const { data } = await api.tasks.list();
  assertEquals(data.map((t) => t.id), ["T1"]);

  const [exchange, refresh] = wrike.seen.filter((r) => r.path === "/oauth2/token").map((r) => Object.fromEntries(new URLSearchParams(r.body)));
  assertEquals(exchange, { grant_type: "authorization_code", code: "the-code", redirect_uri: "http://localhost:8000/callback", client_id: "app-id", client_secret: "app-secret-xyz" });
  assertEquals(refresh, { grant_type: "refresh_token", refresh_token: "refresh-1", client_id: "app-id", client_secret: "app-secret-xyz" });
  assertEquals(wrike.seen.filter((r) => r.path === "/api/v4/tasks").map((r) => r.authorization), ["Bearer access-1", "Bearer access-2"]);
  assertEquals((await store.load())?.refreshToken, "refresh-2", "the rotated refresh token is saved");
});

Deno.test("OAuth 2.0: a token endpoint that redirects is refused, and the secret goes nowhere else", async () => {
  await using elsewhere = await fakeWrike(() => json({ access_token: "stolen" }));
  await using login = await fakeWrike(() => new Response(null, { status: 302, headers: { location: `http://${elsewhere.host}/oauth2/token` } }));
  const oauth = { clientId: "app-id", clientSecret: "app-secret-xyz", tokenUrl: `http://${login.host}/oauth2/token` };
  await assertRejects(() => exchangeCode(oauth, { code: "the-code" }), (e) => e instanceof WrikeAuthError && e.error === "redirect" && !e.message.includes("app-secret-xyz"));
  assertEquals(elsewhere.seen.length, 0);
  assert(login.seen.length === 1);
});
