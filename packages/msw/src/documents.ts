/**
 * What every mocked method shares, written once: merging an override over an example, rendering a
 * result or an error document as JSON or XML, and reading a request's form parameters. The generated
 * handlers (src/generated/handlers.ts) only bring each method's data.
 */
import { HttpResponse, type PathParams } from "msw";
import type { ApiDescriptor, ResponseFormat } from "@wrikekit/core";
import { xml } from "@wrikekit/core/runtime";

// Primitives first: open enums are `0 | 1 | (number & {})`, and `number & {}` would otherwise be mapped as an object.
type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/** A result as a handler is given it: its lists may be read-only, as the arguments' lists are. */
export type ResultValue<T> = T extends Primitive ? T : T extends readonly (infer U)[] ? readonly ResultValue<U>[] : { [K in keyof T]: ResultValue<T[K]> };

/**
 * A result with every field optional, at any depth. Lists are replaced whole, never merged item by
 * item, so a list in an override is given complete.
 */
export type DeepPartial<T> = T extends Primitive ? T : T extends readonly (infer U)[] ? readonly ResultValue<U>[] : { [K in keyof T]?: DeepPartial<T[K]> };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Date);

/**
 * Merges `override` into `base` in place and returns it. Plain objects merge key by key; anything else
 * (scalars, lists) replaces. A key present in the override with the value `undefined` removes the field.
 */
export function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const target: Record<string, unknown> = base;
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) delete target[key];
    else target[key] = isPlainObject(target[key]) && isPlainObject(value) ? deepMerge(target[key], value) : value;
  }
  return base;
}

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
  status = 200,
): Response {
  if (format === "json") return HttpResponse.json(document, { status });
  if (renderXml === undefined) throw new TypeError(`${methodId} has no XML form`);
  return HttpResponse.xml(renderXml(document), { status });
}

/** An error code as api.ts lists it: its name, meaning and the HTTP status servers answer it with. */
export interface ErrorCodeInfo {
  readonly name: string;
  readonly description: string;
  readonly httpStatus: number;
}

/**
 * The API's error envelope ({"error": {"code", "name", "message"}} in v2, <error><code/><name/><message/></error>
 * in XML) with the HTTP status the spec gives the code.
 */
export function errorResponse(
  api: ApiDescriptor,
  errorCodes: Readonly<Record<string, ErrorCodeInfo>>,
  format: ResponseFormat,
  code: number,
  message: string | undefined,
): Response {
  const info = errorCodes[String(code)];
  if (info === undefined) throw new TypeError(`${code} is not an error code of ${api.name} (known: ${Object.keys(errorCodes).join(", ")})`);
  const envelope = api.errorEnvelope;
  const fields: Record<string, unknown> = {};
  if (envelope.codeField !== undefined) fields[envelope.codeField] = code;
  fields[envelope.nameField] = info.name;
  fields[envelope.messageField] = message ?? info.description;
  const init = { status: info.httpStatus };
  if (format === "json") return HttpResponse.json(envelope.root === undefined ? fields : { [envelope.root]: fields }, init);
  if (envelope.root === undefined) throw new TypeError(`the error envelope of ${api.name} has no root element, so it has no XML form`);
  const body = Object.entries(fields)
    .map(([name, value]) => xml.scalar(name, value))
    .join("");
  return HttpResponse.xml(xml.declaration + xml.element(envelope.root, "", body), init);
}

/**
 * The request's arguments as one set of wire parameters, for the generated wire-argument readers:
 * the query string, then the form body (urlencoded or multipart), then the path parameters. Where a name
 * repeats, the body wins over the query and the path over both. The body is read from a clone, so a
 * resolver can still read the request.
 */
export async function readWireParams(request: Request, pathParams: PathParams, skipParams: ReadonlySet<string>): Promise<URLSearchParams> {
  const query = new URL(request.url).searchParams;
  const out = new URLSearchParams();
  if (request.method !== "GET" && request.method !== "HEAD") {
    const type = request.headers.get("content-type") ?? "";
    if (type.includes("multipart/form-data")) {
      for (const [name, value] of await request.clone().formData()) if (typeof value === "string") out.append(name, value);
    } else if (type === "" || type.includes("application/x-www-form-urlencoded")) {
      for (const [name, value] of new URLSearchParams(await request.clone().text())) out.append(name, value);
    }
  }
  for (const [name, value] of query) if (!out.has(name)) out.append(name, value);
  for (const [name, value] of Object.entries(pathParams)) {
    if (value === undefined || skipParams.has(name)) continue;
    out.delete(name);
    for (const v of typeof value === "string" ? [value] : value) out.append(name, v);
  }
  return out;
}
