/**
 * Where plain HTTP is allowed: loopback only. Credentials, signatures and authorisation codes must not
 * cross a network in clear; this one rule checks every URL a secret travels to: base URLs, OAuth 2.0
 * token, authorisation and redirect URIs, OAuth 1.0a flow endpoints.
 */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])$/;

/** Parses `text` as an absolute URL that is https, or http on loopback; `what` names it in errors. */
export function secureUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`${what} is not an absolute URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOST.test(url.hostname))) return url;
  throw new TypeError(`${what} must use https (plain http is allowed only for localhost): ${url.origin}${url.pathname === "/" ? "" : url.pathname}`);
}

/**
 * A base URL is where the API's own paths start (`https://www.wrike.com`, a proxy's origin): the client adds
 * `/api/json/v2/...` or `/api/v4/...` itself, so a base URL that already ends in an API path would be doubled
 * and answered 404.
 */
export function checkBaseUrl(baseUrl: string): URL {
  // A value that is not a string is not an absolute URL either (secureUrl says so).
  const url = secureUrl(baseUrl, "baseUrl");
  const apiPath = /\/api\/(?:(?:json|xml)\/)?v\d+\/?$/.exec(url.pathname);
  if (apiPath) {
    const base = `${url.origin}${url.pathname.slice(0, apiPath.index)}`;
    throw new TypeError(`baseUrl ends in the API path ${apiPath[0]}, which the client adds itself: pass ${JSON.stringify(base)}`);
  }
  return url;
}

/** The origin of an API host (`app-eu.wrike.com`, as a token response names it): https, or http on loopback. */
export function hostOrigin(host: string): string {
  if (!/^[\w.-]+(:\d+)?$/.test(host)) throw new TypeError(`host must be a host name such as app-eu.wrike.com (pass a URL as baseUrl): ${JSON.stringify(host)}`);
  return new URL(`${LOOPBACK_HOST.test(host.replace(/:\d+$/, "")) ? "http" : "https"}://${host}`).origin;
}
