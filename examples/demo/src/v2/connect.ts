/**
 * Where the demo runs: against real Wrike when credentials are in the environment, otherwise against an
 * emulator started here, signing in through the whole OAuth 1.0a three-legged flow.
 */
import { createOAuth1Flow } from "@wrikekit/core";
import { createWrikeClient, oauth1Endpoints, type WrikeClient } from "@wrikekit/client/v2";
import { xmlSupport } from "@wrikekit/client/xml";
import { startEmulatorServer, type EmulatorServer } from "@wrikekit/emulator/server";
import { DemoUsageError } from "../args.js";
import { emulatorPort } from "../emulator-port.js";
import type { Story } from "../story.js";
import { wrikeOrigin } from "../wrike-origin.js";

export interface Connection {
  client: WrikeClient;
  /** Present when running against the emulator. */
  emulator?: EmulatorServer;
  /** A client signed in as a user with a Viewer licence (emulator only). */
  viewer?: WrikeClient;
  close(): Promise<void>;
}

export interface ConnectOptions {
  env: Record<string, string | undefined>;
  story: Story;
}

/** The OAuth 1.0a credentials of a real account: all four, or none (the emulator). */
const REAL_CREDENTIALS = ["WRIKE_CONSUMER_KEY", "WRIKE_CONSUMER_SECRET", "WRIKE_TOKEN", "WRIKE_TOKEN_SECRET"] as const;
const listed = (names: readonly string[]) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);

export async function connect({ env, story }: ConnectOptions): Promise<Connection> {
  const format = env.WRIKE_FORMAT === "xml" ? "xml" : "json";
  const common = { format, xml: xmlSupport } as const;
  const missing = REAL_CREDENTIALS.filter((name) => !env[name]);
  if (missing.length > 0 && missing.length < REAL_CREDENTIALS.length)
    throw new DemoUsageError(`the v2 story against real Wrike needs all of ${REAL_CREDENTIALS.join(", ")}; ${listed(missing)} ${missing.length === 1 ? "is" : "are"} missing: set ${missing.length === 1 ? "it" : "them"}, or unset the others to run against the embedded emulator`);
  if (missing.length === 0) {
    const { origin, options: where } = wrikeOrigin(env);
    story.step(`Connecting to real Wrike at ${origin} (${format.toUpperCase()})`);
    const client = createWrikeClient({
      ...common,
      ...where,
      auth: { kind: "oauth1", consumerKey: env.WRIKE_CONSUMER_KEY!, consumerSecret: env.WRIKE_CONSUMER_SECRET!, token: env.WRIKE_TOKEN!, tokenSecret: env.WRIKE_TOKEN_SECRET! },
    });
    return { client, close: async () => {} };
  }

  const emulator = await startEmulatorServer({ port: emulatorPort(env) });
  story.step(`Started the Wrike emulator at ${emulator.url} (no WRIKE_* credentials in the environment)`);
  const { consumerKey, consumerSecret, viewer } = emulator.credentials;
  const onEmulator = (url: string) => `${emulator.url}${new URL(url).pathname}`;
  const endpoints = oauth1Endpoints.endpoints;
  const flow = createOAuth1Flow({
    consumerKey,
    consumerSecret,
    endpoints: { requestToken: onEmulator(endpoints.requestToken.url), authorize: onEmulator(endpoints.authorize.url), accessToken: onEmulator(endpoints.accessToken.url) },
  });

  story.step("Signing in with OAuth 1.0a (request token → user approval → access token)");
  const requestToken = await flow.requestToken("http://localhost/demo-callback");
  // The request token is half of a credential: the story names where the user goes, not the token.
  story.fact(`got a request token; the user approves at ${new URL(flow.authorizeUrl(requestToken.token)).pathname} on the emulator`);
  const approval = await fetch(flow.authorizeUrl(requestToken.token), { redirect: "manual" });
  const verifier = new URL(approval.headers.get("location") ?? "http://x/").searchParams.get("oauth_verifier");
  if (verifier === null) throw new Error(`the emulator did not approve the request token (HTTP ${approval.status})`);
  story.fact(`approved; Wrike redirected back with a verifier`);
  const access = await flow.accessToken(requestToken, verifier);
  story.fact(`access token received (its secret stays in memory and is never printed)`);

  const client = createWrikeClient({ ...common, baseUrl: emulator.url, auth: { kind: "oauth1", consumerKey, consumerSecret, ...access } });
  const viewerClient = createWrikeClient({ ...common, baseUrl: emulator.url, auth: { kind: "oauth1", consumerKey, consumerSecret, token: viewer.token, tokenSecret: viewer.tokenSecret } });
  return { client, emulator, viewer: viewerClient, close: () => emulator.stop() };
}
