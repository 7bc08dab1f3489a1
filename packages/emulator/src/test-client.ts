/**
 * A client ready for tests against an in-process emulator: requests go straight to `emulator.handle` (no
 * socket), with no client-side rate limit (an in-memory emulator needs none; the default 100 a minute
 * would stall a test that makes more calls) and no retries (an emulator fails only on purpose).
 */
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
