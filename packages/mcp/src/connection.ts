/**
 * Where calls go and with which credentials: a permanent token, an OAuth 2.0 session, or (with no account)
 * a backend `fetch` such as the embedded v4 emulator. All transports of one server share one rate limiter
 * and one retry policy, so the client's limits hold across requests.
 */
import { checkBaseUrl, createRateLimiter, createRetryPolicy, createTransport, oauth2Auth, systemClock, type ApiDescriptor, type OAuth2Session, type RateLimiter, type RetryPolicy, type WrikeTransport } from "@wrikekit/core";

export type Credentials =
  /** A permanent token (WRIKE_TOKEN), or over HTTP the bearer token of one request. */
  | { kind: "token"; token: string }
  /** Tokens from `wrikekit-mcp login`, refreshed single-flight by the core session. */
  | { kind: "oauth2"; session: OAuth2Session; secrets(): readonly string[] }
  /** No account: every call goes to this fetch (the embedded emulator's, once it exists). */
  | { kind: "backend"; fetch: typeof fetch };

/** The offline backend seam: the embedded v4 emulator will plug in here. */
export interface OfflineBackend {
  fetch: typeof fetch;
}

export interface ConnectionOptions {
  api: ApiDescriptor;
  /** Default: the API's, or the host the OAuth 2.0 token names. Plain http only for loopback. */
  baseUrl?: string;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Requests allowed to start per minute, shared by every call of the server. Default 100, as the client; false turns it off. */
  requestsPerMinute?: number | false;
  /** Default: core's retry policy (5 attempts, back-off from 1 s, writes retried only where nothing could have changed). */
  retry?: RetryPolicy | false;
}

/** Makes a transport per set of credentials, all sharing the limiter and retry policy. */
export interface Connector {
  transport(credentials: Credentials): WrikeTransport;
}

/** A placeholder bearer for an offline backend, which checks no credentials. */
const OFFLINE_TOKEN = "wrikekit-offline";

export function createConnector(options: ConnectionOptions): Connector {
  // Checked now, at start-up, rather than on every call's transport (over HTTP: every request's).
  if (options.baseUrl !== undefined) checkBaseUrl(options.baseUrl);
  const rateLimiter: RateLimiter | undefined = options.requestsPerMinute === false ? undefined : createRateLimiter({ limit: options.requestsPerMinute ?? 100, clock: systemClock });
  const retry = options.retry === false ? undefined : (options.retry ?? createRetryPolicy());
  const base = { baseUrl: options.baseUrl, rateLimiter, retry };
  return {
    transport(credentials) {
      switch (credentials.kind) {
        case "token":
          return createTransport(options.api, { ...base, fetch: options.fetch, auth: { kind: "bearer", token: credentials.token } });
        case "oauth2":
          return createTransport(options.api, { ...base, fetch: options.fetch, auth: oauth2Auth(credentials.session) });
        case "backend":
          return createTransport(options.api, { ...base, fetch: credentials.fetch, auth: { kind: "bearer", token: OFFLINE_TOKEN } });
      }
    },
  };
}

/** Whether a token can go in an Authorization header as it is (printable ASCII, no space); core's transport refuses any other. */
export function isSendableToken(token: string): boolean {
  return /^[!-~]+$/.test(token);
}

/** The secrets a credential carries, for scrubbing error texts. */
export function secretsOf(credentials: Credentials): readonly string[] {
  if (credentials.kind === "token") return [credentials.token];
  if (credentials.kind === "oauth2") return credentials.secrets();
  return [];
}
