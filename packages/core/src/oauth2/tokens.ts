/**
 * The OAuth 2.0 authorisation-code flow as Wrike runs it (RFC 6749): the URL to send the user to, the
 * exchange of the code for tokens, and refresh. Token responses carry `host`, the account's API host.
 * The endpoints default to v4's; every one must be HTTPS (loopback excepted), and the token request
 * never follows a redirect, which would re-send the client secret to wherever it points.
 */
import { WrikeError } from "../errors.js";
import { LOOPBACK_HOST, secureUrl } from "../base-url.js";
import { checkRedirectUri } from "./redirect-uri.js";
import { redactError } from "../redact.js";

export interface OAuth2Client {
  clientId: string;
  clientSecret: string;
  /** Default https://login.wrike.com/oauth2/authorize/v4. */
  authorizeUrl?: string;
  /** Default https://login.wrike.com/oauth2/token. */
  tokenUrl?: string;
  /**
   * How the token request authenticates the client: "post", client_id and client_secret in the form (as
   * Wrike documents; the default), or "basic", HTTP Basic (RFC 6749 2.3.1), for token endpoints that require it.
   */
  clientAuth?: "post" | "basic";
  /** How long a token request may take, its answer read whole, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string | undefined;
  tokenType: string;
  /** Epoch milliseconds, from expires_in. */
  expiresAt: number | undefined;
  /** The account's API host, e.g. www.wrike.com or app-eu.wrike.com. */
  host: string | undefined;
}

/** The token endpoint refused or answered something unreadable. Carries the OAuth error code, never a token. */
export class WrikeAuthError extends WrikeError {
  static override readonly "@wrikekit/error-class": string = "WrikeAuthError";
  declare readonly error: string;
  declare readonly httpStatus: number | undefined;
  constructor(init: { message: string; error: string; httpStatus?: number; cause?: unknown }) {
    super({ ...init, method: "oauth2.token" });
  }
}

export const DEFAULT_AUTHORIZE_URL = "https://login.wrike.com/oauth2/authorize/v4";
export const DEFAULT_TOKEN_URL = "https://login.wrike.com/oauth2/token";

/**
 * The URL of Wrike's consent screen. `state` is required: it is how the callback proves it is yours.
 * `scope` is one scope or a list (`["wsReadOnly", "amReadOnlyUser"]`, sent comma-separated); without
 * one Wrike grants `Default`.
 */
export function authorizationUrl(client: Pick<OAuth2Client, "clientId" | "authorizeUrl">, params: { state: string; redirectUri?: string; scope?: string | readonly string[] }): string {
  if (params.state.length < 8) throw new TypeError("state must be an unguessable value of at least 8 characters");
  const url = secureUrl(client.authorizeUrl ?? DEFAULT_AUTHORIZE_URL, "authorizeUrl");
  url.searchParams.set("client_id", client.clientId);
  url.searchParams.set("response_type", "code");
  if (params.redirectUri !== undefined) url.searchParams.set("redirect_uri", checkRedirectUri(params.redirectUri).href);
  url.searchParams.set("state", params.state);
  if (params.scope !== undefined) url.searchParams.set("scope", scopeList(params.scope));
  return url.href;
}

function scopeList(scope: string | readonly string[]): string {
  const scopes = typeof scope === "string" ? [scope] : scope;
  const bad = scopes.find((s) => !/^\w+$/.test(s));
  if (scopes.length === 0 || bad !== undefined) throw new TypeError(`scope must be one or more scope names such as wsReadOnly (letters and digits), got ${JSON.stringify(scope)}`);
  return scopes.join(",");
}

export function exchangeCode(client: OAuth2Client, params: { code: string; redirectUri?: string }, now: number = Date.now()): Promise<TokenSet> {
  const form: Record<string, string> = { grant_type: "authorization_code", code: params.code };
  if (params.redirectUri !== undefined) form.redirect_uri = checkRedirectUri(params.redirectUri).href;
  return requestTokens(client, form, now);
}

export function refreshTokens(client: OAuth2Client, refreshToken: string, now: number = Date.now()): Promise<TokenSet> {
  return requestTokens(client, { grant_type: "refresh_token", refresh_token: refreshToken }, now);
}

async function requestTokens(client: OAuth2Client, form: Record<string, string>, now: number): Promise<TokenSet> {
  // An endpoint may quote what it was sent or answered, and a fetch the request it failed: the secret, the
  // code, the refresh token, the tokens answered are in none of the errors (their causes included).
  const secrets = [client.clientSecret, form.code, form.refresh_token];
  try {
    return await tokenRequest(client, form, now, secrets);
  } catch (error) {
    throw redactError(error, secrets);
  }
}

/** The token request itself; `secrets` gains the Basic credentials sent and the tokens answered. */
async function tokenRequest(client: OAuth2Client, form: Record<string, string>, now: number, secrets: (string | undefined)[]): Promise<TokenSet> {
  const fetchImpl = client.fetch ?? globalThis.fetch;
  // Checked before the secret, the code or the refresh token is put on the wire.
  const tokenUrl = secureUrl(client.tokenUrl ?? DEFAULT_TOKEN_URL, "tokenUrl").href;
  const timeoutMs = client.timeoutMs ?? 30_000;
  if (!(timeoutMs > 0 && timeoutMs <= 2 ** 31 - 1)) throw new RangeError(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  // Bounds the answer, its body included: every call waiting for a refresh waits for this request.
  const signal = AbortSignal.timeout(timeoutMs);
  /** A wait the timeout ended, as such; anything else as what went wrong. */
  const failure = (cause: unknown, error: string, message: string) =>
    (cause as Error | undefined)?.name === "TimeoutError"
      ? new WrikeAuthError({ message: `the token endpoint at ${new URL(tokenUrl).origin} gave no whole answer within ${timeoutMs} ms`, error: "timeout", cause })
      : new WrikeAuthError({ message, error, httpStatus: response?.status, cause });
  let response: Response | undefined;
  try {
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
    const body = new URLSearchParams(form);
    if (client.clientAuth === "basic") secrets.push((headers.authorization = `Basic ${btoa(`${formEncode(client.clientId)}:${formEncode(client.clientSecret)}`)}`).slice(6));
    else {
      body.append("client_id", client.clientId);
      body.append("client_secret", client.clientSecret);
    }
    response = await fetchImpl(tokenUrl, { method: "POST", headers, body: body.toString(), redirect: "manual", signal });
  } catch (cause) {
    throw failure(cause, "network", `token request to ${new URL(tokenUrl).origin} failed: ${(cause as Error).message}`);
  }
  if ((response.status > 299 && response.status < 400) || response.type === "opaqueredirect")
    throw new WrikeAuthError({ message: `the token endpoint answered HTTP ${response.status || "redirect"}; redirects are not followed (they would re-send the client secret): set tokenUrl to the endpoint itself`, error: "redirect", httpStatus: response.status || undefined });
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch (cause) {
    throw failure(cause, "invalid_response", `the token endpoint answered HTTP ${response.status} without JSON`);
  }
  // RFC 6749 5.1 and 5.2 answer an object; null, a list or a string is read as an object without fields.
  const body = (typeof parsed === "object" && parsed !== null ? parsed : {}) as Record<string, unknown>;
  for (const token of [body.access_token, body.refresh_token]) if (typeof token === "string") secrets.push(token);
  if (!response.ok || body.access_token === undefined) {
    const error = typeof body.error === "string" ? body.error : "invalid_response";
    const description = typeof body.error_description === "string" ? `: ${body.error_description}` : "";
    throw new WrikeAuthError({ message: `the token endpoint refused the ${form.grant_type} grant (${error}${description})`, error, httpStatus: response.status });
  }
  // The token goes in an Authorization header as a bearer token (RFC 6750): one that cannot, or of a type
  // the client does not know, is not used (RFC 6749 7.1). The message does not quote it.
  const unusable =
    typeof body.access_token !== "string" || !/^[!-~]+$/.test(body.access_token)
      ? "an access_token that is not a non-empty string of printable ASCII"
      : body.token_type !== undefined && (typeof body.token_type !== "string" || body.token_type.toLowerCase() !== "bearer")
        ? `token_type ${JSON.stringify(body.token_type)}, not bearer`
        : undefined;
  if (unusable) throw new WrikeAuthError({ message: `the token endpoint answered the ${form.grant_type} grant with ${unusable}`, error: "invalid_response", httpStatus: response.status });
  // The access token goes to the host the answer names (https unless loopback): a Wrike host, the token
  // endpoint's own (an emulator's, a proxy's), or loopback, never a host the endpoint merely names.
  const host = typeof body.host === "string" ? body.host : undefined;
  if (host !== undefined && !WRIKE_HOST.test(host) && !LOOPBACK_HOST.test(host) && host !== new URL(tokenUrl).host)
    throw new WrikeAuthError({ message: `the token endpoint answered the ${form.grant_type} grant with host ${JSON.stringify(host)}, not a Wrike host (*.wrike.com); the access token is not sent there`, error: "invalid_response", httpStatus: response.status });
  const seconds = expiresIn(body.expires_in);
  return {
    accessToken: body.access_token as string,
    refreshToken: typeof body.refresh_token === "string" ? body.refresh_token : undefined,
    tokenType: typeof body.token_type === "string" ? body.token_type : "bearer",
    expiresAt: seconds === undefined ? undefined : now + seconds * 1000,
    host,
  };
}

/** wrike.com or a host under it (app-eu.wrike.com), with an optional port. */
const WRIKE_HOST = /^([\w-]+\.)*wrike\.com(:\d+)?$/i;

/** Seconds until expiry: a number, or a numeric string as some token endpoints send it; anything else, or not positive, is unknown. */
function expiresIn(value: unknown): number | undefined {
  const seconds = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** A value as application/x-www-form-urlencoded writes it: what HTTP Basic client authentication encodes each part with (RFC 6749 2.3.1). */
const formEncode = (value: string): string => new URLSearchParams({ v: value }).toString().slice(2);
