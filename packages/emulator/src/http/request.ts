/** Reads a request's parameters: the query, then a form-urlencoded or multipart body (407 when unreadable). */
import { parseFormUrlEncoded } from "@wrikekit/core/oauth1";
import { EmulatorError } from "../engine/errors.js";

export interface IncomingCall {
  /**
   * Decoded pairs of a form-urlencoded body, in order. Only such a body takes part in the OAuth
   * signature (RFC 5849 3.4.1.3.1); undefined for other bodies.
   */
  formPairs: Array<[string, string]> | undefined;
  /** Query parameters, then body parameters (the text fields of a multipart body included). */
  params: URLSearchParams;
  /** The file parts of a multipart body, by field name. */
  files: Map<string, File>;
}

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

export async function readCall(request: Request): Promise<IncomingCall> {
  const params = new URLSearchParams(new URL(request.url).search);
  const files = new Map<string, File>();
  let formPairs: Array<[string, string]> | undefined;
  const type = mediaType(request);
  if (type === "application/x-www-form-urlencoded") {
    formPairs = parseFormUrlEncoded(await request.text());
    for (const [name, value] of formPairs) params.append(name, value);
  } else if (type === "multipart/form-data") {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new EmulatorError(407, "The request body is not valid multipart/form-data");
    }
    for (const [name, value] of form) {
      if (typeof value === "string") params.append(name, value);
      else files.set(name, value);
    }
  }
  return { formPairs, params, files };
}
