/**
 * OAuth 1.0a request signing as a transport Authorizer. Signs synchronously where node's crypto is at
 * hand (no promise hops per call) and through WebCrypto elsewhere.
 */
import type { Authorizer } from "../auth.js";
import { signRequest, signRequestSync, type SignatureMethod } from "./sign.js";
import { syncHmacSha1 } from "./hmac.js";
import { credentialForms } from "./encoding.js";

export interface OAuth1Auth {
  kind: "oauth1";
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
  /** Default HMAC-SHA1; PLAINTEXT only makes sense over HTTPS. */
  signatureMethod?: SignatureMethod;
}

export function oauth1Auth(auth: Omit<OAuth1Auth, "kind">): Authorizer {
  const credentials = { consumerKey: auth.consumerKey, consumerSecret: auth.consumerSecret, token: auth.token, tokenSecret: auth.tokenSecret };
  const signing = { signatureMethod: auth.signatureMethod ?? "HMAC-SHA1" } as const;
  const sync = syncHmacSha1() !== undefined;
  return {
    secrets: credentialForms(credentials),
    authorize: (request) =>
      sync
        ? signRequestSync(request, credentials, signing).authorizationHeader
        : signRequest(request, credentials, signing).then((signed) => signed.authorizationHeader),
  };
}
