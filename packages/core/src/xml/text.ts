/**
 * An XML answer's text (RFC 7303): the charset the Content-Type names, else the one a UTF-16 byte-order
 * mark or the XML declaration names, else UTF-8, decoded strictly (transport/body-text.ts). An HTML page
 * (a proxy's, a captive portal's) is refused by name rather than parsed as a strange document.
 */
import { bodyText } from "../transport/body-text.js";

const XML_DECLARED = /^<\?xml[^>]*?[ \t\r\n]encoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z][A-Za-z0-9._-]*)["']/;

/**
 * The charset the bytes themselves name: a UTF-16 byte-order mark, else an XML declaration at the start
 * (after a UTF-8 byte-order mark). The declaration is read as ASCII, so a document it can be read from
 * is in no UTF-16, whatever it says.
 */
function sniffedCharset(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const start = bytes[0] === 0xef ? 3 : 0;
  if (bytes[start] !== 60 /* < */) return undefined;
  const declared = XML_DECLARED.exec(String.fromCharCode(...bytes.subarray(start, start + 128)))?.[1];
  return declared === undefined || /^utf-?16/i.test(declared) ? undefined : declared;
}

export function xmlText(chunks: readonly Uint8Array[], contentType: string): string {
  if (/^\s*text\/html/i.test(contentType)) throw new TypeError(`an HTML page (${contentType}), not an API answer: a proxy, a captive portal or a wrong baseUrl?`);
  return bodyText(chunks, contentType, sniffedCharset(chunks[0]));
}
