/**
 * Clients ready for tests against an in-process emulator (v2 and v4): requests go straight to `emulator.handle` (no
 * socket), with no client-side rate limit (an in-memory emulator needs none; the default 100 a minute
 * would stall a test that makes more calls) and no retries (an emulator fails only on purpose).
 */
import { createWrikeClient as createV4Client, type WrikeClient as V4Client } from "@wrikekit/client";
import { createWrikeClient, type ClientOptions, type WrikeClient } from "@wrikekit/client/v2";
import type { Emulator } from "./emulator.js";

export interface TestClientOptions extends Partial<ClientOptions> {
  /** Whose access token signs the calls: the seeded Collaborator (default) or the Viewer (writes answer 405). */
  as?: "user" | "viewer";
}

/**
 * `createTestClient(emulator)`: the v2 client signed with OAuth 1.0a as the seeded user. Any client option
 * (format, hooks, rateLimit, retry, auth) may be passed to replace the test defaults. The signatures carry
 * the machine's clock, so an emulator with a `now` option must stay within 600 s of it.
 */
export function createTestClient(emulator: Emulator, options: TestClientOptions = {}): WrikeClient {
  const { as = "user", ...clientOptions } = options;
  const { consumerKey, consumerSecret } = emulator.credentials;
  const { token, tokenSecret } = emulator.credentials[as];
  return createWrikeClient({
    baseUrl: "http://localhost",
    auth: { kind: "oauth1", consumerKey, consumerSecret, token, tokenSecret },
    fetch: (input, init) => emulator.handle(new Request(input, init)),
    rateLimit: false,
    retry: false,
    ...clientOptions,
  });
}

/**
 * `createV4TestClient(emulator)`: the v4 client (`@wrikekit/client`) with the seeded owner's permanent token,
 * in-process, without the client's limiter or retries. The emulator keeps its own v4 budget (429 past 100 requests
 * a second per token, `v4RateLimit: { requestsPerSecond }`) unless it is created with `v4RateLimit: false`.
 */
export function createV4TestClient(emulator: Emulator, options: Partial<ClientOptions> = {}): V4Client {
  return createV4Client({
    baseUrl: "http://localhost",
    auth: { kind: "bearer", token: emulator.credentials.permanentToken },
    fetch: (input, init) => emulator.handle(new Request(input, init)),
    rateLimit: false,
    retry: false,
    ...options,
  });
}
