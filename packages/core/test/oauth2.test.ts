import { describe, expect, it } from "vitest";
import { authorizationUrl, checkRedirectUri, createManualClock, createMemoryTokenStore, createOAuth2Session, exchangeCode, refreshTokens, WrikeAuthError } from "../src/index.js";

/** A token endpoint that rotates refresh tokens: each one works once. */
function rotatingTokenServer() {
  let generation = 0;
  const valid = new Set(["refresh-0"]);
  const calls: URLSearchParams[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const form = new URLSearchParams(String(init!.body));
    calls.push(form);
    await new Promise((r) => setTimeout(r, 5));
    const grant = form.get("grant_type");
    if (grant === "refresh_token" && !valid.delete(form.get("refresh_token")!))
      return Response.json({ error: "invalid_grant", error_description: "refresh token already used" }, { status: 400 });
    generation++;
    valid.add(`refresh-${generation}`);
    return Response.json({ access_token: `access-${generation}`, refresh_token: `refresh-${generation}`, token_type: "bearer", expires_in: 3600, host: "app-eu.wrike.com" });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const client = { clientId: "cid", clientSecret: "CLIENT-SECRET", tokenUrl: "https://login.example/oauth2/token" };

describe("OAuth 2.0", () => {
  it("builds the authorisation URL", () => {
    const url = new URL(authorizationUrl({ clientId: "cid" }, { state: "s-12345678", redirectUri: "https://app.example/cb" }));
    expect(url.origin + url.pathname).toBe("https://login.wrike.com/oauth2/authorize/v4");
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: "cid", response_type: "code", redirect_uri: "https://app.example/cb", state: "s-12345678" });
  });

  it("requests scopes, one or a list (comma-separated, as Wrike reads them), and refuses a malformed one", () => {
    const one = new URL(authorizationUrl({ clientId: "cid" }, { state: "s-12345678", scope: "wsReadOnly" }));
    expect(one.searchParams.get("scope")).toBe("wsReadOnly");
    const list = new URL(authorizationUrl({ clientId: "cid" }, { state: "s-12345678", scope: ["wsReadWrite", "amReadOnlyUser"] }));
    expect(list.searchParams.get("scope")).toBe("wsReadWrite,amReadOnlyUser");
    expect(() => authorizationUrl({ clientId: "cid" }, { state: "s-12345678", scope: ["wsReadOnly amReadOnlyUser"] })).toThrow('scope must be one or more scope names such as wsReadOnly (letters and digits), got ["wsReadOnly amReadOnlyUser"]');
    expect(() => authorizationUrl({ clientId: "cid" }, { state: "s-12345678", scope: [] })).toThrow(TypeError);
  });

  it("sends the code and the refresh token to v4's token endpoint by default", async () => {
    const server = rotatingTokenServer();
    const urls: string[] = [];
    const fetch = ((url: string, init: RequestInit) => (urls.push(url), server.fetch(url, init))) as typeof globalThis.fetch;
    await exchangeCode({ clientId: "cid", clientSecret: "CLIENT-SECRET", fetch }, { code: "c" });
    await refreshTokens({ clientId: "cid", clientSecret: "CLIENT-SECRET", fetch }, "refresh-1");
    expect(urls).toEqual(["https://login.wrike.com/oauth2/token", "https://login.wrike.com/oauth2/token"]);
  });

  it("never sends a secret over plain HTTP: tokenUrl and authorizeUrl must be HTTPS except on loopback", async () => {
    const server = rotatingTokenServer();
    const plain = { ...client, tokenUrl: "http://login.example/oauth2/token", fetch: server.fetch };
    await expect(exchangeCode(plain, { code: "the-code" })).rejects.toThrow("tokenUrl must be an https URL (http only for localhost): http://login.example/oauth2/token");
    await expect(refreshTokens(plain, "refresh-0")).rejects.toThrow(TypeError);
    expect(server.calls).toHaveLength(0);
    expect(() => authorizationUrl({ clientId: "cid", authorizeUrl: "http://login.example/oauth2/authorize" }, { state: "s-12345678" })).toThrow("authorizeUrl must be an https URL");
    await exchangeCode({ ...plain, tokenUrl: "http://127.0.0.1:8080/oauth2/token" }, { code: "c" });
    expect(server.calls).toHaveLength(1);
  });

  it("a token endpoint that redirects is refused, and the secret is not re-sent", async () => {
    const sent: string[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      sent.push(url);
      expect(init.redirect).toBe("manual");
      return new Response(null, { status: 307, headers: { location: "https://evil.example/token" } });
    }) as typeof globalThis.fetch;
    const error = await exchangeCode({ ...client, fetch }, { code: "c" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeAuthError);
    expect(error).toMatchObject({ error: "redirect", httpStatus: 307 });
    expect(String((error as Error).message)).not.toContain("CLIENT-SECRET");
    expect(sent).toEqual(["https://login.example/oauth2/token"]);
  });

  it("refuses redirect URIs that are not HTTPS, except localhost", () => {
    expect(() => checkRedirectUri("http://app.example/cb")).toThrow("redirectUri must be an https URL (http only for localhost): http://app.example/cb");
    expect(checkRedirectUri("http://localhost:3000/cb").host).toBe("localhost:3000");
    expect(checkRedirectUri("https://localhost/cb").protocol).toBe("https:");
    expect(() => authorizationUrl({ clientId: "c" }, { state: "s-12345678", redirectUri: "http://evil.example/" })).toThrow(TypeError);
  });

  it("exchanges a code and keeps the account's host", async () => {
    const server = rotatingTokenServer();
    const tokens = await exchangeCode({ ...client, fetch: server.fetch }, { code: "the-code", redirectUri: "http://localhost/cb" }, 1000);
    expect(tokens).toEqual({ accessToken: "access-1", refreshToken: "refresh-1", tokenType: "bearer", expiresAt: 1000 + 3_600_000, host: "app-eu.wrike.com" });
    expect(Object.fromEntries(server.calls[0]!)).toMatchObject({ grant_type: "authorization_code", code: "the-code", redirect_uri: "http://localhost/cb" });
  });

  it("a refresh race of 50 concurrent calls performs exactly one refresh and saves the rotated token", async () => {
    const server = rotatingTokenServer();
    const store = createMemoryTokenStore({ accessToken: "access-0", refreshToken: "refresh-0", tokenType: "bearer", expiresAt: undefined, host: undefined });
    const session = createOAuth2Session({ client: { ...client, fetch: server.fetch }, store });
    const rejected = await session.accessToken();
    const results = await Promise.all(Array.from({ length: 50 }, () => session.refresh(rejected)));
    expect(server.calls.filter((c) => c.get("grant_type") === "refresh_token")).toHaveLength(1);
    expect(new Set(results)).toEqual(new Set(["access-1"]));
    expect((await store.load())!.refreshToken).toBe("refresh-1");
    // A late caller holding the old token gets the new one without another refresh.
    expect(await session.refresh(rejected)).toBe("access-1");
    expect(server.calls).toHaveLength(1);
    expect(session.host()).toBe("app-eu.wrike.com");
  });

  it("a store that fails to save the rotated tokens: a typed error, the new tokens kept in memory and saved on the next call, the retired refresh token never sent again", async () => {
    const server = rotatingTokenServer();
    const memory = createMemoryTokenStore({ accessToken: "access-0", refreshToken: "refresh-0", tokenType: "bearer", expiresAt: undefined, host: undefined });
    let failures = 2;
    const store = { load: memory.load, save: async (next: Parameters<typeof memory.save>[0]) => (failures-- > 0 ? Promise.reject(new Error("disk full")) : memory.save(next)) };
    const session = createOAuth2Session({ client: { ...client, fetch: server.fetch }, store });
    const error = (await session.refresh("access-0").catch((e: unknown) => e)) as WrikeAuthError;
    expect(error).toBeInstanceOf(WrikeAuthError);
    expect(error).toMatchObject({ error: "store_save_failed", cause: new Error("disk full") });
    expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(/access-1|refresh-1/);
    // Still failing: no token is handed out unsaved, and the server is not asked again.
    await expect(session.accessToken()).rejects.toMatchObject({ error: "store_save_failed" });
    expect(await session.accessToken()).toBe("access-1");
    expect((await memory.load())!.refreshToken).toBe("refresh-1");
    expect(server.calls.map((c) => c.get("refresh_token"))).toEqual(["refresh-0"]);
    // The saved tokens work on: the next refresh sends the rotated refresh token.
    expect(await session.refresh("access-1")).toBe("access-2");
    expect(server.calls.map((c) => c.get("refresh_token"))).toEqual(["refresh-0", "refresh-1"]);
  });

  it("refreshes ahead of expiry, once for concurrent callers", async () => {
    const server = rotatingTokenServer();
    const clock = createManualClock(10_000_000);
    const store = createMemoryTokenStore({ accessToken: "access-0", refreshToken: "refresh-0", tokenType: "bearer", expiresAt: 10_030_000, host: undefined });
    const session = createOAuth2Session({ client: { ...client, fetch: server.fetch }, store, clock });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => session.accessToken()));
    expect(new Set(tokens)).toEqual(new Set(["access-1"]));
    expect(server.calls).toHaveLength(1);
  });

  it("reads expires_in sent as a numeric string (as some token endpoints do), and ignores one that is not a number", async () => {
    const answering = (expires_in: unknown) => (async () => Response.json({ access_token: "a", token_type: "Bearer", expires_in })) as unknown as typeof globalThis.fetch;
    expect((await exchangeCode({ ...client, fetch: answering("3599") }, { code: "c" }, 1000)).expiresAt).toBe(1000 + 3_599_000);
    expect((await exchangeCode({ ...client, fetch: answering(" 60 ") }, { code: "c" }, 1000)).expiresAt).toBe(1000 + 60_000);
    for (const bad of ["", "soon", "1e400", null, true, -5, "-5"]) expect((await exchangeCode({ ...client, fetch: answering(bad) }, { code: "c" }, 1000)).expiresAt, String(bad)).toBeUndefined();
  });

  it("a token endpoint that quotes the secret, the code or the refresh token in its refusal: the error keeps the rest, not them", async () => {
    const quoting = (async (_url: unknown, init?: RequestInit) => {
      const form = new URLSearchParams(String(init!.body));
      const quoted = [...form].map(([k, v]) => `${k}=${v}`).join(" ");
      return Response.json({ error: "invalid_client", error_description: `rejected ${quoted}` }, { status: 401 });
    }) as unknown as typeof globalThis.fetch;
    for (const call of [exchangeCode({ ...client, fetch: quoting }, { code: "THE-CODE-123" }), refreshTokens({ ...client, fetch: quoting }, "THE-REFRESH-456")]) {
      const error = (await call.catch((e: unknown) => e)) as WrikeAuthError;
      expect(error).toBeInstanceOf(WrikeAuthError);
      expect(error.message).toMatch(/invalid_client: rejected .*client_id=cid/);
      for (const secret of ["CLIENT-SECRET", "THE-CODE-123", "THE-REFRESH-456"]) for (const text of [error.message, error.stack]) expect(text).not.toContain(secret);
    }
  });

  it("clientAuth basic sends the client's id and secret by HTTP Basic, each form-encoded (RFC 6749 2.3.1), and not in the form", async () => {
    const requests: { authorization: string | null; form: URLSearchParams }[] = [];
    const fetch = (async (_url: unknown, init?: RequestInit) => {
      requests.push({ authorization: new Headers(init!.headers).get("authorization"), form: new URLSearchParams(String(init!.body)) });
      return Response.json({ access_token: "a", token_type: "bearer" });
    }) as unknown as typeof globalThis.fetch;
    await exchangeCode({ clientId: "app id", clientSecret: "s:e/c+r%t", tokenUrl: client.tokenUrl, clientAuth: "basic", fetch }, { code: "c" });
    await refreshTokens({ ...client, fetch }, "r");
    expect(requests[0]!.authorization).toBe(`Basic ${btoa("app+id:s%3Ae%2Fc%2Br%25t")}`);
    expect(Object.fromEntries(requests[0]!.form)).toEqual({ grant_type: "authorization_code", code: "c" });
    // The default is Wrike's: both in the form.
    expect(requests[1]!.authorization).toBeNull();
    expect(Object.fromEntries(requests[1]!.form)).toEqual({ grant_type: "refresh_token", refresh_token: "r", client_id: "cid", client_secret: "CLIENT-SECRET" });
  });

  it("a refused refresh is a WrikeAuthError without secrets", async () => {
    const server = rotatingTokenServer();
    const store = createMemoryTokenStore({ accessToken: "a", refreshToken: "USED-REFRESH", tokenType: "bearer", expiresAt: undefined, host: undefined });
    const session = createOAuth2Session({ client: { ...client, fetch: server.fetch }, store });
    const error = await session.refresh("a").catch((e: unknown) => e as WrikeAuthError);
    expect(error).toBeInstanceOf(WrikeAuthError);
    expect((error as WrikeAuthError).error).toBe("invalid_grant");
    expect((error as Error).message).not.toContain("USED-REFRESH");
    expect((error as Error).message).not.toContain("CLIENT-SECRET");
  });
  /** What refreshing with `refresh` gets from a token endpoint answering `body` with `status`. */
  const refreshAgainst = (body: string, status = 200) =>
    refreshTokens({ ...client, fetch: (async () => new Response(body, { status, headers: { "content-type": "application/json" } })) as typeof fetch }, "REFRESH-TOKEN-1234").catch((e: unknown) => e);

  it("a token answer that is JSON but not an object (null, a list, a string): a WrikeAuthError, not a TypeError", async () => {
    for (const [body, status] of [["null", 200], ["null", 400], ["[]", 200], ['"ok"', 200]] as const) {
      const error = await refreshAgainst(body, status);
      expect(error, body).toBeInstanceOf(WrikeAuthError);
      expect(error).toMatchObject({ error: "invalid_response", httpStatus: status });
    }
  });

  it("a token answer whose host is not Wrike's, the token endpoint's or loopback is refused naming it: the access token would go there", async () => {
    const answer = (host: string) => JSON.stringify({ access_token: "ACCESS-TOKEN-1234", token_type: "bearer", host });
    for (const host of ["evil.example", "app-eu.wrike.com.evil.example", "evilwrike.com", "http://evil.example"]) {
      const error = await refreshAgainst(answer(host));
      expect(error, host).toBeInstanceOf(WrikeAuthError);
      expect(error).toMatchObject({ error: "invalid_response", message: `the token endpoint answered the refresh_token grant with host ${JSON.stringify(host)}, not a Wrike host (*.wrike.com); the access token is not sent there` });
    }
    for (const host of ["www.wrike.com", "app-us2.wrike.com", "login.example", "127.0.0.1:8080"]) expect(await refreshAgainst(answer(host))).toMatchObject({ accessToken: "ACCESS-TOKEN-1234", host });
  });

  it("a token endpoint that quotes the refresh token or the secret in its error code: neither is in the error, its message or its JSON", async () => {
    for (const code of ["invalid_grant REFRESH-TOKEN-1234", "CLIENT-SECRET"]) {
      const error = (await refreshAgainst(JSON.stringify({ error: code }), 400)) as WrikeAuthError;
      expect(error).toBeInstanceOf(WrikeAuthError);
      for (const text of [error.message, error.stack, JSON.stringify(error), error.error]) {
        expect(text).not.toContain("REFRESH-TOKEN-1234");
        expect(text).not.toContain("CLIENT-SECRET");
      }
    }
  });

  it("an access token that is empty, cannot go in a header, or is not a bearer token (RFC 6749 7.1): refused as invalid_response", async () => {
    for (const answer of [{ access_token: "" }, { access_token: "two words" }, { access_token: "line\nbreak" }, { access_token: "abc", token_type: "mac" }]) {
      const error = await refreshAgainst(JSON.stringify(answer));
      expect(error, JSON.stringify(answer)).toBeInstanceOf(WrikeAuthError);
      expect(error).toMatchObject({ error: "invalid_response", httpStatus: 200 });
    }
    // Bearer in any case is bearer (RFC 6749 5.1: the type is case-insensitive).
    expect(await refreshAgainst(JSON.stringify({ access_token: "abc", token_type: "Bearer" }))).toMatchObject({ accessToken: "abc" });
  });
});
