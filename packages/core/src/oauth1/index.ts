/**
 * @wrikekit/core/oauth1: OAuth 1.0a (RFC 5849) for Node, Deno and browsers: the transport Authorizer,
 * the three-legged flow, and the signer and verifier themselves (for servers, proxies and tests). Opt-in,
 * so bearer-token bundles leave it out. See encoding.ts for which parts of the `oauth-1.0a` package are
 * used and why.
 */
export { oauth1Auth, type OAuth1Auth } from "./auth.js";
export { createOAuth1Flow, WrikeOAuth1FlowError, type OAuth1Flow, type OAuth1FlowOptions, type OAuth1TokenPair } from "./flow.js";
export { OAuth1Error, type OAuth1ErrorCode } from "./errors.js";
export {
  decodeFormComponent,
  encodeFormParameters,
  forEachFormPair,
  parseFormUrlEncoded,
  percentDecode,
  percentEncode,
} from "./encoding.js";
export {
  baseStringUri,
  normalizeParameters,
  signatureBaseString,
  type OAuth1Param,
  type OAuth1Params,
} from "./base-string.js";
export { formatAuthorizationHeader, isOAuthAuthorizationHeader, parseAuthorizationHeader } from "./header.js";
export { syncHmacSha1, webCryptoHmacSha1, type HmacSha1, type HmacSha1Sync } from "./hmac.js";
export {
  generateNonce,
  signRequest,
  signRequestSync,
  type OAuth1Credentials,
  type OAuth1RequestToSign,
  type OAuth1SignOptions,
  type SignatureMethod,
  type SignedOAuth1Request,
} from "./sign.js";
export {
  constantTimeEqual,
  verifySignature,
  type OAuth1IncomingRequest,
  type OAuth1NonceCheck,
  type OAuth1ParamLocation,
  type OAuth1SecretLookup,
  type OAuth1Secrets,
  type OAuth1VerifyFailure,
  type OAuth1VerifyFailureReason,
  type OAuth1VerifyResult,
  type OAuth1VerifySuccess,
  type VerifyOAuth1Options,
} from "./verify.js";
