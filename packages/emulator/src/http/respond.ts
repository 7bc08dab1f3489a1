/** Responses: result documents and the spec's error envelope (written by @wrikekit/core/server), bytes, text and pages. */
import { wrikeV2ServerApi, xmlRenderers } from "@wrikekit/client/server";
import { CONTENT_TYPES, documentResponse as writeDocument, errorResponse as writeError, resultDocument, type ResponseFormat } from "@wrikekit/core/server";
import type { AttachmentContent } from "../engine/attachments.js";
import type { EmulatorError } from "../engine/errors.js";
import type { DocumentMethodId } from "../engine/methods.js";
import type { Reply } from "../engine/reply.js";

export type Format = ResponseFormat;

export function documentResponse(format: Format, methodId: DocumentMethodId, reply: Reply<unknown>): Response {
  return writeDocument(methodId, format, resultDocument(reply.root, reply.body), xmlRenderers[methodId]);
}

/** The envelope recorded in spec/v2/api.yaml, with the HTTP status the spec gives the code. */
export function errorResponse(format: Format, error: EmulatorError): Response {
  return writeError(wrikeV2ServerApi, format, error.code, error.message);
}

export function bytesResponse(content: AttachmentContent): Response {
  const filename = encodeURIComponent(content.fileName);
  // A copy: the response must not share the stored bytes (and needs an ArrayBuffer-backed view).
  return new Response(content.bytes.slice(), {
    status: 200,
    headers: {
      "content-type": content.contentType,
      "content-length": String(content.bytes.length),
      "content-disposition": `attachment; filename*=UTF-8''${filename}`,
    },
  });
}

export function textResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=UTF-8", ...headers } });
}

export function formResponse(status: number, pairs: Record<string, string>): Response {
  return new Response(new URLSearchParams(pairs).toString(), { status, headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" } });
}

export function htmlResponse(status: number, html: string): Response {
  return new Response(html, { status, headers: { "content-type": "text/html; charset=UTF-8" } });
}

export function jsonResponse(status: number, document: unknown): Response {
  return new Response(JSON.stringify(document), { status, headers: { "content-type": CONTENT_TYPES.json } });
}
