/** Reading a request's arguments: the query string and a form body (urlencoded or multipart) as one set of wire parameters. */
import { parseFormUrlEncoded } from "../oauth1/encoding.js";

export interface RequestParams {
  /** The body's parameters, then the query's whose names the body does not repeat (the body wins). */
  params: URLSearchParams;
  /**
   * Decoded pairs of an application/x-www-form-urlencoded body, in order: only such a body takes part in
   * an OAuth 1.0a signature (RFC 5849 3.4.1.3.1). Undefined for other bodies.
   */
  formPairs: Array<[string, string]> | undefined;
  /** The file parts of a multipart body, by field name. */
  files: Map<string, File>;
}

/** A body that says it is multipart/form-data but is not. */
export class MalformedBodyError extends Error {
  override name = "MalformedBodyError";
}

const mediaType = (request: Request) => (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();

/**
 * The body as text, read through its stream's own reader: for the short form body of an API call that is
 * several times cheaper than Request.text() (undici's consume steps), which mocks pay on every request.
 * A used body (or none) goes to text(), for the platform's own error (or "").
 */
async function bodyText(request: Request): Promise<string> {
  if (request.body === null || request.bodyUsed) return request.text();
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
  return text + decoder.decode();
}

/**
 * Reads the request's parameters. The body is read from a clone, so the caller can still read the
 * request, unless `consume` says nobody else will (saving a copy of the body).
 */
export async function readRequestParams(request: Request, consume = false): Promise<RequestParams> {
  const body: Array<[string, string]> = [];
  const files = new Map<string, File>();
  let formPairs: Array<[string, string]> | undefined;
  const type = mediaType(request);
  const readable = () => (consume ? request : request.clone());
  if (request.method !== "GET" && request.method !== "HEAD") {
    if (type === "multipart/form-data") {
      let form: FormData;
      try {
        form = await readable().formData();
      } catch {
        throw new MalformedBodyError("The request body is not valid multipart/form-data");
      }
      for (const [name, value] of form) {
        if (typeof value === "string") body.push([name, value]);
        else files.set(name, value);
      }
    } else if (type === "application/x-www-form-urlencoded" || type === "") {
      const pairs = parseFormUrlEncoded(await bodyText(readable()));
      if (type !== "") formPairs = pairs;
      body.push(...pairs);
    }
  }
  const params = new URLSearchParams(body);
  // Most requests to a form API carry no query: skip parsing the URL for them.
  if (request.url.includes("?")) {
    const inBody = new Set(body.map(([name]) => name));
    for (const [name, value] of new URL(request.url).searchParams) if (!inBody.has(name)) params.append(name, value);
  }
  return { params, formPairs, files };
}

/**
 * The request's arguments as one set of wire parameters, for the generated wire-argument readers: the
 * form body, then the query, then the path parameters (a route's own, such as `format`, skipped). Where a
 * name repeats, the body wins over the query and the path over both. `consume`: as readRequestParams.
 */
export async function readWireParams(
  request: Request,
  pathParams: Readonly<Record<string, string | readonly string[] | undefined>> = {},
  skipParams: ReadonlySet<string> = new Set(),
  consume = false,
): Promise<URLSearchParams> {
  const { params } = await readRequestParams(request, consume);
  for (const [name, value] of Object.entries(pathParams)) {
    if (value === undefined || skipParams.has(name)) continue;
    params.delete(name);
    for (const v of typeof value === "string" ? [value] : value) params.append(name, v);
  }
  return params;
}
