/**
 * Where plain HTTP is allowed: loopback only. Credentials, signatures and authorisation codes must not
 * cross a network in clear; base URLs and OAuth 2.0 redirect URIs are both checked against this rule.
 */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Parses `text` as an absolute URL that is https, or http on loopback; `what` names it in errors. */
export function secureUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`${what} is not an absolute URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return url;
  throw new TypeError(`${what} must use https (plain http is allowed only for localhost): ${url.origin}${url.pathname === "/" ? "" : url.pathname}`);
}

export function checkBaseUrl(baseUrl: string): URL {
  return secureUrl(baseUrl, "baseUrl");
}
