/**
 * Wrike requires HTTPS redirect URIs, with localhost the one exception for development (the FAQ allows
 * http://localhost, the help centre https://localhost). Anything else would send the authorisation code
 * over the network in clear, so it is refused before the user is ever sent to Wrike.
 */
import { secureUrl } from "../base-url.js";

export function checkRedirectUri(redirectUri: string): URL {
  const url = secureUrl(redirectUri, "redirectUri");
  if (url.hash !== "") throw new TypeError("redirectUri must not have a fragment (RFC 6749 3.1.2)");
  return url;
}
