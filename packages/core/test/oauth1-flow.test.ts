/** The three-legged OAuth 1.0a flow's endpoints follow the one rule for secrets: HTTPS except loopback, no redirects. */
import { describe, expect, it } from "vitest";
import { createOAuth1Flow, WrikeOAuth1FlowError } from "../src/index.js";

const secrets = { consumerKey: "ck", consumerSecret: "CONSUMER-SECRET" };
const endpoints = (origin: string) => ({ requestToken: `${origin}/oauth/request_token`, authorize: `${origin}/oauth/authorize`, accessToken: `${origin}/oauth/access_token` });

describe("OAuth 1.0a flow endpoints", () => {
  it("plain http off loopback is refused before anything is sent (PLAINTEXT would send the consumer secret in clear)", () => {
    let calls = 0;
    const fetch = (async () => (calls++, new Response("oauth_token=t&oauth_token_secret=s"))) as typeof globalThis.fetch;
    expect(() => createOAuth1Flow({ ...secrets, signatureMethod: "PLAINTEXT", endpoints: endpoints("http://wrike.example"), fetch })).toThrow(
      "endpoints.requestToken must be an https URL (http only for localhost): http://wrike.example/oauth/request_token",
    );
    expect(() => createOAuth1Flow({ ...secrets, endpoints: { ...endpoints("https://wrike.example"), accessToken: "http://wrike.example/oauth/access_token" }, fetch })).toThrow("endpoints.accessToken must be an https URL");
    expect(calls).toBe(0);
  });

  it("https, and http on loopback, run the flow", async () => {
    const fetch = (async () => new Response("oauth_token=t&oauth_token_secret=s&oauth_callback_confirmed=true")) as typeof globalThis.fetch;
    for (const origin of ["https://wrike.example", "http://localhost:8080"])
      expect(await createOAuth1Flow({ ...secrets, endpoints: endpoints(origin), fetch }).requestToken()).toEqual({ token: "t", tokenSecret: "s", callbackConfirmed: true });
  });

  it("a redirecting endpoint is an error, not followed", async () => {
    const inits: RequestInit[] = [];
    const fetch = (async (_url: string, init: RequestInit) => (inits.push(init), new Response(null, { status: 302, headers: { location: "https://evil.example/" } }))) as typeof globalThis.fetch;
    const error = await createOAuth1Flow({ ...secrets, endpoints: endpoints("https://wrike.example"), fetch }).requestToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeOAuth1FlowError);
    expect((error as Error).message).toBe("request token: the server answered HTTP 302 (redirects are not followed)");
    expect(inits[0]!.redirect).toBe("manual");
  });
});
