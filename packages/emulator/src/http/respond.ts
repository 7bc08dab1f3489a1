/** Responses: result documents in JSON or XML, the spec's error envelope, bytes, text and pages. */
import { wrikeV2Api } from "@wrikekit/client";
import { xmlRenderers } from "@wrikekit/client/server";
import { xml } from "@wrikekit/core/runtime";
import type { AttachmentContent } from "../engine/attachments.js";
import type { EmulatorError } from "../engine/errors.js";
import type { DocumentMethodId } from "../engine/methods.js";
import type { Reply } from "../engine/reply.js";

export type Format = "json" | "xml";

const CONTENT_TYPES: Record<Format, string> = { json: "application/json; charset=UTF-8", xml: "application/xml; charset=UTF-8" };

export function documentResponse(format: Format, methodId: DocumentMethodId, reply: Reply<unknown>): Response {
  const document = { [reply.root]: reply.body };
  const body = format === "json" ? JSON.stringify(document) : xmlRenderers[methodId]!(document);
  return new Response(body, { status: 200, headers: { "content-type": CONTENT_TYPES[format] } });
}

/** The envelope recorded in spec/api.yaml, with the HTTP status the spec gives the code. */
export function errorResponse(format: Format, error: EmulatorError): Response {
  const envelope = wrikeV2Api.errorEnvelope;
  const fields: Array<[string | undefined, string | number]> = [
    [envelope.codeField, error.code],
    [envelope.nameField, error.errorName],
    [envelope.messageField, error.message],
  ];
  const present = fields.filter((field): field is [string, string | number] => field[0] !== undefined);
  let body: string;
  if (format === "json") {
    const inner = Object.fromEntries(present);
    body = JSON.stringify(envelope.root === undefined ? inner : { [envelope.root]: inner });
  } else {
    const inner = present.map(([name, value]) => xml.scalar(name, value)).join("");
    body = xml.declaration + xml.element(envelope.root ?? "error", "", inner);
  }
  return new Response(body, { status: error.httpStatus, headers: { "content-type": CONTENT_TYPES[format] } });
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
