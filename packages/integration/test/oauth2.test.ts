/** OAuth 2.0 against the emulator: consent, code exchange, the account host, expiry and a refresh race. */
import { describe, expect, it } from "vitest";
import { createEmulator } from "@wrikekit/emulator";
import { authorizationUrl, createMemoryTokenStore, createOAuth2Session, exchangeCode, type OAuth2Client } from "@wrikekit/core";
import { createWrikeClient } from "@wrikekit/client/v2";

function oauth2World() {
  let now = Date.now();
  const emulator = createEmulator({ now: () => now });
  const tokenRequests: URLSearchParams[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname === "/oauth2/token") tokenRequests.push(new URLSearchParams(await request.clone().text()));
    return emulator.handle(request);
  };
  const client: OAuth2Client = {
    clientId: emulator.credentials.consumerKey,
    clientSecret: emulator.credentials.consumerSecret,
    authorizeUrl: "http://localhost/oauth2/authorize",
    tokenUrl: "http://localhost/oauth2/token",
    fetch: fetch as typeof globalThis.fetch,
  };
  return { emulator, fetch, client, tokenRequests, advance: (ms: number) => (now += ms) };
}

async function authorize(world: ReturnType<typeof oauth2World>) {
  const redirectUri = "http://localhost:3000/callback";
  const consent = await world.fetch(authorizationUrl(world.client, { state: "state-0123456789", redirectUri }), { redirect: "manual" });
  const callback = new URL(consent.headers.get("location")!);
  expect(callback.searchParams.get("state")).toBe("state-0123456789");
  return exchangeCode(world.client, { code: callback.searchParams.get("code")!, redirectUri });
}

describe("OAuth 2.0 with the emulator", () => {
  it("the client authenticates by HTTP Basic when asked, and the emulator takes it", async () => {
    const world = oauth2World();
    world.client = { ...world.client, clientAuth: "basic" };
    const tokens = await authorize(world);
    expect(tokens.accessToken).toMatch(/\w/);
    expect(world.tokenRequests[0]!.has("client_secret")).toBe(false);
  });

  it("code → tokens → calls on the account's host; a code works once", async () => {
    const world = oauth2World();
    const tokens = await authorize(world);
    expect(tokens.host).toBe("localhost");
    const session = createOAuth2Session({ client: world.client, store: createMemoryTokenStore(tokens) });
    const wrike = createWrikeClient({ auth: { kind: "oauth2", session }, fetch: world.fetch as typeof fetch });
    expect((await wrike.profile.get()).uid).toBe(world.emulator.credentials.user.uid);
  });

  it("an expired token is refreshed once for 50 concurrent calls, and the rotated refresh token is kept", async () => {
    const world = oauth2World();
    const store = createMemoryTokenStore(await authorize(world));
    const session = createOAuth2Session({ client: world.client, store });
    const wrike = createWrikeClient({ auth: { kind: "oauth2", session }, fetch: world.fetch as typeof fetch, rateLimit: false });
    await wrike.profile.get();
    world.advance(3_601_000);
    const before = world.tokenRequests.length;
    const results = await Promise.all(Array.from({ length: 50 }, () => wrike.folder.tree()));
    expect(results).toHaveLength(50);
    expect(world.tokenRequests.slice(before).map((r) => r.get("grant_type"))).toEqual(["refresh_token"]);
    // The old refresh token is spent; the stored one works.
    const saved = (await store.load())!;
    expect(world.tokenRequests.at(-1)!.get("refresh_token")).not.toBe(saved.refreshToken);
    world.advance(3_601_000);
    await wrike.contacts.list();
    expect(world.tokenRequests.at(-1)!.get("refresh_token")).toBe(saved.refreshToken);
  });

  it("a permanent token works as a bearer token", async () => {
    const world = oauth2World();
    const wrike = createWrikeClient({ baseUrl: "http://localhost", auth: { kind: "bearer", token: world.emulator.credentials.permanentToken }, fetch: world.fetch as typeof fetch });
    world.advance(365 * 86_400_000);
    expect((await wrike.profile.get()).uid).toBe(world.emulator.credentials.user.uid);
  });

  it("refuses a redirect URI that is not HTTPS before the user leaves, and the emulator refuses it too", async () => {
    const world = oauth2World();
    expect(() => authorizationUrl(world.client, { state: "state-0123456789", redirectUri: "http://example.com/cb" })).toThrow(/must be an https URL/);
    const direct = await world.fetch("http://localhost/oauth2/authorize?client_id=" + world.client.clientId + "&response_type=code&redirect_uri=http://example.com/cb");
    expect(direct.status).toBe(400);
  });
});
