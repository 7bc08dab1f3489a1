/**
 * RFC 5849 section 3.4.1: signature base string, base string URI and
 * parameter normalisation. Request normalisation is done here, not by the
 * `oauth-1.0a` package (see encoding.ts for why).
 */
import { decodeFormComponent, forEachRawFormPair, percentEncode, percentEncodeTwice } from "./encoding.js";
import { OAuth1Error } from "./errors.js";

/** A decoded [name, value] parameter. */
export type OAuth1Param = readonly [name: string, value: string];
/** Decoded parameters, in order; duplicates and empty values are meaningful. */
export type OAuth1Params = ReadonlyArray<OAuth1Param>;

/**
 * @internal Parameters on their way into a base string: names and values in
 * two parallel arrays, each already encoded twice (3.6 encoding for the
 * normalised string, then again as part of the base string, 3.4.1.1 step 5).
 *
 * Encoding an RFC 3986-encoded string a second time only turns "%" into
 * "%25", which keeps the first character of every escape, so comparing
 * doubly-encoded strings gives the same order as comparing singly-encoded
 * ones: sorting here is the sort of 3.4.1.3.2.
 */
export interface BaseStringParams {
  names: string[];
  values: string[];
}

/** @internal Encodes an RFC 3986-encoded string again ("%" -> "%25"). */
export function encodeAgain(encoded: string): string {
  // Only unreserved characters and "%" occur, so encodeURIComponent is exact here (and fast).
  return encoded.indexOf("%") === -1 ? encoded : encodeURIComponent(encoded);
}

/** @internal Adds a decoded parameter. */
export function addDecodedParam(params: BaseStringParams, name: string, value: string): void {
  params.names.push(percentEncodeTwice(name));
  params.values.push(percentEncodeTwice(value));
}

/**
 * A form component already in RFC 5849 3.6 form, once "+" is read as "%20":
 * only unreserved characters and upper-case escapes of ASCII characters that
 * are not unreserved. Decoding such a string and encoding it again (3.6)
 * gives it back unchanged, so both steps can be skipped. (Escapes of non-ASCII
 * octets take the general path, which also checks that they are valid UTF-8.)
 * One character or escape per iteration, disjoint alternatives: linear time.
 */
const CANONICAL_FORM_COMPONENT = /^(?:[A-Za-z0-9._~-]|%(?:[01][0-9A-F]|2[0-9A-C]|2F|3[A-F]|40|5[B-E]|60|7[B-DF]))*$/;
const PLUS = /\+/g;

/** The 3.6 encoding of a raw form component, or undefined when it needs decoding first. */
function canonicalFormComponent(raw: string): string | undefined {
  const spaced = raw.indexOf("+") === -1 ? raw : raw.replace(PLUS, "%20");
  return CANONICAL_FORM_COMPONENT.test(spaced) ? spaced : undefined;
}

/**
 * @internal Adds the pairs of an application/x-www-form-urlencoded string (a
 * URL query), leaving out `oauth_signature` (3.4.1.3.1).
 */
export function addFormEncodedParams(params: BaseStringParams, formEncoded: string): void {
  if (formEncoded === "") return;
  forEachRawFormPair(formEncoded, (rawName, rawValue) => {
    let name = canonicalFormComponent(rawName);
    if (name === undefined) {
      const decoded = decodeFormComponent(rawName);
      if (decoded === "oauth_signature") return;
      name = percentEncode(decoded);
    } else if (name === "oauth_signature") {
      // A canonical name decodes to itself when it has no escapes, and to something
      // with non-unreserved characters otherwise, so this is the only way to spell it.
      return;
    }
    const value = canonicalFormComponent(rawValue) ?? percentEncode(decodeFormComponent(rawValue));
    params.names.push(encodeAgain(name));
    params.values.push(encodeAgain(value));
  });
}

/** Sorts parallel name/value arrays by name, then value (code-unit order = byte order for encoded strings). */
function sortParams(names: string[], values: string[]): void {
  const n = names.length;
  if (n <= 32) {
    // Insertion sort: several times faster than Array#sort for the usual ~10 parameters.
    for (let i = 1; i < n; i++) {
      const name = names[i]!;
      const value = values[i]!;
      let j = i - 1;
      for (; j >= 0; j--) {
        const other = names[j]!;
        if (other < name || (other === name && values[j]! <= value)) break;
        names[j + 1] = other;
        values[j + 1] = values[j]!;
      }
      names[j + 1] = name;
      values[j + 1] = value;
    }
    return;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const na = names[a]!;
    const nb = names[b]!;
    if (na !== nb) return na < nb ? -1 : 1;
    const va = values[a]!;
    const vb = values[b]!;
    return va < vb ? -1 : va > vb ? 1 : 0;
  });
  const sortedNames = order.map((i) => names[i]!);
  const sortedValues = order.map((i) => values[i]!);
  for (let i = 0; i < n; i++) {
    names[i] = sortedNames[i]!;
    values[i] = sortedValues[i]!;
  }
}

function joinSorted(names: string[], values: string[], equals: string, ampersand: string): string {
  sortParams(names, values);
  let out = "";
  for (let i = 0; i < names.length; i++) out += (i === 0 ? "" : ampersand) + names[i]! + equals + values[i]!;
  return out;
}

/**
 * @internal The normalised parameters (3.4.1.3.2) as they appear, encoded
 * again, in the base string; sorts `params` in place.
 */
export function joinForBaseString(params: BaseStringParams): string {
  return joinSorted(params.names, params.values, "%3D", "%26");
}

/**
 * RFC 5849 section 3.4.1.3.2: encodes every name and value (3.6), sorts by
 * encoded name then encoded value (byte order), and joins them as
 * `name=value&...`, keeping duplicates and empty values. The pairs are taken
 * as given: nothing (not even `oauth_signature`) is left out.
 */
export function normalizeParameters(params: OAuth1Params): string {
  const names: string[] = [];
  const values: string[] = [];
  for (let i = 0; i < params.length; i++) {
    const param = params[i]!;
    names.push(percentEncode(param[0]));
    values.push(percentEncode(param[1]));
  }
  return joinSorted(names, values, "=", "&");
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
  switch (method) {
    case "GET":
    case "POST":
    case "PUT":
    case "PATCH":
    case "DELETE":
    case "HEAD":
    case "OPTIONS":
      return method;
  }
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
  const collected: BaseStringParams = { names: [], values: [] };
  addFormEncodedParams(collected, query);
  for (let i = 0; i < params.length; i++) {
    const param = params[i]!;
    if (param[0] !== "oauth_signature") addDecodedParam(collected, param[0], param[1]);
  }
  return encodedMethod + "&" + encodedUri + "&" + joinForBaseString(collected);
}
