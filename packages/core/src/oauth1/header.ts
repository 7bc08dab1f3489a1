/** RFC 5849 section 3.5.1: the `Authorization: OAuth ...` header. */
import type { OAuth1Params } from "./base-string.js";
import { percentDecode, percentEncode } from "./encoding.js";
import { OAuth1Error } from "./errors.js";

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const QUOTED_STRING_SPECIALS = /["\\]/g;

/** @internal `realm="..."` as an RFC 2617 quoted-string (the realm is not percent-encoded). */
export function formatRealm(realm: string): string {
  if (typeof realm !== "string" || CONTROL_CHARS.test(realm)) {
    throw new OAuth1Error("invalid_argument", "realm must be a string without control characters");
  }
  return 'realm="' + realm.replace(QUOTED_STRING_SPECIALS, "\\$&") + '"';
}

/**
 * Formats `OAuth realm="...", name="value", ...`: names and values
 * percent-encoded (3.6) and quoted, separated by ", ", realm first when given.
 */
export function formatAuthorizationHeader(oauthParams: OAuth1Params, realm?: string): string {
  let header = "OAuth ";
  let first = true;
  if (realm !== undefined) {
    header += formatRealm(realm);
    first = false;
  }
  for (let i = 0; i < oauthParams.length; i++) {
    const param = oauthParams[i]!;
    header += (first ? "" : ", ") + percentEncode(param[0]) + '="' + percentEncode(param[1]) + '"';
    first = false;
  }
  return header;
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** RFC 7230 tchar. */
function isTokenChar(c: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true; // a-z
  if (c >= 0x41 && c <= 0x5a) return true; // A-Z
  if (c >= 0x30 && c <= 0x39) return true; // 0-9
  switch (c) {
    case 0x21: case 0x23: case 0x24: case 0x25: case 0x26: case 0x27: case 0x2a: case 0x2b:
    case 0x2d: case 0x2e: case 0x5e: case 0x5f: case 0x60: case 0x7c: case 0x7e:
      return true;
    default:
      return false;
  }
}

function malformed(what: string): OAuth1Error {
  return new OAuth1Error("invalid_authorization_header", "malformed OAuth Authorization header: " + what);
}

/** Index just after the `OAuth` auth-scheme (case-insensitive), or -1 when the header uses another scheme. */
function afterOAuthScheme(header: string): number {
  let i = 0;
  while (i < header.length && isWhitespace(header.charCodeAt(i))) i++;
  if (header.slice(i, i + 5).toLowerCase() !== "oauth") return -1;
  return i + 5 === header.length || isWhitespace(header.charCodeAt(i + 5)) ? i + 5 : -1;
}

/** True when an Authorization header value uses the `OAuth` auth-scheme (case-insensitive). */
export function isOAuthAuthorizationHeader(header: string): boolean {
  return typeof header === "string" && afterOAuthScheme(header) !== -1;
}

/**
 * Parses an `Authorization: OAuth ...` header value (RFC 5849 3.5.1, RFC 2617
 * auth-params) into [name, value] pairs in header order. Names and values are
 * percent-decoded (`+` is not a space here), except `realm`, which is an
 * RFC 2617 quoted-string and is returned unescaped but otherwise as written
 * (its name normalised to lower case). Whitespace, line folding and both
 * quoted and token values are accepted.
 *
 * @throws OAuth1Error (`invalid_authorization_header`) when the scheme is not
 *   OAuth or the syntax is broken. The message never quotes the header.
 */
export function parseAuthorizationHeader(header: string): Array<[string, string]> {
  if (typeof header !== "string") throw malformed("not a string");
  let i = afterOAuthScheme(header);
  if (i === -1) {
    throw new OAuth1Error("invalid_authorization_header", 'the Authorization header does not use the "OAuth" scheme');
  }
  const len = header.length;
  const out: Array<[string, string]> = [];
  for (;;) {
    while (i < len && (isWhitespace(header.charCodeAt(i)) || header.charCodeAt(i) === 0x2c)) i++;
    if (i >= len) break;

    const nameStart = i;
    while (i < len && isTokenChar(header.charCodeAt(i))) i++;
    if (i === nameStart) throw malformed("expected a parameter name");
    const rawName = header.slice(nameStart, i);
    while (i < len && isWhitespace(header.charCodeAt(i))) i++;
    if (header.charCodeAt(i) !== 0x3d) throw malformed("parameter without a value");
    i++;
    while (i < len && isWhitespace(header.charCodeAt(i))) i++;

    let value: string;
    if (header.charCodeAt(i) === 0x22) {
      i++;
      value = "";
      let segmentStart = i;
      for (;;) {
        if (i >= len) throw malformed("unterminated quoted string");
        const c = header.charCodeAt(i);
        if (c === 0x22) {
          value += header.slice(segmentStart, i);
          i++;
          break;
        }
        if (c === 0x5c) {
          if (i + 1 >= len) throw malformed("unterminated quoted string");
          value += header.slice(segmentStart, i) + header.charAt(i + 1);
          i += 2;
          segmentStart = i;
          continue;
        }
        i++;
      }
    } else {
      const valueStart = i;
      while (i < len && isTokenChar(header.charCodeAt(i))) i++;
      value = header.slice(valueStart, i);
    }

    while (i < len && isWhitespace(header.charCodeAt(i))) i++;
    if (i < len && header.charCodeAt(i) !== 0x2c) throw malformed("expected a comma between parameters");

    const name = percentDecode(rawName);
    if (name.toLowerCase() === "realm") out.push(["realm", value]);
    else out.push([name, percentDecode(value)]);
  }
  return out;
}
