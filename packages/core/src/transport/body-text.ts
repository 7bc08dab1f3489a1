/**
 * An answer's bytes as text, in the charset its Content-Type names, else the one a UTF-16 byte-order mark
 * or an XML declaration names (RFC 7303), else UTF-8, strictly:
 * bytes that are not text in that charset (Latin-1 sent as UTF-8, UTF-16) are refused, never read as
 * U+FFFD, which would change the text silently. An HTML page (a proxy's, a login page) is refused by name.
 */
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;
const UTF8 = /^utf-?8$/i;
const utf8 = new TextDecoder("utf-8", { fatal: true });
const XML_DECLARED = /^<\?xml[^>]*?[ \t\r\n]encoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z][A-Za-z0-9._-]*)["']/;

/**
 * The charset the bytes themselves name: a UTF-16 byte-order mark, else an XML declaration at the start
 * (after a UTF-8 byte-order mark). The declaration is read as ASCII, so a document it can be read from
 * is in no UTF-16, whatever it says.
 */
function sniffedCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const start = bytes[0] === 0xef ? 3 : 0;
  if (bytes[start] !== 60 /* < */) return undefined;
  const declared = XML_DECLARED.exec(String.fromCharCode(...bytes.subarray(start, start + 128)))?.[1];
  return declared === undefined || /^utf-?16/i.test(declared) ? undefined : declared;
}

/** Throws a TypeError saying what the text is not; the transport reports it as the answer's decode error. */
export function bodyText(chunks: readonly Uint8Array[], contentType: string): string {
  if (/^\s*text\/html/i.test(contentType)) throw new TypeError(`an HTML page (${contentType}), not an API answer: a proxy, a captive portal or a wrong baseUrl?`);
  let bytes = chunks[0];
  if (chunks.length > 1) {
    bytes = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.byteLength, 0));
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
  }
  const named = CHARSET.exec(contentType)?.[1];
  const charset = named ?? (bytes && sniffedCharset(bytes));
  let decoder = utf8;
  if (charset !== undefined && !UTF8.test(charset)) {
    try {
      decoder = new TextDecoder(charset, { fatal: true });
    } catch {
      throw new TypeError(`unknown charset ${JSON.stringify(charset)} ${named ? "in the Content-Type" : "in the XML declaration"}`);
    }
  }
  // One non-streaming decode of all the chunks: a fatal decoder that failed mid-stream would keep its state.
  try {
    return decoder.decode(bytes);
  } catch {
    throw new TypeError(`not valid ${charset ?? "UTF-8"} text${charset === undefined ? " (neither the Content-Type nor the document names another charset)" : ""}`);
  }
}
