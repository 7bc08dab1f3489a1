/**
 * A REST write's body as wire parameters: form-encoded (what Wrike documents) or a JSON object (what many
 * clients send, one member per parameter, structured values as JSON values). An empty body is no
 * parameters whatever its type, since clients that put everything in the query still send one.
 */
import { parseFormUrlEncoded } from "../oauth1/encoding.js";
import { MalformedBodyError } from "./params.js";

/** A JSON object's members as wire parameters: strings as they are, other values as JSON text. */
export function jsonObjectParams(object: Readonly<Record<string, unknown>>): URLSearchParams {
  return new URLSearchParams(Object.entries(object).map(([name, value]) => [name, typeof value === "string" ? value : JSON.stringify(value)]));
}

/** The body's parameters by its Content-Type; MalformedBodyError (naming what to send) for any other body. */
export function restBodyParams(contentType: string | null, text: string): URLSearchParams {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (text.trim() === "") return new URLSearchParams();
  if (type === "application/x-www-form-urlencoded" || type === "") return new URLSearchParams(parseFormUrlEncoded(text));
  if (type === "application/json" || type.endsWith("+json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new MalformedBodyError("The request body is not valid JSON; send a JSON object of parameters or a form-encoded body");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new MalformedBodyError("A JSON request body must be an object of parameters ({\"title\": \"...\"})");
    return jsonObjectParams(parsed as Record<string, unknown>);
  }
  throw new MalformedBodyError(`Send arguments form-encoded (application/x-www-form-urlencoded) or as a JSON object (application/json), not ${type}`);
}
