/**
 * The auth forms a client accepts, and how they become a transport's: the OAuth literals used by
 * createWrikeClient map to their Authorizers here, so a standalone transport with a bearer token
 * bundles no signer.
 */
import { isBearer, type Authorizer, type BearerAuth, type TransportAuth } from "./auth.js";
import { oauth1Auth, type OAuth1Auth } from "./oauth1-auth.js";
import { oauth2Auth, type OAuth2Auth } from "./oauth2/auth.js";
import type { TransportOptions } from "./transport.js";

export type Auth = BearerAuth | OAuth1Auth | OAuth2Auth | Authorizer;

export type ClientOptions = Omit<TransportOptions, "auth"> & { auth: Auth };

export function resolveAuth(auth: Auth): TransportAuth {
  if (isBearer(auth)) return auth;
  const kind = (auth as { kind?: string }).kind;
  if (kind === "oauth1") return oauth1Auth(auth as OAuth1Auth);
  if (kind === "oauth2") return oauth2Auth((auth as OAuth2Auth).session);
  return auth as Authorizer;
}

export function resolveClientOptions(options: ClientOptions): TransportOptions {
  return { ...options, auth: resolveAuth(options.auth) };
}
