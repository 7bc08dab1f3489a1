/**
 * Where plain HTTP is allowed: loopback only. Credentials, signatures and authorisation codes must not
 * cross a network in clear; this one rule checks every URL a secret travels to: base URLs, OAuth 2.0
 * token, authorisation and redirect URIs, OAuth 1.0a flow endpoints.
 */
export const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Parses `text` as an absolute URL that is https, or http on loopback; `what` names it in errors. */
export function secureUrl(text: string, what: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    // Not a URL: named below as given.
  }
  if (url?.protocol === "https:" || (url?.protocol === "http:" && LOOPBACK_HOST.test(url.hostname))) return url;
  // A URL without a scheme of the web ("localhost:8080", "mailto:...") has no origin: it is named as given.
  throw new TypeError(`${what} must be an https URL (http only for localhost): ${url?.host ? url.origin + url.pathname : JSON.stringify(text)}`);
}

/** A host name with an optional port (what a token response's `host` is), not a URL. */
const HOST_NAME = /^[\w.-]+(:\d+)?$/;
/** The API's own path at the end of a base: `/api/json/v2`, `/api/xml/v2`, `/api/v4`. */
const API_PATH = /\/api\/(?:\w+\/)?v\d+\/?$/;

/**
 * The base URL the API's paths are added to, without a trailing slash: `baseUrl` (a proxy's origin and
 * path), else https:// and `host` (an account's API host as a token response names it, `app-eu.wrike.com`;
 * http on loopback), else undefined. The transport's checks, short as every bundle carries them: what
 * safety needs (https unless loopback, a host that is a host name) and a base that ends before the API's
 * path (the client adds `/api/json/v2/...` or `/api/v4/...` itself; doubled, it would be answered 404).
 * createWrikeClient says more first (checkBaseOptions).
 */
export function apiBase(baseUrl: string | undefined, host?: string): string | undefined {
  if (host !== undefined) {
    if (!HOST_NAME.test(host)) throw new TypeError(`host must be a host name: ${JSON.stringify(host)}`);
    host = `${LOOPBACK_HOST.test(host) ? "http" : "https"}://${host}`;
  }
  if (baseUrl === undefined) return host;
  // A value that is not a string is not an absolute URL either (secureUrl says so).
  if (API_PATH.test(secureUrl(baseUrl, "baseUrl").pathname)) throw new TypeError("baseUrl must not end in /api/...");
  return baseUrl.replace(/\/$/, "");
}

/**
 * createWrikeClient's checks of `baseUrl` and `host`, before the transport's: the same rules, with an
 * example host and the base to pass instead of one that ends in the API path.
 */
export function checkBaseOptions(baseUrl: string | undefined, host?: string): void {
  // Both would leave one silently unused (the transport takes baseUrl).
  if (host !== undefined && baseUrl !== undefined) throw new TypeError("pass either baseUrl (a proxy's or an emulator's origin) or host (the account's API host, app-eu.wrike.com), not both");
  if (host !== undefined && !HOST_NAME.test(host)) throw new TypeError(`host must be a host name such as app-eu.wrike.com (pass a URL as baseUrl): ${JSON.stringify(host)}`);
  if (baseUrl === undefined) return;
  const url = secureUrl(baseUrl, "baseUrl");
  // Credentials would be repeated in every error that names a URL; the API's paths would go inside a query
  // or fragment. (The bare transport leaves this check out, for its size.)
  if (url.username || url.password || url.search || url.hash) throw new TypeError(`baseUrl must be an origin and a path, without credentials, query or fragment: pass ${JSON.stringify(url.origin + url.pathname)}`);
  const apiPath = API_PATH.exec(url.pathname);
  if (apiPath) throw new TypeError(`baseUrl ends in the API path ${apiPath[0]}, which the client adds itself: pass ${JSON.stringify(url.origin + url.pathname.slice(0, apiPath.index))}`);
}

/** Checks a base URL as createWrikeClient does (https unless loopback, no API path of its own); returns it parsed. */
export function checkBaseUrl(baseUrl: string): URL {
  checkBaseOptions(baseUrl);
  return new URL(baseUrl);
}
