/**
 * Wrike requires HTTPS redirect URIs, with localhost the one exception for development (the FAQ allows
 * http://localhost, the help centre https://localhost). Anything else would send the authorisation
 * code over the network in clear, so it is refused before the user is ever sent to Wrike.
 */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function checkRedirectUri(redirectUri: string): URL {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    throw new TypeError(`redirectUri is not an absolute URL: ${JSON.stringify(redirectUri)}`);
  }
  if (url.hash !== "") throw new TypeError("redirectUri must not have a fragment (RFC 6749 3.1.2)");
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return url;
  throw new TypeError(`redirectUri must use https (http is allowed only for localhost): ${url.origin}${url.pathname}`);
}
