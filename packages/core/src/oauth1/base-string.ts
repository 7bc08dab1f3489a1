/**
 * RFC 5849 section 3.4.1: signature base string, base string URI and
 * parameter normalisation. Request normalisation is done here, not by the
 * `oauth-1.0a` package (see encoding.ts for why).
 */
import { forEachFormPair, percentEncode } from "./encoding.js";
import { OAuth1Error } from "./errors.js";

/** A decoded [name, value] parameter. */
export type OAuth1Param = readonly [name: string, value: string];
/** Decoded parameters, in order; duplicates and empty values are meaningful. */
export type OAuth1Params = ReadonlyArray<OAuth1Param>;

/**
 * Normalised parameters are kept as `encodedName + SEP + encodedValue`
 * strings. SEP (U+0001) sorts below every character percentEncode can emit
 * (the lowest is "%", U+0025), so sorting these strings with the default
 * code-unit order sorts by encoded name, then by encoded value, in ascending
 * byte order, as 3.4.1.3.2 requires, even when one name is a prefix of another.
 */
const SEP = "\u0001";

/** @internal */
export function addEncodedParam(items: string[], name: string, value: string): void {
  items.push(percentEncode(name) + SEP + percentEncode(value));
}

/** @internal Adds the pairs of a form-encoded string, leaving out `oauth_signature` (3.4.1.3.1). */
export function addFormEncodedParams(items: string[], formEncoded: string): void {
  if (formEncoded === "") return;
  forEachFormPair(formEncoded, (name, value) => {
    if (name !== "oauth_signature") items.push(percentEncode(name) + SEP + percentEncode(value));
  });
}

/** @internal The normalised parameter string of 3.4.1.3.2 (sorts `items` in place). */
export function joinNormalized(items: string[]): string {
  items.sort();
  return items.join("&").replaceAll(SEP, "=");
}

/**
 * @internal The normalised parameter string, percent-encoded a second time
 * for the base string (sorts `items` in place). Every item holds only
 * unreserved characters, "%" and SEP, so the second encoding is "%" -> "%25",
 * SEP (the "=") -> "%3D" and the "&" separators -> "%26".
 */
export function joinNormalizedForBaseString(items: string[]): string {
  items.sort();
  let joined = items.join("&");
  if (joined.indexOf("%") !== -1) joined = joined.replaceAll("%", "%25");
  return joined.replaceAll(SEP, "%3D").replaceAll("&", "%26");
}

/**
 * RFC 5849 section 3.4.1.3.2: encodes every name and value (3.6), sorts by
 * encoded name then encoded value (byte order), and joins them as
 * `name=value&...`, keeping duplicates and empty values. The pairs are taken
 * as given: nothing (not even `oauth_signature`) is left out.
 */
export function normalizeParameters(params: OAuth1Params): string {
  const items: string[] = [];
  for (let i = 0; i < params.length; i++) {
    const param = params[i]!;
    addEncodedParam(items, param[0], param[1]);
  }
  return joinNormalized(items);
}

function parseHttpUrl(url: string): URL {
  if (typeof url !== "string") throw new OAuth1Error("invalid_url", "the request URL must be a string");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Node's TypeError carries the input; it is deliberately not chained.
    throw new OAuth1Error("invalid_url", "the request URL is not a valid absolute URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new OAuth1Error("invalid_url", "OAuth 1.0a requests need an http: or https: URL");
  }
  return parsed;
}

/**
 * RFC 5849 section 3.4.1.2 base string URI: lower-case scheme and host, the
 * port only when it is not the scheme's default (80 for http, 443 for https),
 * the path, and no user info, query or fragment.
 *
 * The URL is read with the WHATWG URL parser, i.e. the way fetch() sends it:
 * the path is the one on the wire (a raw space or non-ASCII character becomes
 * its UTF-8 `%XX` form, `.`/`..` segments are resolved, existing escapes are
 * kept as written), and an IDN host becomes its punycode form.
 *
 * @throws OAuth1Error (`invalid_url`) for a relative, malformed or non-http(s) URL.
 */
export function baseStringUri(url: string): string {
  const parsed = parseHttpUrl(url);
  return parsed.protocol + "//" + parsed.host + parsed.pathname;
}

/** Leading/trailing C0 controls and spaces, and every tab/CR/LF, are dropped by the WHATWG URL parser. */
const URL_TRIM = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const URL_TAB_OR_NEWLINE = /[\t\n\r]/g;

const encodedUriCache = new Map<string, string>();
const ENCODED_URI_CACHE_LIMIT = 256;

/** @internal Splits a URL into its encoded base string URI and its raw query (no "?", no fragment). */
export function splitRequestUrl(url: string): { encodedUri: string; query: string } {
  if (typeof url !== "string") throw new OAuth1Error("invalid_url", "the request URL must be a string");
  let clean = url;
  if (clean.length > 0 && (clean.charCodeAt(0) <= 0x20 || clean.charCodeAt(clean.length - 1) <= 0x20)) {
    clean = clean.replace(URL_TRIM, "");
  }
  if (clean.indexOf("\t") !== -1 || clean.indexOf("\n") !== -1 || clean.indexOf("\r") !== -1) {
    clean = clean.replace(URL_TAB_OR_NEWLINE, "");
  }
  const hash = clean.indexOf("#");
  const beforeHash = hash === -1 ? clean : clean.slice(0, hash);
  const q = beforeHash.indexOf("?");
  const prefix = q === -1 ? beforeHash : beforeHash.slice(0, q);
  const query = q === -1 ? "" : beforeHash.slice(q + 1);

  let encodedUri = encodedUriCache.get(prefix);
  if (encodedUri === undefined) {
    encodedUri = percentEncode(baseStringUri(prefix));
    // URLs with user info are not kept in the cache.
    if (prefix.indexOf("@") === -1) {
      if (encodedUriCache.size >= ENCODED_URI_CACHE_LIMIT) encodedUriCache.clear();
      encodedUriCache.set(prefix, encodedUri);
    }
  }
  return { encodedUri, query };
}

const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** @internal The upper-cased, encoded method of 3.4.1.1 step 1. */
export function encodeMethod(method: string): string {
  if (typeof method !== "string" || !HTTP_TOKEN.test(method)) {
    throw new OAuth1Error("invalid_argument", "the request method must be an HTTP method token such as GET or POST");
  }
  return percentEncode(method.toUpperCase());
}

/**
 * RFC 5849 section 3.4.1.1 signature base string:
 * `METHOD&encoded(base string URI)&encoded(normalised parameters)`.
 *
 * The parameters are collected per 3.4.1.3.1: the query of `url` (read as
 * application/x-www-form-urlencoded, `+` being a space) plus `params`, which
 * should hold the protocol parameters (`oauth_*`, no `realm`) and, for an
 * application/x-www-form-urlencoded request, the decoded body parameters.
 * `oauth_signature` is left out wherever it appears.
 */
export function signatureBaseString(method: string, url: string, params: OAuth1Params = []): string {
  const encodedMethod = encodeMethod(method);
  const { encodedUri, query } = splitRequestUrl(url);
  const items: string[] = [];
  addFormEncodedParams(items, query);
  for (let i = 0; i < params.length; i++) {
    const param = params[i]!;
    if (param[0] !== "oauth_signature") addEncodedParam(items, param[0], param[1]);
  }
  return encodedMethod + "&" + encodedUri + "&" + joinNormalizedForBaseString(items);
}
