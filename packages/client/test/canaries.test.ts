/**
 * Canary sweep: every kind of secret the client handles, sent to servers that echo back whatever they were
 * sent (the Authorization header, the form body, the URL) in every place an answer can carry it. Nothing a
 * caller can observe (the error in all its printed forms and its causes, the hooks' events, the console, the
 * URLs requested) may contain a canary. A new path that carries a secret belongs in one of the tables below.
 */
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWrikeClient, type TransportHooks } from "../src/index.js";
import { createOAuth1Flow, createWrikeClient as createV2Client } from "../src/v2/index.js";
import { createMemoryTokenStore, createOAuth2Session, exchangeCode, refreshTokens, type TokenStore } from "@wrikekit/core";

const CANARY = {
  permanentToken: "CANARY-permanent-token-0001",
  consumerSecret: "CANARY-consumer-secret-0002",
  tokenSecret: "CANARY-token-secret-0003",
  oauth1Token: "CANARY-oauth1-token-0004",
  clientSecret: "CANARY-client-secret-0005",
  code: "CANARY-authorization-code-0006",
  accessToken: "CANARY-access-token-0007",
  refreshToken: "CANARY-refresh-token-0008",
  rotatedRefreshToken: "CANARY-refresh-token-0009",
  webhookSecret: "CANARY-webhook-secret-0010",
};

/** Everything the request carried, as an echoing server would quote it. */
async function echoOf(url: string, init: RequestInit | undefined): Promise<string> {
  const headers = new Headers(init?.headers);
  const body = typeof init?.body === "string" ? init.body : init?.body instanceof URLSearchParams ? init.body.toString() : "";
  const text = `${headers.get("authorization")} ${body} ${url}`;
  return `${text} ${decodeURIComponent(text.replace(/\+/g, " "))}`;
}

type Answer = (echo: string) => Response;
const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });
/** Hostile answers of the API: each quotes what it was sent somewhere a client reads. */
const API_ANSWERS: Record<string, Answer> = {
  "an API error quoting the request": (echo) => json(401, { error: "not_authorized", error_description: echo, errorDescription: `rejected: ${echo}`, errorCode: 401, errorName: echo, message: echo }),
  "an error name quoting the request": (echo) => json(400, { error: echo, errorDescription: [echo] }),
  "a v2 envelope quoting the request": (echo) => json(200, { error: { code: 403, errorName: "CREDENTIALS_ERROR", message: `rejected: ${echo}` } }),
  "an answer of the wrong shape holding the token": (echo) => json(200, { kind: "accounts", data: echo.split(" ")[1], contacts: echo.split(" ")[1] }),
  "an HTML page quoting the request": (echo) => new Response(`<html><body>${echo}</body></html>`, { status: 200, headers: { "content-type": "text/html" } }),
  "an OAuth problem report quoting the request": (echo) => new Response(new URLSearchParams({ oauth_problem: "signature_invalid", oauth_problem_advice: echo }).toString(), { status: 401, headers: { "content-type": "application/x-www-form-urlencoded" } }),
  "a 503 quoting the request": (echo) => new Response(echo, { status: 503, headers: { "content-type": "text/plain", "retry-after": "0" } }),
  "a redirect carrying the request": (echo) => new Response(null, { status: 302, headers: { location: `https://elsewhere.example/?${new URLSearchParams({ echo })}` } }),
};
/** Failures of fetch itself that quote the request. */
const FETCH_FAILURES: Record<string, (echo: string) => Error> = {
  "a fetch that fails quoting the request": (echo) => new TypeError(`Headers.append: "${echo}" is an invalid header value.`, { cause: new Error(echo) }),
};

/** What a caller sees: the error in every printed form (causes included), hook events and the console. */
const seen: string[] = [];
const hooks: TransportHooks = Object.fromEntries(
  (["request", "response", "retry", "rateLimited", "rateLimitWait"] as const).map((name) => [name, (event: unknown) => seen.push(inspect(event, { depth: 10 }))]),
);
function errorForms(error: unknown): string[] {
  const forms = [String(error), inspect(error, { depth: 10 }), JSON.stringify(error) ?? ""];
  for (let e = error as { message?: unknown; stack?: unknown; cause?: unknown } | undefined, i = 0; e && i < 10; e = e.cause as typeof e, i++) forms.push(String(e.message), String(e.stack));
  return forms;
}
async function observe(promise: Promise<unknown>): Promise<void> {
  try {
    seen.push(inspect(await promise, { depth: 10 }));
  } catch (error) {
    seen.push(...errorForms(error));
  }
}
function expectNoCanary(): void {
  const text = seen.join("\n");
  for (const [kind, canary] of Object.entries(CANARY)) expect(text, kind).not.toContain(canary);
}

let requested: string[] = [];
beforeEach(() => {
  seen.length = 0;
  requested = [];
  for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) vi.spyOn(console, level).mockImplementation((...args) => void seen.push(inspect(args, { depth: 10 })));
});
afterEach(() => {
  vi.restoreAllMocks();
  // A token is never put in a URL.
  for (const url of requested) for (const canary of Object.values(CANARY)) expect(url).not.toContain(canary);
});

/** A fetch that answers `answer` (or fails with `failure`) to every request, recording the URLs. */
function hostileFetch(answer: Answer | undefined, failure?: (echo: string) => Error): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requested.push(url);
    const echo = await echoOf(url, init);
    if (failure) throw failure(echo);
    return answer!(echo);
  }) as typeof fetch;
}

const cases = [...Object.entries(API_ANSWERS).map(([name, answer]) => ({ name, answer, failure: undefined })), ...Object.entries(FETCH_FAILURES).map(([name, failure]) => ({ name, answer: undefined, failure }))];
const retry = { maxAttempts: 2, baseDelayMs: 1 };

describe.each(cases)("no secret in anything observable: $name", ({ answer, failure }) => {
  it("v4, permanent token; a webhook's secret in the arguments", async () => {
    const wrike = createWrikeClient({ auth: { kind: "bearer", token: CANARY.permanentToken }, fetch: hostileFetch(answer, failure), hooks, retry });
    await observe(wrike.account.get());
    await observe(wrike.webhooks.create({ hookUrl: "https://example.com/hook", secret: CANARY.webhookSecret }));
    expectNoCanary();
  });

  it.each(["HMAC-SHA1", "PLAINTEXT"] as const)("v2, OAuth 1.0a signed with %s", async (signatureMethod) => {
    const wrike = createV2Client({ auth: { kind: "oauth1", consumerKey: "consumer-key", consumerSecret: CANARY.consumerSecret, token: CANARY.oauth1Token, tokenSecret: CANARY.tokenSecret, signatureMethod }, fetch: hostileFetch(answer, failure), hooks, retry });
    await observe(wrike.contacts.list());
    expectNoCanary();
  });

  it("OAuth 1.0a flow: the request token and the access token steps", async () => {
    const flow = createOAuth1Flow({ consumerKey: "consumer-key", consumerSecret: CANARY.consumerSecret, signatureMethod: "PLAINTEXT", fetch: hostileFetch(answer, failure) });
    await observe(flow.requestToken());
    await observe(flow.accessToken({ token: CANARY.oauth1Token, tokenSecret: CANARY.tokenSecret }, "verifier-1"));
    expectNoCanary();
  });

  it("OAuth 2.0: the code exchange and a refresh, client secret in the form or as HTTP Basic", async () => {
    for (const clientAuth of ["post", "basic"] as const) {
      const client = { clientId: "client-id", clientSecret: CANARY.clientSecret, clientAuth, fetch: hostileFetch(answer, failure) };
      await observe(exchangeCode(client, { code: CANARY.code, redirectUri: "https://app.example/callback" }));
      await observe(refreshTokens(client, CANARY.refreshToken));
    }
    expectNoCanary();
  });

  it("OAuth 2.0 session: the API rejects the access token, and the refresh meets the same server", async () => {
    const store = createMemoryTokenStore({ accessToken: CANARY.accessToken, refreshToken: CANARY.refreshToken, tokenType: "bearer", expiresAt: undefined, host: undefined });
    const session = createOAuth2Session({ client: { clientId: "client-id", clientSecret: CANARY.clientSecret, fetch: hostileFetch(answer, failure) }, store });
    await observe(createWrikeClient({ auth: { kind: "oauth2", session }, fetch: hostileFetch(answer, failure), hooks, retry }).account.get());
    expectNoCanary();
  });
});

describe("no secret in anything observable: secrets the token endpoint answers", () => {
  const answered = { access_token: CANARY.accessToken, refresh_token: CANARY.rotatedRefreshToken };
  it.each([
    ["an access token that cannot be sent, with a token type quoting it", { ...answered, access_token: `${CANARY.accessToken} x`, token_type: `mac ${CANARY.accessToken}` }],
    ["a host that is not Wrike's, quoting the token", { ...answered, host: `evil.example/${CANARY.accessToken}` }],
    ["a token type quoting the tokens", { ...answered, token_type: `mac ${CANARY.rotatedRefreshToken}` }],
  ])("%s", async (_name, body) => {
    await observe(refreshTokens({ clientId: "client-id", clientSecret: CANARY.clientSecret, fetch: hostileFetch(() => json(200, body)) }, CANARY.refreshToken));
    expectNoCanary();
  });

  it("a TokenStore whose save fails quoting what it was given", async () => {
    const store: TokenStore = {
      load: async () => ({ accessToken: CANARY.accessToken, refreshToken: CANARY.refreshToken, tokenType: "bearer", expiresAt: 1, host: undefined }),
      save: async (tokens) => {
        throw new Error(`disk full writing ${JSON.stringify(tokens)}`);
      },
    };
    const session = createOAuth2Session({ client: { clientId: "client-id", clientSecret: CANARY.clientSecret, fetch: hostileFetch(() => json(200, answered)) }, store });
    await observe(session.accessToken());
    expectNoCanary();
  });
});
