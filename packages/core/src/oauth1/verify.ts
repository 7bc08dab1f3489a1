/** Server side: verifying a signed request (RFC 5849 section 3.2). */
import {
  addDecodedParam,
  addFormEncodedParams,
  encodeMethod,
  joinForBaseString,
  type BaseStringParams,
  splitRequestUrl,
  type OAuth1Params,
} from "./base-string.js";
import { parseFormUrlEncoded, percentEncode } from "./encoding.js";
import { OAuth1Error } from "./errors.js";
import { isOAuthAuthorizationHeader, parseAuthorizationHeader } from "./header.js";
import { runHmac, type HmacSha1 } from "./hmac.js";
import type { SignatureMethod } from "./sign.js";

export interface OAuth1IncomingRequest {
  method: string;
  /**
   * The absolute request URL as the client addressed it: scheme, the Host
   * header's host and port, path and query (behind a proxy, rebuild it from
   * the forwarded scheme and host).
   */
  url: string;
  /** The Authorization header value, if any. Non-OAuth schemes are ignored. */
  authorization?: string | null;
  /** Decoded form-body parameters — only for an application/x-www-form-urlencoded body. */
  bodyParams?: OAuth1Params;
}

export interface OAuth1SecretLookup {
  consumerKey: string;
  /** `oauth_token`, or undefined when the request carries none. */
  token: string | undefined;
  signatureMethod: SignatureMethod;
}

export interface OAuth1Secrets {
  consumerSecret: string;
  /** "" when undefined. */
  tokenSecret?: string;
}

export interface OAuth1NonceCheck {
  consumerKey: string;
  token: string | undefined;
  nonce: string;
  timestamp: string | undefined;
}

export interface VerifyOAuth1Options {
  /** Secrets of the consumer key and token; null/undefined when unknown (-> `unknown_credentials`). */
  lookupSecrets: (lookup: OAuth1SecretLookup) => OAuth1Secrets | null | undefined | Promise<OAuth1Secrets | null | undefined>;
  /** Accepted methods; default both. RFC 5849 3.4.4: accept PLAINTEXT over TLS only. */
  signatureMethods?: readonly SignatureMethod[];
  /** When set, refuse timestamps further than this from now (`stale_timestamp`). Default: no check. */
  maxTimestampSkewSeconds?: number;
  /** Clock for the skew check, in milliseconds; default Date.now. */
  now?: () => number;
  /**
   * Replay check, called only once the signature is valid and only when the
   * request has a nonce: return false when the nonce/timestamp/token
   * combination was seen before (-> `nonce_reused`).
   */
  checkNonce?: (check: OAuth1NonceCheck) => boolean | Promise<boolean>;
  /** HMAC-SHA1 provider; default node's crypto, else WebCrypto. */
  hmacSha1?: HmacSha1;
}

/** Where the protocol parameters were found (3.5). */
export type OAuth1ParamLocation = "header" | "body" | "query";

export type OAuth1VerifyFailureReason =
  /** The URL or the Authorization header cannot be parsed. 400 */
  | "malformed_request"
  /** No `oauth_*` parameter anywhere. 401 */
  | "no_oauth_params"
  /** `oauth_*` parameters in more than one of header, body, query (3.5). 400 */
  | "oauth_params_in_several_locations"
  /** A protocol parameter appears twice (3.1). 400 */
  | "duplicate_oauth_param"
  /** oauth_consumer_key, oauth_signature_method, oauth_signature, or (HMAC-SHA1) oauth_timestamp/oauth_nonce missing. 400 */
  | "missing_oauth_param"
  /** Method not supported or not accepted by `signatureMethods`. 400 */
  | "unsupported_signature_method"
  /** oauth_version present and not "1.0" (3.2). 400 */
  | "unsupported_oauth_version"
  /** oauth_timestamp not a positive integer (3.3). 400 */
  | "invalid_timestamp"
  /** oauth_timestamp outside `maxTimestampSkewSeconds`. 401 */
  | "stale_timestamp"
  /** `lookupSecrets` returned nothing. 401 */
  | "unknown_credentials"
  /** The signature does not match. 401 */
  | "invalid_signature"
  /** `checkNonce` refused the nonce. 401 */
  | "nonce_reused";

export interface OAuth1VerifySuccess {
  ok: true;
  consumerKey: string;
  token: string | undefined;
  signatureMethod: SignatureMethod;
  timestamp: string | undefined;
  nonce: string | undefined;
  callback: string | undefined;
  verifier: string | undefined;
  realm: string | undefined;
  location: OAuth1ParamLocation;
  /** The protocol parameters received, decoded, without `oauth_signature`. */
  oauthParams: Array<[string, string]>;
}

/** A refusal. Holds no secret and never the expected signature. */
export interface OAuth1VerifyFailure {
  ok: false;
  reason: OAuth1VerifyFailureReason;
  /** RFC 5849 3.2: 400 for a bad request, 401 for bad credentials, signature or nonce. */
  status: 400 | 401;
  /** Human-readable, safe to log and to return to the client. */
  message: string;
  /** For `invalid_signature` with HMAC-SHA1: the base string the server computed, to compare with the client's. */
  baseString?: string;
}

export type OAuth1VerifyResult = OAuth1VerifySuccess | OAuth1VerifyFailure;

function fail(reason: OAuth1VerifyFailureReason, status: 400 | 401, message: string, baseString?: string): OAuth1VerifyFailure {
  return baseString === undefined ? { ok: false, reason, status, message } : { ok: false, reason, status, message, baseString };
}

/**
 * Compares two strings in time that depends only on the length of `expected`.
 */
export function constantTimeEqual(received: string, expected: string): boolean {
  let diff = received.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (received.charCodeAt(i) | 0) ^ expected.charCodeAt(i);
  return diff === 0;
}

const DIGITS = /^[0-9]+$/;

function hasOAuthParam(params: OAuth1Params): boolean {
  for (let i = 0; i < params.length; i++) if (params[i]![0].startsWith("oauth_")) return true;
  return false;
}

/**
 * Verifies an OAuth 1.0a request (RFC 5849 3.2): finds the protocol
 * parameters (Authorization header, form body or query — exactly one of
 * them, 3.5), checks them, looks up the secrets, recomputes the HMAC-SHA1 or
 * PLAINTEXT signature over the same base string as the signer and compares
 * it in constant time, then runs the optional timestamp and nonce checks.
 *
 * Resolves to `{ ok: true, ... }` or `{ ok: false, reason, status, message }`;
 * neither holds a secret or the expected signature. Rejects only when
 * `lookupSecrets`, `checkNonce` or the HMAC provider throws.
 */
export async function verifySignature(request: OAuth1IncomingRequest, options: VerifyOAuth1Options): Promise<OAuth1VerifyResult> {
  // 1. Parameter sources (3.4.1.3.1).
  let queryParams: Array<[string, string]>;
  let encodedMethod: string;
  let encodedUri: string;
  let query: string;
  let headerParams: Array<[string, string]> = [];
  try {
    encodedMethod = encodeMethod(request.method);
    ({ encodedUri, query } = splitRequestUrl(request.url));
    queryParams = parseFormUrlEncoded(query);
    const authorization = request.authorization;
    if (typeof authorization === "string" && isOAuthAuthorizationHeader(authorization)) {
      headerParams = parseAuthorizationHeader(authorization);
    }
  } catch (error) {
    if (error instanceof OAuth1Error) return fail("malformed_request", 400, error.message);
    throw error;
  }
  const bodyParams = request.bodyParams ?? [];

  // 2. Protocol parameters from exactly one location (3.5).
  const inHeader = hasOAuthParam(headerParams);
  const inBody = hasOAuthParam(bodyParams);
  const inQuery = hasOAuthParam(queryParams);
  const count = (inHeader ? 1 : 0) + (inBody ? 1 : 0) + (inQuery ? 1 : 0);
  if (count === 0) return fail("no_oauth_params", 401, "the request carries no OAuth protocol parameters");
  if (count > 1) {
    return fail(
      "oauth_params_in_several_locations",
      400,
      "oauth_* parameters must be sent in only one of the Authorization header, the form body or the query",
    );
  }
  const location: OAuth1ParamLocation = inHeader ? "header" : inBody ? "body" : "query";
  const source: OAuth1Params = inHeader ? headerParams : inBody ? bodyParams : queryParams;

  const protocol = new Map<string, string>();
  const oauthParams: Array<[string, string]> = [];
  for (let i = 0; i < source.length; i++) {
    const [name, value] = source[i]!;
    if (!name.startsWith("oauth_")) continue;
    if (protocol.has(name)) {
      return fail("duplicate_oauth_param", 400, "protocol parameter " + name.slice(0, 64) + " appears more than once");
    }
    protocol.set(name, value);
    if (name !== "oauth_signature") oauthParams.push([name, value]);
  }

  // 3. Required parameters (3.1, 3.2).
  const consumerKey = protocol.get("oauth_consumer_key");
  const methodName = protocol.get("oauth_signature_method");
  const signature = protocol.get("oauth_signature");
  const token = protocol.get("oauth_token");
  const timestamp = protocol.get("oauth_timestamp");
  const nonce = protocol.get("oauth_nonce");
  const version = protocol.get("oauth_version");
  if (consumerKey === undefined || methodName === undefined || signature === undefined) {
    return fail("missing_oauth_param", 400, "oauth_consumer_key, oauth_signature_method and oauth_signature are required");
  }
  const accepted = options.signatureMethods ?? ["HMAC-SHA1", "PLAINTEXT"];
  if ((methodName !== "HMAC-SHA1" && methodName !== "PLAINTEXT") || !accepted.includes(methodName)) {
    return fail("unsupported_signature_method", 400, "unsupported oauth_signature_method; accepted: " + accepted.join(", "));
  }
  const signatureMethod: SignatureMethod = methodName;
  if (version !== undefined && version !== "1.0") {
    return fail("unsupported_oauth_version", 400, 'oauth_version must be "1.0" when present');
  }
  if (signatureMethod === "HMAC-SHA1" && (timestamp === undefined || nonce === undefined)) {
    return fail("missing_oauth_param", 400, "oauth_timestamp and oauth_nonce are required with HMAC-SHA1");
  }
  if (timestamp !== undefined && (!DIGITS.test(timestamp) || !(Number(timestamp) > 0))) {
    return fail("invalid_timestamp", 400, "oauth_timestamp must be a positive integer");
  }
  if (timestamp !== undefined && options.maxTimestampSkewSeconds !== undefined) {
    const nowSeconds = (options.now ?? Date.now)() / 1000;
    if (Math.abs(nowSeconds - Number(timestamp)) > options.maxTimestampSkewSeconds) {
      return fail("stale_timestamp", 401, "oauth_timestamp is too far from the server's clock");
    }
  }

  // 4. Secrets and signature (3.4).
  const secrets = await options.lookupSecrets({ consumerKey, token, signatureMethod });
  if (secrets === null || secrets === undefined) {
    return fail("unknown_credentials", 401, "unknown client credentials or token");
  }
  let signingKey: string;
  let baseString = "";
  try {
    signingKey = percentEncode(secrets.consumerSecret) + "&" + percentEncode(secrets.tokenSecret ?? "");
    if (signatureMethod === "HMAC-SHA1") {
      const collected: BaseStringParams = { names: [], values: [] };
      addFormEncodedParams(collected, query);
      for (let i = 0; i < headerParams.length; i++) {
        const [name, value] = headerParams[i]!;
        if (name !== "realm" && name !== "oauth_signature") addDecodedParam(collected, name, value);
      }
      for (let i = 0; i < bodyParams.length; i++) {
        const [name, value] = bodyParams[i]!;
        if (name !== "oauth_signature") addDecodedParam(collected, name, value);
      }
      baseString = encodedMethod + "&" + encodedUri + "&" + joinForBaseString(collected);
    }
  } catch (error) {
    if (error instanceof OAuth1Error) return fail("malformed_request", 400, error.message);
    throw error;
  }
  const expected = signatureMethod === "PLAINTEXT" ? signingKey : await runHmac(options.hmacSha1, signingKey, baseString);
  if (!constantTimeEqual(signature, expected)) {
    return signatureMethod === "HMAC-SHA1"
      ? fail("invalid_signature", 401, "invalid oauth_signature", baseString)
      : fail("invalid_signature", 401, "invalid oauth_signature");
  }

  // 5. Replay check (3.2), only for authentic requests.
  if (nonce !== undefined && options.checkNonce !== undefined) {
    const fresh = await options.checkNonce({ consumerKey, token, nonce, timestamp });
    if (!fresh) return fail("nonce_reused", 401, "oauth_nonce was already used");
  }

  const realmPair = headerParams.find((pair) => pair[0] === "realm");
  return {
    ok: true,
    consumerKey,
    token,
    signatureMethod,
    timestamp,
    nonce,
    callback: protocol.get("oauth_callback"),
    verifier: protocol.get("oauth_verifier"),
    realm: realmPair?.[1],
    location,
    oauthParams,
  };
}
