/** The answer of a download handler (v2 and v4): bytes or text, with a content type. */

/** The body of a download: bytes, text (sent as UTF-8), or either with its content type. */
export type DownloadContent = Uint8Array | string | { body: Uint8Array | string; contentType?: string };

/** The bytes a download answers by default: small, fixed, and not valid UTF-8 (so text handling shows). */
export const defaultDownloadBody: Uint8Array = /* @__PURE__ */ Uint8Array.of(0x77, 0x72, 0x69, 0x6b, 0x65, 0x6b, 0x69, 0x74, 0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff);

/** A 200 answer carrying the content, its type the content's own, else `contentType`, else application/octet-stream. */
export function downloadResponse(content: DownloadContent, contentType: string | undefined): Response {
  const { body, contentType: own } = typeof content === "string" || content instanceof Uint8Array ? { body: content, contentType: undefined } : content;
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : Uint8Array.from(body);
  return new Response(bytes, {
    status: 200,
    headers: { "content-type": own ?? contentType ?? "application/octet-stream", "content-length": String(bytes.byteLength) },
  });
}
