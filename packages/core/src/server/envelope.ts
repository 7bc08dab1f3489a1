/** Writing answers as the spec describes them: a result document in JSON or XML, and the error envelope. */
import type { ResponseFormat } from "../descriptors.js";
import { showUnwritableChars } from "../xml/chars.js";
import { declaration, element, scalar } from "../xml/writer.js";
import type { ServerApi } from "./api.js";

export const CONTENT_TYPES: Readonly<Record<ResponseFormat, string>> = { json: "application/json; charset=UTF-8", xml: "application/xml; charset=UTF-8" };

/** A result document: the body under its root key (rpc style), or the body itself (no root). */
export function resultDocument(root: string | undefined, body: unknown): Record<string, unknown> {
  return (root === undefined ? body : { [root]: body }) as Record<string, unknown>;
}

/** Answers a result document in the request's format; XML through the method's generated renderer. */
export function documentResponse(
  methodId: string,
  format: ResponseFormat,
  document: Record<string, unknown>,
  renderXml: ((document: Record<string, unknown>) => string) | undefined,
): Response {
  if (format === "xml" && renderXml === undefined) throw new TypeError(`${methodId} has no XML form`);
  const body = format === "json" ? JSON.stringify(document) : renderXml!(document);
  return new Response(body, { status: 200, headers: { "content-type": CONTENT_TYPES[format] } });
}

/**
 * The API's error envelope ({"error": {"code", "name", "message"}} in v2, <error><code/><name/><message/></error>
 * in XML) with the HTTP status the spec gives the code; the message defaults to the code's description.
 * Characters XML cannot carry are shown in the message as `\uXXXX`, in both formats, so they read the same.
 */
export function errorResponse(api: ServerApi, format: ResponseFormat, code: number, message?: string): Response {
  const { descriptor } = api;
  const info = api.errorCodes[String(code)];
  if (info === undefined) throw new TypeError(`${code} is not an error code of ${descriptor.name} (known: ${Object.keys(api.errorCodes).join(", ")})`);
  const envelope = descriptor.errorEnvelope;
  const fields: Record<string, string | number> = {};
  if (envelope.codeField !== undefined) fields[envelope.codeField] = code;
  fields[envelope.nameField] = info.name;
  // The envelope must always be writable, also when the message quotes text XML cannot carry.
  fields[envelope.messageField] = showUnwritableChars(message ?? info.description);
  let body: string;
  if (format === "json") body = JSON.stringify(envelope.root === undefined ? fields : { [envelope.root]: fields });
  else if (envelope.root === undefined) throw new TypeError(`the error envelope of ${descriptor.name} has no root element, so it has no XML form`);
  else body = declaration + element(envelope.root, "", Object.entries(fields).map(([name, value]) => scalar(name, value)).join(""));
  return new Response(body, { status: info.httpStatus, headers: { "content-type": CONTENT_TYPES[format] } });
}
