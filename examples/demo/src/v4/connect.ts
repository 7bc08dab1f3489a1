/**
 * Where the v4 story runs: against real Wrike when WRIKE_TOKEN (a permanent token) is in the environment,
 * otherwise against an emulator started here, signing in through the OAuth 2.0 authorisation-code flow.
 */
import { randomUUID } from "node:crypto";
import { authorizationUrl, createMemoryTokenStore, createOAuth2Session, createWrikeClient, exchangeCode, WrikeApiError, WrikeTransportError, type WrikeClient } from "@wrikekit/client";
import { DemoUsageError } from "../args.js";
import { emulatorPort } from "../emulator-port.js";
import { startEmulatorServer, type EmulatorServer } from "@wrikekit/emulator/server";
import type { Story } from "../story.js";
import { wrikeOrigin } from "../wrike-origin.js";

/** The emulator's per-token budget (100 requests a second): the client keeps under it instead of Wrike's 400 a minute. */
const EMULATOR_RATE_LIMIT = { requestsPerMinute: 6000, perSecond: true } as const;
const REDIRECT_URI = "http://localhost/demo-callback";

export interface EmulatorTarget {
  kind: "emulator";
  wrike: WrikeClient;
  server: EmulatorServer;
  /** A client signed in with one of the emulator's seeded permanent tokens. */
  withToken(token: string): WrikeClient;
}

export interface WrikeTarget {
  kind: "wrike";
  /** The story's client: its calls end when the run is interrupted. */
  wrike: WrikeClient;
  /** The same account for the cleanup that follows an interruption. */
  cleanup: WrikeClient;
  /** Where the API is (WRIKE_BASE_URL, or https:// and WRIKE_HOST, or www.wrike.com). */
  origin: string;
}

export type V4Target = EmulatorTarget | WrikeTarget;

export function connectToWrike(env: Record<string, string | undefined>, token: string, story: Story, signal?: AbortSignal): WrikeTarget {
  const { origin, options: where } = wrikeOrigin(env);
  // Every call of the story ends when the run is interrupted (signal), so that cleanup is the last thing sent.
  const interruptible: typeof fetch = (input, init) => fetch(input, { ...init, signal: signal && init?.signal ? AbortSignal.any([signal, init.signal]) : (signal ?? init?.signal ?? null) });
  const options = { auth: { kind: "bearer", token }, ...where } as const;
  let wrike: WrikeClient;
  try {
    wrike = createWrikeClient({ ...options, fetch: interruptible });
  } catch (error) {
    // The client's checks of the token say what is wrong with it, never its value.
    throw new DemoUsageError(`WRIKE_TOKEN cannot be sent: ${(error as Error).message}`);
  }
  story.step(`Connecting to real Wrike at ${origin} with the permanent token in WRIKE_TOKEN`);
  return { kind: "wrike", wrike, cleanup: createWrikeClient(options), origin };
}

/**
 * A failure said in terms of the demo's environment: the token refused (401), the account on another data
 * centre (Wrike's HTTP 300), a rate limit that outlasted the back-off. Anything else is passed on as it is.
 */
export function explainWrikeFailure(error: unknown): unknown {
  if (error instanceof WrikeApiError && error.httpStatus === 401)
    return new Error(`Wrike refused the token in WRIKE_TOKEN (${error.httpStatus} ${error.error}: ${error.errorDescription}). Make a new permanent token in Wrike (Apps & Integrations, API, Obtain token) and set WRIKE_TOKEN to it; an account on another data centre also needs WRIKE_HOST, e.g. app-eu.wrike.com`);
  if (error instanceof WrikeTransportError && error.reason === "wrong-host") return new Error("Wrike says this account is on another data centre: set WRIKE_HOST to its host (app-eu.wrike.com for the EU) and run again");
  if (error instanceof WrikeTransportError && error.httpStatus === 429)
    return new Error(`Wrike kept answering 429 (rate limited) to ${error.method} after ${error.attempts} attempts with its Retry-After waits; wait a minute and run again (a token may send about 400 requests a minute)`);
  return error;
}

export async function startEmulator(env: Record<string, string | undefined>, story: Story): Promise<EmulatorTarget> {
  const server = await startEmulatorServer({ port: emulatorPort(env) });
  story.step(`Started the Wrike emulator at ${server.url} (no WRIKE_TOKEN in the environment)`);
  try {
    const wrike = await signInWithOAuth2(server, story);
    const withToken = (token: string) => createWrikeClient({ baseUrl: server.url, auth: { kind: "bearer", token }, rateLimit: EMULATOR_RATE_LIMIT });
    return { kind: "emulator", wrike, server, withToken };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Consent (the emulator approves at once as the account owner), the code exchange, then a session that refreshes itself. */
async function signInWithOAuth2(server: EmulatorServer, story: Story): Promise<WrikeClient> {
  story.step("Signing in with OAuth 2.0 (consent → authorisation code → access and refresh tokens)");
  const client = { clientId: server.credentials.consumerKey, clientSecret: server.credentials.consumerSecret, authorizeUrl: `${server.url}/oauth2/authorize/v4`, tokenUrl: `${server.url}/oauth2/token` };
  const state = randomUUID();
  const consent = await fetch(authorizationUrl(client, { state, redirectUri: REDIRECT_URI }), { redirect: "manual" });
  const callback = new URL(consent.headers.get("location") ?? REDIRECT_URI);
  const code = callback.searchParams.get("code");
  if (code === null || callback.searchParams.get("state") !== state) throw new Error(`the emulator did not approve the sign-in (HTTP ${consent.status})`);
  story.fact(`the user approved at ${client.authorizeUrl}; Wrike redirected to ${callback.origin}${callback.pathname} with a code and our state`);
  const tokens = await exchangeCode(client, { code, redirectUri: REDIRECT_URI });
  const minutes = tokens.expiresAt === undefined ? "?" : Math.round((tokens.expiresAt - Date.now()) / 60_000);
  story.fact(`exchanged the code: an access token for ${minutes} minutes, a refresh token, API host ${tokens.host} (tokens stay in memory, never printed)`);
  const session = createOAuth2Session({ client, store: createMemoryTokenStore(tokens) });
  return createWrikeClient({ auth: { kind: "oauth2", session }, rateLimit: EMULATOR_RATE_LIMIT });
}
