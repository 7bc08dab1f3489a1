/**
 * Where plain HTTP is allowed: loopback only. Credentials, signatures and authorisation codes must not
 * cross a network in clear; this one rule checks every URL a secret travels to: base URLs, OAuth 2.0
 * token, authorisation and redirect URIs, OAuth 1.0a flow endpoints.
 */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Parses `text` as an absolute URL that is https, or http on loopback; `what` names it in errors. */
export function secureUrl(text: string, what: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    // Not a URL: named below as given.
  }
  if (url?.protocol === "https:" || (url?.protocol === "http:" && LOOPBACK_HOST.test(url.hostname))) return url;
  throw new TypeError(`${what} must be an absolute https URL (http only for localhost): ${url ? url.origin + url.pathname : JSON.stringify(text)}`);
}

/**
 * The base URL the API's paths are added to, without a trailing slash: `baseUrl` (a proxy's origin and
 * path), else https:// and `host` (an account's API host as a token response names it, `app-eu.wrike.com`;
 * http on loopback), else undefined; both are checked when given. The base is https unless on loopback
 * and ends before the API's path: the client adds `/api/json/v2/...` or `/api/v4/...` itself, so a base
 * that already ends in it would be doubled and answered 404.
 */
export function apiBase(baseUrl: string | undefined, host?: string): string | undefined {
  if (host !== undefined) {
    if (!/^[\w.-]+(:\d+)?$/.test(host)) throw new TypeError(`host must be a host name such as app-eu.wrike.com (pass a URL as baseUrl): ${JSON.stringify(host)}`);
    host = `${LOOPBACK_HOST.test(host) ? "http" : "https"}://${host}`;
  }
  if (baseUrl === undefined) return host;
  // A value that is not a string is not an absolute URL either (secureUrl says so).
  const url = secureUrl(baseUrl, "baseUrl");
  const apiPath = /\/api\/(?:(?:json|xml)\/)?v\d+\/?$/.exec(url.pathname);
  if (apiPath) throw new TypeError(`baseUrl ends in the API path ${apiPath[0]}, which the client adds itself: pass ${JSON.stringify(url.origin + url.pathname.slice(0, apiPath.index))}`);
  return baseUrl.replace(/\/$/, "");
}

/** Checks a base URL as the transport does (https unless loopback, no API path of its own); returns it parsed. */
export function checkBaseUrl(baseUrl: string): URL {
  apiBase(baseUrl);
  return new URL(baseUrl);
}
