/** OAuth 1.0a on every call, and the three-legged flow, against the in-process emulator. */
import { describe, expect, it } from "vitest";
import { createOAuth1Flow, encodeFormParameters, signRequest, type SignatureMethod } from "@wrikekit/core/oauth1";
import { createEmulator, type Emulator } from "../../src/index.js";
import { BASE_URL, expectApiError, FORMATS, harness } from "./harness.js";

const T = Date.UTC(2024, 2, 13, 10, 30, 0);
const PROFILE = `${BASE_URL}/api/json/v2/wrike.profile.get`;

interface Signing {
  url?: string;
  location?: "header" | "query" | "body";
  signatureMethod?: SignatureMethod;
  timestamp?: number | false;
  nonce?: string | false;
  token?: string;
  tokenSecret?: string;
  consumerSecret?: string;
  verifier?: string;
  body?: Array<[string, string]>;
}

/** A request signed with core's signer, its protocol parameters where `location` says. */
async function signed(emulator: Emulator, s: Signing = {}): Promise<Request> {
  const { consumerKey, consumerSecret, user } = emulator.credentials;
  const url = s.url ?? PROFILE;
  const body = s.body ?? [];
  const location = s.location ?? "header";
  const result = await signRequest(
    { method: "POST", url, bodyParams: body },
    { consumerKey, consumerSecret: s.consumerSecret ?? consumerSecret, token: s.token ?? user.token, tokenSecret: s.tokenSecret ?? user.tokenSecret },
    { signatureMethod: s.signatureMethod ?? "HMAC-SHA1", timestamp: s.timestamp ?? Math.floor(T / 1000), ...(s.nonce === undefined ? {} : { nonce: s.nonce }), ...(s.verifier === undefined ? {} : { verifier: s.verifier }) },
  );
  const form = { "content-type": "application/x-www-form-urlencoded" };
  if (location === "header") return new Request(url, { method: "POST", headers: { ...form, authorization: result.authorizationHeader }, body: encodeFormParameters(body) });
  if (location === "query") return new Request(`${url}?${encodeFormParameters(result.oauthParams)}`, { method: "POST", headers: form, body: encodeFormParameters(body) });
  return new Request(url, { method: "POST", headers: form, body: encodeFormParameters([...body, ...result.oauthParams]) });
}

async function errorOf(response: Response): Promise<{ code: number; name: string; message: string }> {
  return ((await response.json()) as { error: { code: number; name: string; message: string } }).error;
}

describe("signatures", () => {
  it.each(["header", "query", "body"] as const)("accepts HMAC-SHA1 with the protocol parameters in the %s", async (location) => {
    const emulator = createEmulator({ now: () => T });
    const response = await emulator.handle(await signed(emulator, { location, body: [["asyncKey", "a b+c"]] }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ profile: { uid: "OYgzyijdAo5Q" } });
  });

  it.each(FORMATS)("accepts PLAINTEXT from the real client (%s)", async (format) => {
    const h = harness();
    const client = h.client({ format, signatureMethod: "PLAINTEXT" });
    expect((await client.profile.get({})).uid).toBe("OYgzyijdAo5Q");
    await expectApiError(h.client({ format, signatureMethod: "PLAINTEXT", tokenSecret: "bad" }).profile.get({}), 402, /invalid oauth_signature/);
  });

  it("requires oauth_timestamp and oauth_nonce with PLAINTEXT too, as the reference does", async () => {
    const emulator = createEmulator({ now: () => T });
    const response = await emulator.handle(await signed(emulator, { signatureMethod: "PLAINTEXT", timestamp: false, nonce: false }));
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toEqual({ code: 402, name: "CREDENTIALS_ERROR", message: "Authorization failed: oauth_timestamp and oauth_nonce are required." });
  });

  it("accepts timestamps within ±600 s of the emulator's clock, not beyond", async () => {
    const emulator = createEmulator({ now: () => T });
    const at = (offset: number) => signed(emulator, { timestamp: Math.floor(T / 1000) + offset });
    for (const offset of [-600, 600]) expect((await emulator.handle(await at(offset))).status).toBe(200);
    for (const offset of [-601, 601]) {
      const response = await emulator.handle(await at(offset));
      expect(response.status).toBe(401);
      expect((await errorOf(response)).message).toMatch(/oauth_timestamp is too far from the server's clock/);
    }
  });

  it("refuses a nonce used before with the same consumer, token and timestamp", async () => {
    const emulator = createEmulator({ now: () => T });
    const first = await signed(emulator, { nonce: "n-1" });
    const replay = first.clone();
    expect((await emulator.handle(first)).status).toBe(200);
    const response = await emulator.handle(replay);
    expect(response.status).toBe(401);
    expect((await errorOf(response)).message).toMatch(/oauth_nonce was already used/);
    expect((await emulator.handle(await signed(emulator, { nonce: "n-1", timestamp: Math.floor(T / 1000) + 1 }))).status).toBe(200);
    const viewer = emulator.credentials.viewer;
    expect((await emulator.handle(await signed(emulator, { nonce: "n-1", token: viewer.token, tokenSecret: viewer.tokenSecret }))).status).toBe(200);
  });

  it("forgets nonces once their timestamp has left the window", async () => {
    let now = T;
    const emulator = createEmulator({ now: () => now });
    await emulator.handle(await signed(emulator, { nonce: "old" }));
    now += 601_000;
    await emulator.handle(await signed(emulator, { nonce: "new", timestamp: Math.floor(now / 1000) }));
    expect(emulator.state.oauth.nonces.size).toBe(1);
  });

  it("refuses unknown tokens, request tokens, unknown consumers, tampered bodies and unsigned calls with 402", async () => {
    const emulator = createEmulator({ now: () => T });
    const refused = async (request: Request, message: RegExp) => {
      const response = await emulator.handle(request);
      expect(response.status).toBe(401);
      const error = await errorOf(response);
      expect(error).toMatchObject({ code: 402, name: "CREDENTIALS_ERROR" });
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(emulator.credentials.consumerSecret);
      expect(error.message).not.toContain(emulator.credentials.user.tokenSecret);
    };
    await refused(await signed(emulator, { token: "no-such-token" }), /unknown client credentials or token/);
    emulator.state.oauth.requestTokens.set("rt", { token: "rt", secret: "s", consumerKey: emulator.credentials.consumerKey, callback: "oob", createdAt: T });
    await refused(await signed(emulator, { token: "rt", tokenSecret: "s" }), /unknown client credentials or token/);
    await refused(await signed(emulator, { consumerSecret: "guess" }), /invalid oauth_signature/);
    const good = await signed(emulator, { body: [["title", "a"]] });
    const tampered = new Request(good.url, { method: "POST", headers: good.headers, body: "title=b" });
    await refused(tampered, /invalid oauth_signature/);
    await refused(new Request(PROFILE, { method: "POST" }), /no OAuth protocol parameters/);
  });
});

describe("the three-legged flow", () => {
  const endpoints = { requestToken: `${BASE_URL}/rest/auth/request_token`, authorize: `${BASE_URL}/rest/auth/authorize`, accessToken: `${BASE_URL}/rest/auth/access_token` };

  function flowFor(emulator: Emulator, signatureMethod: SignatureMethod = "HMAC-SHA1") {
    const { consumerKey, consumerSecret } = emulator.credentials;
    return createOAuth1Flow({ consumerKey, consumerSecret, endpoints, signatureMethod, fetch: (input, init) => emulator.handle(new Request(input, init)) });
  }

  async function profileWith(emulator: Emulator, token: { token: string; tokenSecret: string }): Promise<Response> {
    const { consumerKey, consumerSecret } = emulator.credentials;
    const s = await signRequest({ method: "POST", url: PROFILE }, { consumerKey, consumerSecret, ...token });
    return emulator.handle(new Request(PROFILE, { method: "POST", headers: { authorization: s.authorizationHeader } }));
  }

  it.each(["HMAC-SHA1", "PLAINTEXT"] as const)("request token, automatic approval with a redirect, access token (%s)", async (signatureMethod) => {
    const emulator = createEmulator();
    const flow = flowFor(emulator, signatureMethod);
    const requestToken = await flow.requestToken("https://app.example/callback?state=xyz");
    expect(requestToken.callbackConfirmed).toBe(true);
    expect(requestToken.tokenSecret).toMatch(/^[0-9a-f]{40}$/);

    const approval = await emulator.handle(new Request(flow.authorizeUrl(requestToken.token)));
    expect(approval.status).toBe(302);
    const callback = new URL(approval.headers.get("location")!);
    expect(callback.origin + callback.pathname).toBe("https://app.example/callback");
    expect(callback.searchParams.get("state")).toBe("xyz");
    expect(callback.searchParams.get("oauth_token")).toBe(requestToken.token);

    const access = await flow.accessToken(requestToken, callback.searchParams.get("oauth_verifier")!);
    expect(access.tokenSecret).toMatch(/^[0-9a-f]{40}$/);
    expect(await (await profileWith(emulator, access)).json()).toMatchObject({ profile: { uid: "OYgzyijdAo5Q" } });
    await expect(flow.accessToken(requestToken, callback.searchParams.get("oauth_verifier")!)).rejects.toMatchObject({ httpStatus: 401 });
  });

  it("shows the verifier on a page for oob", async () => {
    const emulator = createEmulator();
    const flow = flowFor(emulator);
    const requestToken = await flow.requestToken("oob");
    const page = await emulator.handle(new Request(flow.authorizeUrl(requestToken.token)));
    expect(page.headers.get("content-type")).toContain("text/html");
    const verifier = /<code id="oauth_verifier">([^<]+)<\/code>/.exec(await page.text())![1]!;
    const access = await flow.accessToken(requestToken, verifier);
    expect((await profileWith(emulator, access)).status).toBe(200);
  });

  it("without autoApprove shows an approval page, and approves as the user chosen there", async () => {
    const emulator = createEmulator({ autoApprove: false });
    const flow = flowFor(emulator);
    const requestToken = await flow.requestToken("http://localhost:3000/done");
    const page = await emulator.handle(new Request(flow.authorizeUrl(requestToken.token)));
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/rest/auth/authorize">');
    expect(html).toContain('<option value="N5L9OlSRomRp">Vera Viewer (Viewer, N5L9OlSRomRp)</option>');
    await expect(flow.accessToken(requestToken, "guess")).rejects.toMatchObject({ httpStatus: 401 });

    const form = new URLSearchParams({ oauth_token: requestToken.token, uid: "N5L9OlSRomRp", approve: "1" });
    const approval = await emulator.handle(new Request(endpoints.authorize, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form }));
    expect(approval.status).toBe(302);
    const verifier = new URL(approval.headers.get("location")!).searchParams.get("oauth_verifier")!;
    const access = await flow.accessToken(requestToken, verifier);
    expect(await (await profileWith(emulator, access)).json()).toMatchObject({ profile: { uid: "N5L9OlSRomRp", license: "Viewer" } });
  });

  it("refuses a wrong verifier, an unknown request token, a missing callback and bad signatures", async () => {
    const emulator = createEmulator();
    const flow = flowFor(emulator);
    const requestToken = await flow.requestToken("oob");
    await emulator.handle(new Request(flow.authorizeUrl(requestToken.token)));
    for (const verifier of ["wrong", undefined]) {
      const exchange = { url: endpoints.accessToken, token: requestToken.token, tokenSecret: requestToken.tokenSecret, timestamp: Math.floor(Date.now() / 1000) };
      const wrong = await emulator.handle(await signed(emulator, verifier === undefined ? exchange : { ...exchange, verifier }));
      expect([wrong.status, new URLSearchParams(await wrong.text()).get("oauth_problem")]).toEqual([401, "verifier_invalid"]);
    }

    const unknown = await emulator.handle(new Request(flow.authorizeUrl("nope")));
    expect(unknown.status).toBe(400);

    const { consumerKey, consumerSecret } = emulator.credentials;
    const noCallback = await signRequest({ method: "POST", url: endpoints.requestToken }, { consumerKey, consumerSecret });
    const answer = await emulator.handle(new Request(endpoints.requestToken, { method: "POST", headers: { authorization: noCallback.authorizationHeader } }));
    expect([answer.status, new URLSearchParams(await answer.text()).get("oauth_problem")]).toEqual([400, "parameter_absent"]);

    const forged = createOAuth1Flow({ consumerKey, consumerSecret: "wrong", endpoints, fetch: (input, init) => emulator.handle(new Request(input, init)) });
    await expect(forged.requestToken("oob")).rejects.toMatchObject({ httpStatus: 401 });
  });
});
