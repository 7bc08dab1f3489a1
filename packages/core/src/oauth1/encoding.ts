/**
 * RFC 5849 section 3.6 percent-encoding and application/x-www-form-urlencoded
 * decoding.
 *
 * What is used from the `oauth-1.0a` 2.2.6 package, and why: only
 * `OAuth.prototype.percentEncode`. It is `encodeURIComponent` followed by
 * escaping `! * ' ( )`, which leaves exactly RFC 3986's unreserved set
 * (ALPHA DIGIT - . _ ~) unescaped, writes UTF-8 octets as upper-case `%XX`
 * and uses no `this` state: it is the 3.6 encoding (checked for every code
 * point in test/oauth1.test.ts). It encodes every string that is not already
 * all-unreserved; fast paths skip it where its result is known without
 * calling it — all-unreserved strings (names, nonces, timestamps: unchanged),
 * strings without `! * ' ( )` (its five replacements change nothing, so the
 * result is encodeURIComponent's) and query components already in canonical
 * 3.6 form (base-string.ts).
 *
 * Not used, because wrong or unsafe: `deParam`/`deParamUrl`/
 * `getParameterString`/`getBaseString` (no `+` as space, names not decoded,
 * duplicates and empty values mishandled, `=` in values cut, base URI not
 * normalised), `toHeader` (writes `realm` unquoted, so a `"` or CR/LF in it
 * breaks or injects into the header; re-encodes everything), `authorize`/
 * `mergeObject` (mutate their inputs), `getNonce` (Math.random).
 */
import OAuth from "oauth-1.0a";
import { OAuth1Error } from "./errors.js";

const packagePercentEncode: (value: string) => string = OAuth.prototype.percentEncode;

const UNRESERVED_ONLY = /^[A-Za-z0-9._~-]*$/;
/** What encodeURIComponent leaves unescaped beyond RFC 3986's unreserved set. */
const SUB_DELIMS_KEPT = /[!'()*]/;

/**
 * RFC 5849 section 3.6 (RFC 3986) percent-encoding: UTF-8, every octet outside
 * ALPHA / DIGIT / "-" / "." / "_" / "~" as upper-case `%XX`.
 *
 * @throws OAuth1Error (`invalid_string`) for a string holding a lone UTF-16
 *   surrogate, which has no UTF-8 form. The message never contains the value.
 */
export function percentEncode(value: string): string {
  if (typeof value !== "string") {
    throw new OAuth1Error("invalid_argument", "percentEncode expects a string");
  }
  if (UNRESERVED_ONLY.test(value)) return value;
  try {
    return SUB_DELIMS_KEPT.test(value) ? packagePercentEncode(value) : encodeURIComponent(value);
  } catch {
    throw loneSurrogate();
  }
}

const loneSurrogate = () =>
  new OAuth1Error("invalid_string", "a parameter, secret or method contains a lone UTF-16 surrogate and cannot be UTF-8 percent-encoded");

/** By character code: what encodeURIComponent leaves that percentEncode and then the second encoding change, encoded twice. */
const TWICE: ReadonlyArray<string | undefined> = /* @__PURE__ */ (() => {
  const table: Array<string | undefined> = new Array(128).fill(undefined);
  table[0x25] = "%25";
  for (const c of "!'()*") table[c.charCodeAt(0)] = "%25" + c.charCodeAt(0).toString(16).toUpperCase();
  return table;
})();

/**
 * @internal percentEncode(value) encoded again ("%" -> "%25"), as a parameter stands in the signature base
 * string (3.4.1.1 step 5), in one pass over encodeURIComponent's output instead of the package's five
 * replacements and a second encodeURIComponent. Throws as percentEncode does.
 */
export function percentEncodeTwice(value: string): string {
  if (typeof value !== "string") {
    throw new OAuth1Error("invalid_argument", "percentEncode expects a string");
  }
  if (UNRESERVED_ONLY.test(value)) return value;
  let once: string;
  try {
    once = encodeURIComponent(value);
  } catch {
    throw loneSurrogate();
  }
  let out = "";
  let from = 0;
  for (let i = 0; i < once.length; i++) {
    const twice = TWICE[once.charCodeAt(i)];
    if (twice !== undefined) {
      out += once.slice(from, i) + twice;
      from = i + 1;
    }
  }
  return from === 0 ? once : out + once.slice(from);
}

const utf8Encoder = /* @__PURE__ */ new TextEncoder();
const utf8Decoder = /* @__PURE__ */ new TextDecoder("utf-8", { ignoreBOM: true });

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** WHATWG percent-decode: malformed `%` escapes stay literal, invalid UTF-8 becomes U+FFFD. */
function lenientPercentDecode(value: string): string {
  const bytes = utf8Encoder.encode(value);
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x25 && i + 2 < bytes.length) {
      const hi = hexValue(bytes[i + 1]!);
      const lo = hexValue(bytes[i + 2]!);
      if (hi >= 0 && lo >= 0) {
        out[n++] = (hi << 4) | lo;
        i += 2;
        continue;
      }
    }
    out[n++] = b;
  }
  return utf8Decoder.decode(out.subarray(0, n));
}

/**
 * Percent-decodes a string (`+` is left alone). Decoding is lenient the way
 * URLSearchParams is: a malformed escape is kept literally and invalid UTF-8
 * becomes U+FFFD; it never throws.
 */
export function percentDecode(value: string): string {
  if (value.indexOf("%") === -1) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return lenientPercentDecode(value);
  }
}

const PLUS = /\+/g;

/** Decodes one application/x-www-form-urlencoded name or value: `+` is a space, then percent-decoding. */
export function decodeFormComponent(value: string): string {
  const spaced = value.indexOf("+") === -1 ? value : value.replace(PLUS, " ");
  return percentDecode(spaced);
}

/**
 * @internal Calls `onPair(rawName, rawValue)` for each `&`-separated segment
 * of an application/x-www-form-urlencoded string, split at its first `=`
 * (no `=`: empty value), skipping empty segments. Nothing is decoded. Linear.
 */
export function forEachRawFormPair(input: string, onPair: (rawName: string, rawValue: string) => void): void {
  const len = input.length;
  let start = 0;
  let nextEq = -2;
  while (start < len) {
    let end = input.indexOf("&", start);
    if (end === -1) end = len;
    if (end > start) {
      if (nextEq !== -1 && nextEq < start) nextEq = input.indexOf("=", start);
      if (nextEq === -1 || nextEq >= end) onPair(input.slice(start, end), "");
      else onPair(input.slice(start, nextEq), input.slice(nextEq + 1, end));
    }
    start = end + 1;
  }
}

/**
 * Calls `onPair(name, value)` with the decoded pairs of an
 * application/x-www-form-urlencoded string (a URL query without its `?`, or a
 * form body), in order, as RFC 5849 section 3.4.1.3.1 requires: `+` is a
 * space, names are decoded too, duplicates and empty values are kept, a value
 * is everything after the first `=` (so it may contain `=`), a segment without
 * `=` is a name with an empty value, and empty segments (`a=1&&b=2`) are
 * skipped — the same pairs URLSearchParams and Python's parse_qsl yield.
 * Linear in the input length.
 */
export function forEachFormPair(input: string, onPair: (name: string, value: string) => void): void {
  forEachRawFormPair(input, (rawName, rawValue) => onPair(decodeFormComponent(rawName), decodeFormComponent(rawValue)));
}

/** Parses an application/x-www-form-urlencoded string into decoded [name, value] pairs (see {@link forEachFormPair}). */
export function parseFormUrlEncoded(input: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  forEachFormPair(input, (name, value) => {
    pairs.push([name, value]);
  });
  return pairs;
}

/**
 * Serialises decoded pairs as `name=value&...` with RFC 5849 3.6 encoding —
 * valid both as a URL query and as an application/x-www-form-urlencoded body,
 * e.g. to send `oauthParams` in the query (3.5.3) or the body (3.5.2).
 */
export function encodeFormParameters(pairs: ReadonlyArray<readonly [string, string]>): string {
  let out = "";
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    out += (i === 0 ? "" : "&") + percentEncode(pair[0]) + "=" + percentEncode(pair[1]);
  }
  return out;
}

/**
 * The token and the secrets as an Authorization header carries them: as given and percent-encoded (redactText
 * adds the encoding of that, PLAINTEXT's signature being the encoded secrets encoded again). What an error made
 * of an echoed header must not quote. A value that cannot be encoded (a lone surrogate) is never sent encoded.
 */
export function credentialForms(credentials: { consumerSecret: string; token?: string | undefined; tokenSecret?: string | undefined }): string[] {
  return [credentials.consumerSecret, credentials.token, credentials.tokenSecret].flatMap((value) => {
    if (typeof value !== "string") return [];
    try {
      return [value, percentEncode(value)];
    } catch {
      return [value];
    }
  });
}
