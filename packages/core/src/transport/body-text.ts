/**
 * An answer's bytes as text, in the charset the Content-Type names (else `charset`, else UTF-8), strictly:
 * bytes that are not text in that charset (Latin-1 sent as UTF-8) are refused, never read as U+FFFD,
 * which would change the text silently. XML support passes the charset the document names (xml/text.ts).
 */
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Throws a TypeError saying what the text is not; the transport reports it as the answer's decode error. */
export function bodyText(chunks: readonly Uint8Array[], contentType: string, charset?: string): string {
  const named = CHARSET.exec(contentType)?.[1] ?? charset;
  let decoder = utf8;
  try {
    if (named !== undefined) decoder = new TextDecoder(named, { fatal: true });
  } catch {
    throw new TypeError(`unknown charset ${JSON.stringify(named)}`);
  }
  // One decode of all the chunks (a character may be split between two), outside stream mode, which
  // decodes one chunk 5-10x faster (Node 20).
  let bytes = chunks[0];
  if (chunks.length > 1) {
    bytes = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.byteLength, 0));
    let at = 0;
    for (const chunk of chunks) bytes.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new TypeError(`not valid ${named ?? "UTF-8"} text`);
  }
}
