/**
 * The options createWrikeClient takes, and how they become a transport's: the OAuth literals map to
 * their Authorizers, and the default rate limiter is created here, so a bare transport (a standalone
 * function with a bearer token) bundles neither the signer nor the limiter.
 */
import { isBearer, type Authorizer, type BearerAuth, type TransportAuth } from "./auth.js";
import { oauth1Auth, type OAuth1Auth } from "./oauth1-auth.js";
import { oauth2Auth, type OAuth2Auth } from "./oauth2/auth.js";
import type { TransportOptions } from "./transport.js";
import { systemClock } from "./resilience/clock.js";
import { createRateLimiter } from "./resilience/rate-limiter.js";

export type Auth = BearerAuth | OAuth1Auth | OAuth2Auth | Authorizer;

export type ClientOptions = Omit<TransportOptions, "auth" | "rateLimiter"> & {
  auth: Auth;
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

export function resolveClientOptions({ rateLimit, ...options }: ClientOptions): TransportOptions {
  const rateLimiter =
    rateLimit === false ? undefined : createRateLimiter({ limit: rateLimit?.requestsPerMinute ?? 100, windowMs: rateLimit?.windowMs ?? 60_000, clock: options.clock ?? systemClock });
  return { ...options, auth: resolveAuth(options.auth), rateLimiter };
}
