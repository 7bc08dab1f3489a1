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
  /** The call's signal: an authorizer that waits (for a token refresh shared by every call) stops waiting when it aborts. */
  signal?: AbortSignal;
}

export interface Authorizer {
  /** The Authorization header of one request. */
  authorize(request: AuthorizeRequest): string | Promise<string>;
  /**
   * Sends one attempt through `send`, which authorises the request (at the head of the rate limiter's line)
   * and sends it, resolving to the answer and the header it carried; `resendable` is false when the body
   * is a stream (it is read as it is sent). Without this member an attempt is sent once; OAuth 2.0 sends
   * once more after refreshing a token the server rejected.
   */
  send?(send: () => Promise<[Response, string]>, resendable: boolean): Promise<Response>;
  /**
   * The account's API host, when the credentials name one (OAuth 2.0 token responses do). Asked before
   * each attempt's URL is built; an OAuth 2.0 session loads (or refreshes) its tokens to know it.
   */
  host?(signal?: AbortSignal): Promise<string | undefined> | string | undefined;
  /**
   * Texts the credentials are made of that the header may carry (OAuth 1.0a's PLAINTEXT signature is the
   * secrets): the transport replaces them in its errors, as it does a bearer token, should a server echo the header.
   */
  readonly secrets?: readonly string[];
}

export type TransportAuth = BearerAuth | Authorizer;

export function isBearer(auth: object): auth is BearerAuth {
  return (auth as Partial<BearerAuth>).kind === "bearer";
}

const AUTH_KINDS = ["bearer", "oauth1", "oauth2"] as const;

/**
 * Refuses `auth` values that would fail later with an unhelpful message (a missing option, a misspelt kind,
 * an empty token) and says what to pass instead. `kinds` lists the literal kinds the caller accepts
 * (createWrikeClient: all three; createTransport checks its own, shorter). Never quotes a token.
 */
export function checkAuth(auth: unknown, kinds: readonly string[], where: string): void {
  const accepted = kinds.map((kind) => `{ kind: "${kind}", ... }`).join(", ");
  if (typeof auth !== "object" || auth === null)
    throw new TypeError(`${where}: \`auth\` is ${auth === null ? "null" : "missing"}: pass ${accepted} or an Authorizer (an object with authorize())`);
  const kind = (auth as { kind?: unknown }).kind;
  if (kind === undefined && typeof (auth as Partial<Authorizer>).authorize === "function") return;
  if (typeof kind !== "string" || !kinds.includes(kind)) {
    const lower = typeof kind === "string" ? kind.toLowerCase() : undefined;
    const hint = lower !== undefined && kinds.includes(lower) ? `kinds are lower-case: use "${lower}"` : (AUTH_KINDS as readonly string[]).includes(lower ?? "") ? `wrap it first: ${lower}Auth(...)` : `use one of ${kinds.map((k) => `"${k}"`).join(", ")}`;
    throw new TypeError(`${where}: auth.kind ${JSON.stringify(kind)} is not accepted here (${hint}), or pass an Authorizer (an object with authorize())`);
  }
  if (kind === "bearer") {
    const token = (auth as Partial<BearerAuth>).token;
    if (typeof token !== "string" || token.trim() === "")
      throw new TypeError(`${where}: auth.token is ${typeof token === "string" ? "empty" : "missing"}: pass a permanent token (Wrike: Apps & Integrations, API) or an OAuth 2.0 access token; an empty one would be sent and refused`);
    // Else every call would fail in fetch, with a message that quotes the header, token and all.
    if (/[^\x21-\x7e]/.test(token.trim()))
      throw new TypeError(`${where}: auth.token contains a space, a line break or a non-ASCII character, which cannot be sent in a header: pass the token alone`);
  }
}
