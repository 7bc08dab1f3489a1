/**
 * The options createWrikeClient takes, and how they become a transport's: the OAuth literals map to
 * their Authorizers, and the default rate limiter is created here, so a bare transport (a standalone
 * function with a bearer token) bundles neither the signer nor the limiter.
 */
import { isBearer, type Authorizer, type BearerAuth, type TransportAuth } from "./auth.js";
import { oauth1Auth, type OAuth1Auth } from "./oauth1/auth.js";
import { oauth2Auth, type OAuth2Auth } from "./oauth2/auth.js";
import type { TransportOptions } from "./transport/options.js";
import { systemClock, type Clock } from "./resilience/clock.js";
import { createRateLimiter } from "./resilience/rate-limiter.js";
import { createRetryPolicy, type RetryOptions } from "./resilience/retry.js";

export type Auth = BearerAuth | OAuth1Auth | OAuth2Auth | Authorizer;

export type ClientOptions = Omit<TransportOptions, "auth" | "rateLimiter" | "retry"> & {
  auth: Auth;
  /** When to retry (see resilience/retry.ts); false retries nothing. Default: 5 attempts, back-off from 1 s. */
  retry?: RetryOptions | false;
  /** Time source for back-off and rate limiting (tests pass a manual clock). */
  clock?: Clock;
  /** The client-side limit shared by all calls of the client. Default 100 a minute (the reference's figure); false turns it off. */
  rateLimit?: { requestsPerMinute?: number; windowMs?: number } | false;
};

export function resolveAuth(auth: Auth): TransportAuth {
  if (isBearer(auth)) return auth;
  const kind = (auth as { kind?: string }).kind;
  if (kind === "oauth1") return oauth1Auth(auth as OAuth1Auth);
  if (kind === "oauth2") return oauth2Auth((auth as OAuth2Auth).session);
  return auth as Authorizer;
}

/** `defaults.requestsPerMinute`: the API's documented budget (v2: 100, v4: 400), used unless `rateLimit` says otherwise. */
export function resolveClientOptions({ rateLimit, retry, clock = systemClock, ...options }: ClientOptions, defaults: { requestsPerMinute: number } = { requestsPerMinute: 100 }): TransportOptions {
  return {
    ...options,
    auth: resolveAuth(options.auth),
    rateLimiter: rateLimit === false ? undefined : createRateLimiter({ limit: rateLimit?.requestsPerMinute ?? defaults.requestsPerMinute, windowMs: rateLimit?.windowMs ?? 60_000, clock }),
    retry: retry === false ? undefined : createRetryPolicy({ ...retry, clock }),
  };
}
