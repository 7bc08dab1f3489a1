/**
 * How a transport authorises requests. A bearer token is handled inline; everything else is an
 * Authorizer, so that the OAuth 1.0a signer and the OAuth 2.0 session are only bundled by apps that use
 * them (`oauth1Auth` from @wrikekit/core/oauth1, `oauth2Auth`), and a browser bundle with a bearer token
 * carries neither.
 */
import type { WirePairs } from "./runtime/encode.js";

/** A permanent token, or an OAuth 2.0 access token you refresh yourself. */
export interface BearerAuth {
  kind: "bearer";
  token: string;
}

export interface AuthorizeRequest {
  method: string;
  url: string;
  /** The form body's parameters, decoded, in order (OAuth 1.0a signs them). */
  bodyParams: WirePairs;
}

export interface Authorizer {
  /** Runs before the URL is built, so that `host()` is known (an OAuth 2.0 session loads its tokens). */
  prepare?(): Promise<void>;
  /** The Authorization header of one request. */
  authorize(request: AuthorizeRequest): string | Promise<string>;
  /** The server refused the credentials of a request sent with `header`: resolve true to send it once more. */
  rejected?(header: string): Promise<boolean>;
  /** The account's API host, when the credentials name one (OAuth 2.0 token responses do). */
  host?(): string | undefined;
}

export type TransportAuth = BearerAuth | Authorizer;

export function isBearer(auth: object): auth is BearerAuth {
  return (auth as Partial<BearerAuth>).kind === "bearer";
}
