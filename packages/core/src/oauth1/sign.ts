/** Client side: signing a request (RFC 5849 section 3.1 and 3.4). */
import {
  addDecodedParam,
  addFormEncodedParams,
  encodeAgain,
  encodeMethod,
  joinForBaseString,
  type BaseStringParams,
  splitRequestUrl,
  type OAuth1Params,
} from "./base-string.js";
import { percentEncode } from "./encoding.js";
import { OAuth1Error } from "./errors.js";
import { formatRealm } from "./header.js";
import { runHmac, runHmacSync, type HmacSha1 } from "./hmac.js";

export type SignatureMethod = "HMAC-SHA1" | "PLAINTEXT";

export interface OAuth1Credentials {
  /** Client identifier (`oauth_consumer_key`). */
  consumerKey: string;
  /** Client shared-secret. */
  consumerSecret: string;
  /** Token (`oauth_token`), temporary or access; omitted from the request when undefined or "". */
  token?: string;
  /** Token shared-secret; "" when undefined (RFC 5849 2.1). */
  tokenSecret?: string;
}

export interface OAuth1RequestToSign {
  /** HTTP method; upper-cased for the base string. */
  method: string;
  /** Absolute http(s) URL as it will be sent, query included. */
  url: string;
  /**
   * Decoded form-body parameters, in order — only for an
   * application/x-www-form-urlencoded body (3.4.1.3.1); leave out otherwise.
   */
  bodyParams?: OAuth1Params;
}

export interface OAuth1SignOptions {
  /** Default "HMAC-SHA1". */
  signatureMethod?: SignatureMethod;
  /** `oauth_nonce`; default 32 random hex characters. `false` omits it (PLAINTEXT only, 3.1). */
  nonce?: string | false;
  /** `oauth_timestamp` in seconds; default now. `false` omits it (PLAINTEXT only, 3.1). */
  timestamp?: number | string | false;
  /** `oauth_version="1.0"` is sent unless this is false (the parameter is optional, 3.1). */
  includeVersion?: boolean;
  /** `oauth_callback` (temporary-credentials request, 2.1). */
  callback?: string;
  /** `oauth_verifier` (token request, 2.3). */
  verifier?: string;
  /** `realm` of the Authorization header; never part of the base string. */
  realm?: string;
  /** Extra protocol parameters, e.g. `oauth_body_hash`; names must start with `oauth_`. */
  extraOAuthParams?: OAuth1Params;
  /** HMAC-SHA1 provider; default node's crypto when reachable, else WebCrypto (async only). */
  hmacSha1?: HmacSha1;
}

export interface SignedOAuth1Request {
  /**
   * The protocol parameters, decoded, in the order sent, `oauth_signature`
   * last. Send them in the Authorization header (`authorizationHeader`), or
   * with `encodeFormParameters` in the query or form body: the base string is
   * the same for the three (3.5).
   */
  oauthParams: Array<[string, string]>;
  signatureMethod: SignatureMethod;
  /**
   * `oauth_signature`, decoded. For PLAINTEXT it is
   * `encode(consumerSecret)&encode(tokenSecret)` by definition (3.4.4), so the
   * result, like the request itself, then holds the secrets: PLAINTEXT is for
   * TLS only, and its results must not be logged.
   */
  signature: string;
  /** The signature base string (3.4.1.1) that was signed; "" for PLAINTEXT, which signs no base string (3.4.4). */
  baseString: string;
  /** `OAuth realm="...", oauth_consumer_key="...", ..., oauth_signature="..."`. */
  authorizationHeader: string;
}

const STANDARD_PARAMS: ReadonlySet<string> = new Set([
  "oauth_consumer_key",
  "oauth_token",
  "oauth_signature_method",
  "oauth_timestamp",
  "oauth_nonce",
  "oauth_version",
  "oauth_callback",
  "oauth_verifier",
  "oauth_signature",
]);

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => (i < 16 ? "0" : "") + i.toString(16));
const POOL_SIZE = 4096;
const NONCE_BYTES = 16;
/** The hex form of POOL_SIZE random bytes, refilled when used up: a nonce is one slice of it, not 16 joins. */
let hexPool = "";
let hexPoolPos = 0;

/** 32 lower-case hex characters (128 bits) from crypto.getRandomValues, drawn from a refilled pool. */
export function generateNonce(): string {
  if (hexPoolPos + 2 * NONCE_BYTES > hexPool.length) {
    const crypto = globalThis.crypto;
    if (!crypto || typeof crypto.getRandomValues !== "function") {
      throw new OAuth1Error("random_unavailable", "crypto.getRandomValues is not available; pass options.nonce");
    }
    const bytes = crypto.getRandomValues(new Uint8Array(POOL_SIZE));
    let hex = "";
    for (let i = 0; i < POOL_SIZE; i++) hex += HEX[bytes[i]!]!;
    hexPool = hex;
    hexPoolPos = 0;
  }
  return hexPool.slice(hexPoolPos, (hexPoolPos += 2 * NONCE_BYTES));
}

const DIGITS_ONLY = /^[0-9]+$/;

let lastSecond = -1;
let lastSecondString = "";

function timestampString(timestamp: number | string | undefined): string {
  if (timestamp === undefined) {
    const second = Math.floor(Date.now() / 1000);
    if (second !== lastSecond) {
      lastSecond = second;
      lastSecondString = String(second);
    }
    return lastSecondString;
  }
  if (typeof timestamp === "number") {
    if (Number.isSafeInteger(timestamp) && timestamp > 0) return String(timestamp);
  } else if (typeof timestamp === "string" && DIGITS_ONLY.test(timestamp)) {
    return timestamp;
  }
  throw new OAuth1Error("invalid_argument", "options.timestamp must be a positive integer number of seconds");
}

function requireString(value: unknown, what: string, allowEmpty: boolean): string {
  if (typeof value !== "string" || (!allowEmpty && value === "")) {
    throw new OAuth1Error("invalid_argument", what + (allowEmpty ? " must be a string" : " must be a non-empty string"));
  }
  return value;
}

/** The encoded forms of one set of credentials. Internal: holds the signing key, a secret. */
interface CredentialParts {
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
  /** 3.6-encoded (for the header) and encoded again (for the base string). */
  consumerKeyEncoded: string;
  consumerKeyTwice: string;
  tokenEncoded: string;
  tokenTwice: string;
  signingKey: string;
}

/** The last credentials signed with: a client signs every call with the same ones, so their encoding is done once. */
let lastParts: CredentialParts | undefined;

function credentialParts(consumerKey: string, consumerSecret: string, token: string, tokenSecret: string): CredentialParts {
  const last = lastParts;
  if (last !== undefined && last.consumerKey === consumerKey && last.consumerSecret === consumerSecret && last.token === token && last.tokenSecret === tokenSecret) {
    return last;
  }
  const consumerKeyEncoded = percentEncode(consumerKey);
  const tokenEncoded = percentEncode(token);
  return (lastParts = {
    consumerKey,
    consumerSecret,
    token,
    tokenSecret,
    consumerKeyEncoded,
    consumerKeyTwice: encodeAgain(consumerKeyEncoded),
    tokenEncoded,
    tokenTwice: encodeAgain(tokenEncoded),
    signingKey: percentEncode(consumerSecret) + "&" + percentEncode(tokenSecret),
  });
}

/** Everything computed before the HMAC. Internal: holds the signing key, a secret. */
interface Prepared {
  signatureMethod: SignatureMethod;
  /** Decoded protocol parameters in the order sent, signature excluded; `finish` appends it. */
  oauthParams: Array<[string, string]>;
  /** `OAuth realm="...", name="value", ` with every parameter but the signature. */
  headerPrefix: string;
  baseString: string;
  signingKey: string;
}

function prepare(request: OAuth1RequestToSign, credentials: OAuth1Credentials, options: OAuth1SignOptions | undefined): Prepared {
  if (request === null || typeof request !== "object") throw new OAuth1Error("invalid_argument", "the request must be an object");
  if (credentials === null || typeof credentials !== "object") throw new OAuth1Error("invalid_argument", "the credentials must be an object");
  const opts = options ?? {};
  const signatureMethod = opts.signatureMethod ?? "HMAC-SHA1";
  if (signatureMethod !== "HMAC-SHA1" && signatureMethod !== "PLAINTEXT") {
    throw new OAuth1Error("invalid_argument", 'options.signatureMethod must be "HMAC-SHA1" or "PLAINTEXT"');
  }
  const consumerKey = requireString(credentials.consumerKey, "credentials.consumerKey", false);
  const consumerSecret = requireString(credentials.consumerSecret, "credentials.consumerSecret", true);
  const token = credentials.token === undefined ? "" : requireString(credentials.token, "credentials.token", true);
  const tokenSecret =
    credentials.tokenSecret === undefined ? "" : requireString(credentials.tokenSecret, "credentials.tokenSecret", true);
  const hmac = signatureMethod === "HMAC-SHA1";
  const parts = credentialParts(consumerKey, consumerSecret, token, tokenSecret);

  // Protocol parameters: decoded (oauthParams), for the header (headerPrefix) and for the base string (collected).
  const oauthParams: Array<[string, string]> = [];
  const collected: BaseStringParams = { names: [], values: [] };
  let headerPrefix = opts.realm === undefined ? "OAuth " : "OAuth " + formatRealm(opts.realm) + ", ";
  let name: string;
  let value: string;
  let encoded: string;
  /** The encoded value encoded again, when known in advance. */
  let twice: string | undefined;

  for (let step = 0; step < 8; step++) {
    // One protocol parameter per step, in the order of the RFC's examples; names are unreserved.
    twice = undefined;
    switch (step) {
      case 0:
        name = "oauth_consumer_key";
        value = consumerKey;
        encoded = parts.consumerKeyEncoded;
        twice = parts.consumerKeyTwice;
        break;
      case 1:
        if (token === "") continue;
        name = "oauth_token";
        value = token;
        encoded = parts.tokenEncoded;
        twice = parts.tokenTwice;
        break;
      case 2:
        name = "oauth_signature_method";
        value = encoded = signatureMethod;
        break;
      case 3:
        if (opts.timestamp === false) {
          if (hmac) throw new OAuth1Error("invalid_argument", "oauth_timestamp can only be omitted with PLAINTEXT");
          continue;
        }
        name = "oauth_timestamp";
        value = encoded = timestampString(opts.timestamp);
        break;
      case 4:
        if (opts.nonce === false) {
          if (hmac) throw new OAuth1Error("invalid_argument", "oauth_nonce can only be omitted with PLAINTEXT");
          continue;
        }
        name = "oauth_nonce";
        if (opts.nonce === undefined) {
          value = encoded = generateNonce();
        } else {
          value = requireString(opts.nonce, "options.nonce", false);
          encoded = percentEncode(value);
        }
        break;
      case 5:
        if (opts.includeVersion === false) continue;
        name = "oauth_version";
        value = encoded = "1.0";
        break;
      case 6:
        if (opts.callback === undefined) continue;
        name = "oauth_callback";
        value = requireString(opts.callback, "options.callback", false);
        encoded = percentEncode(value);
        break;
      default:
        if (opts.verifier === undefined) continue;
        name = "oauth_verifier";
        value = requireString(opts.verifier, "options.verifier", true);
        encoded = percentEncode(value);
        break;
    }
    oauthParams.push([name, value]);
    headerPrefix += name + '="' + encoded + '", ';
    if (hmac) {
      collected.names.push(name);
      collected.values.push(twice ?? (encoded === value ? value : encodeAgain(encoded)));
    }
  }

  const extras = opts.extraOAuthParams;
  if (extras !== undefined) {
    for (let i = 0; i < extras.length; i++) {
      const extra = extras[i]!;
      const extraName = requireString(extra[0], "an extraOAuthParams name", false);
      if (!extraName.startsWith("oauth_") || STANDARD_PARAMS.has(extraName) || oauthParams.some((p) => p[0] === extraName)) {
        throw new OAuth1Error(
          "invalid_argument",
          "extraOAuthParams names must start with oauth_, be unique and not be a parameter set by the signer (" + extraName + ")",
        );
      }
      const extraValue = requireString(extra[1], "an extraOAuthParams value", true);
      oauthParams.push([extraName, extraValue]);
      headerPrefix += percentEncode(extraName) + '="' + percentEncode(extraValue) + '", ';
      if (hmac) addDecodedParam(collected, extraName, extraValue);
    }
  }

  let baseString = "";
  if (hmac) {
    const encodedMethod = encodeMethod(request.method);
    const { encodedUri, query } = splitRequestUrl(request.url);
    addFormEncodedParams(collected, query);
    const body = request.bodyParams;
    if (body !== undefined) {
      for (let i = 0; i < body.length; i++) {
        const param = body[i]!;
        if (param[0] !== "oauth_signature") addDecodedParam(collected, param[0], param[1]);
      }
    }
    baseString = encodedMethod + "&" + encodedUri + "&" + joinForBaseString(collected);
  }

  return {
    signatureMethod,
    oauthParams,
    headerPrefix,
    baseString,
    signingKey: parts.signingKey,
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function finish(prepared: Prepared, signature: string, knownBase64: boolean): SignedOAuth1Request {
  const { oauthParams } = prepared; // this call's own array
  oauthParams.push(["oauth_signature", signature]);
  // encodeURIComponent is RFC 3986-exact on base64 (no ! ' ( ) * in it) and cheaper than percentEncode.
  const encodedSignature = knownBase64 || BASE64.test(signature) ? encodeURIComponent(signature) : percentEncode(signature);
  return {
    oauthParams,
    signatureMethod: prepared.signatureMethod,
    signature,
    baseString: prepared.baseString,
    authorizationHeader: prepared.headerPrefix + 'oauth_signature="' + encodedSignature + '"',
  };
}

/**
 * Signs a request synchronously (RFC 5849 3.4). HMAC-SHA1 uses
 * `options.hmacSha1` when given (it must then return a string), else node's
 * crypto; PLAINTEXT needs no HMAC. Inputs are not modified.
 *
 * @throws OAuth1Error — `sync_hmac_unavailable` when only an asynchronous
 *   HMAC is available (browsers: use {@link signRequest}), `invalid_url`,
 *   `invalid_argument`, `invalid_string`. Messages never include secrets.
 */
export function signRequestSync(
  request: OAuth1RequestToSign,
  credentials: OAuth1Credentials,
  options?: OAuth1SignOptions,
): SignedOAuth1Request {
  const prepared = prepare(request, credentials, options);
  if (prepared.signatureMethod === "PLAINTEXT") return finish(prepared, prepared.signingKey, false);
  const provider = options?.hmacSha1;
  return finish(prepared, runHmacSync(provider, prepared.signingKey, prepared.baseString), provider === undefined);
}

/**
 * Signs a request (RFC 5849 3.4). HMAC-SHA1 uses `options.hmacSha1` when
 * given, else node's crypto (synchronously) when reachable, else WebCrypto.
 * Inputs are not modified. Rejects with the errors of {@link signRequestSync}.
 */
export async function signRequest(
  request: OAuth1RequestToSign,
  credentials: OAuth1Credentials,
  options?: OAuth1SignOptions,
): Promise<SignedOAuth1Request> {
  const prepared = prepare(request, credentials, options);
  if (prepared.signatureMethod === "PLAINTEXT") return finish(prepared, prepared.signingKey, false);
  const provider = options?.hmacSha1;
  return finish(prepared, await runHmac(provider, prepared.signingKey, prepared.baseString), provider === undefined);
}
