/**
 * OAuth 2.0 against an independent implementation: python3-oauthlib's WebApplicationServer on 127.0.0.1
 * (test/fixtures/oauthlib_oauth2_server.py) validates our authorisation URL and our token requests (client
 * secret in the form, or HTTP Basic), and our client reads its answers: codes, rotated or kept refresh
 * tokens, expires_in as a string, extra fields, and its RFC 6749 5.2 refusals.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { authorizationUrl, createMemoryTokenStore, createOAuth2Session, exchangeCode, refreshTokens, WrikeAuthError, type OAuth2Client } from "../src/index.js";

const PYTHON = "/usr/bin/python3";
const SERVER = fileURLToPath(new URL("./fixtures/oauthlib_oauth2_server.py", import.meta.url));
const probe = spawnSync(PYTHON, ["-c", "import oauthlib.oauth2"], { encoding: "utf8" });
const skipReason = probe.error ? `${PYTHON} cannot be run` : probe.status === 0 ? undefined : `oauthlib is not importable by ${PYTHON} (install python3-oauthlib)`;
if (skipReason !== undefined) console.warn(`oauthlib OAuth 2.0 interoperability test skipped: ${skipReason}`);

// A secret with the characters HTTP Basic's form-encoding changes (RFC 6749 2.3.1).
const SECRET = "s3cr:et+/=% ü-CLIENT-SECRET";
const REDIRECT_URI = "http://localhost:8765/callback";
const STATE = "state-0123456789";

interface Log {
  authorize: { uri: string; scopes: string[]; state: string; redirectUri: string }[];
  token: { headers: Record<string, string>; body: string }[];
}

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill();
  child = undefined;
});

/** Starts the oauthlib server; resolves with its base URL once it listens. */
async function startServer(options: { clientAuth: "post" | "basic"; rotate: boolean; expiresInAsString?: boolean }): Promise<string> {
  const config = { clientId: "wrikekit-client", clientSecret: SECRET, redirectUri: REDIRECT_URI, ...options };
  child = spawn(PYTHON, [SERVER, JSON.stringify(config)], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await new Promise<string[]>((resolve, reject) => {
    createInterface({ input: child!.stdout! }).once("line", (l) => resolve([l]));
    child!.once("exit", (code) => reject(new Error(`the oauthlib server exited (${code})`)));
  });
  return `http://127.0.0.1:${line}`;
}

const clientOf = (base: string, clientAuth: "post" | "basic", clientSecret = SECRET): OAuth2Client => ({ clientId: "wrikekit-client", clientSecret, clientAuth, authorizeUrl: `${base}/authorize`, tokenUrl: `${base}/token` });

/** The consent step: oauthlib checks our authorisation URL and redirects with a code, which is returned. */
async function authorize(client: OAuth2Client): Promise<string> {
  const answer = await fetch(authorizationUrl(client, { state: STATE, redirectUri: REDIRECT_URI, scope: ["wsReadWrite", "amReadOnlyUser"] }), { redirect: "manual" });
  expect(answer.status, await answer.clone().text()).toBe(302);
  const location = new URL(answer.headers.get("location")!);
  expect(location.origin + location.pathname).toBe(REDIRECT_URI);
  expect(location.searchParams.get("state")).toBe(STATE);
  return location.searchParams.get("code")!;
}

const log = async (base: string) => (await (await fetch(`${base}/log`)).json()) as Log;

describe.skipIf(skipReason !== undefined)("OAuth 2.0 against python3-oauthlib", () => {
  it.each(["post", "basic"] as const)("client auth %s: oauthlib takes our authorisation URL, code exchange and refreshes, and rotated refresh tokens are kept", async (clientAuth) => {
    const base = await startServer({ clientAuth, rotate: true });
    const client = clientOf(base, clientAuth);
    const code = await authorize(client);
    const before = Date.now();
    const tokens = await exchangeCode(client, { code, redirectUri: REDIRECT_URI });
    expect(tokens.accessToken).toMatch(/^[!-~]+$/);
    expect(tokens.refreshToken).toBeDefined();
    expect(tokens.tokenType.toLowerCase()).toBe("bearer");
    expect(tokens.host).toBe("app-eu.wrike.com");
    expect(tokens.expiresAt! - before).toBeGreaterThanOrEqual(3600_000 - 1000);
    expect(tokens.expiresAt! - Date.now()).toBeLessThanOrEqual(3600_000);

    const store = createMemoryTokenStore(tokens);
    const session = createOAuth2Session({ client, store });
    const seen = new Set([tokens.refreshToken]);
    for (let i = 0; i < 3; i++) {
      await session.refresh();
      const saved = (await store.load())!;
      expect(seen.has(saved.refreshToken), "a rotated refresh token is new").toBe(false);
      seen.add(saved.refreshToken);
    }
    // The used code is refused the second time (oauthlib: invalid_grant, RFC 6749 5.2).
    const reused = await exchangeCode(client, { code, redirectUri: REDIRECT_URI }).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(WrikeAuthError);
    expect(reused).toMatchObject({ error: "invalid_grant", httpStatus: 400 });

    const { authorize: consents, token: requests } = await log(base);
    expect(consents[0]).toMatchObject({ state: STATE, redirectUri: REDIRECT_URI, scopes: ["wsReadWrite,amReadOnlyUser"] });
    for (const { headers, body } of requests) {
      const form = new URLSearchParams(body);
      expect(form.has("client_secret")).toBe(clientAuth === "post");
      expect(Object.keys(headers).some((name) => name.toLowerCase() === "authorization")).toBe(clientAuth === "basic");
    }
  });

  it("a refresh answered without refresh_token (RFC 6749 6) keeps the old one, which goes on working; expires_in as a string is read", async () => {
    const base = await startServer({ clientAuth: "post", rotate: false, expiresInAsString: true });
    const client = clientOf(base, "post");
    const tokens = await exchangeCode(client, { code: await authorize(client), redirectUri: REDIRECT_URI });
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() + 3500_000);
    const store = createMemoryTokenStore(tokens);
    const session = createOAuth2Session({ client, store });
    const first = await session.refresh();
    const second = await session.refresh();
    expect(new Set([tokens.accessToken, first, second]).size).toBe(3);
    expect((await store.load())!.refreshToken).toBe(tokens.refreshToken);
    expect((await store.load())!.expiresAt).toBeGreaterThan(Date.now() + 3500_000);
  });

  it("50 calls during an expiry share one refresh at oauthlib", async () => {
    const base = await startServer({ clientAuth: "basic", rotate: true });
    const client = clientOf(base, "basic");
    const tokens = await exchangeCode(client, { code: await authorize(client), redirectUri: REDIRECT_URI });
    const store = createMemoryTokenStore({ ...tokens, expiresAt: Date.now() - 1 });
    const session = createOAuth2Session({ client, store });
    const answers = await Promise.all(Array.from({ length: 50 }, () => session.accessToken()));
    expect(new Set(answers).size).toBe(1);
    expect((await log(base)).token.filter(({ body }) => body.includes("grant_type=refresh_token"))).toHaveLength(1);
  });

  it("oauthlib's refusals are WrikeAuthErrors with its error code and none of the secrets: a wrong client secret, an unknown refresh token", async () => {
    const base = await startServer({ clientAuth: "basic", rotate: true });
    const client = clientOf(base, "basic");
    const code = await authorize(client);
    const wrongSecret = (await exchangeCode(clientOf(base, "basic", "WRONG-CLIENT-SECRET"), { code, redirectUri: REDIRECT_URI }).catch((e: unknown) => e)) as WrikeAuthError;
    expect(wrongSecret).toBeInstanceOf(WrikeAuthError);
    expect(wrongSecret).toMatchObject({ error: "invalid_client", httpStatus: 401 });
    const unknown = (await refreshTokens(client, "UNKNOWN-REFRESH-TOKEN").catch((e: unknown) => e)) as WrikeAuthError;
    expect(unknown).toMatchObject({ error: "invalid_grant", httpStatus: 400 });
    for (const error of [wrongSecret, unknown])
      for (const text of [error.message, error.stack, JSON.stringify(error)]) for (const secret of [SECRET, "WRONG-CLIENT-SECRET", "UNKNOWN-REFRESH-TOKEN", code]) expect(text).not.toContain(secret);
  });
});
