/**
 * Reads a request's parameters through the shared server side (query and form body merged); 407 when the
 * body is unreadable, or is JSON, which Wrike v2 does not read (a JSON body would otherwise be ignored and
 * the call refused for a "missing" argument it carried).
 */
import { MalformedBodyError, readRequestParams, type RequestParams } from "@wrikekit/core/server";
import { EmulatorError } from "../engine/errors.js";

export type IncomingCall = RequestParams;

export const JSON_BODY_REFUSED =
  "The request body is JSON, which the Wrike API v2 does not read: send the arguments form-encoded " +
  "(Content-Type: application/x-www-form-urlencoded, as curl -d 'title=Plan' -d 'parents=123,456' does) or in the query string; " +
  "lists are comma-separated (ids=1,2,3), booleans true or false, dates yyyy-MM-ddTHH:mm:ss";

export async function readCall(request: Request): Promise<IncomingCall> {
  const type = request.headers.get("content-type")?.split(";")[0]!.trim().toLowerCase() ?? "";
  if (request.method !== "GET" && (type === "application/json" || type.endsWith("+json"))) throw new EmulatorError(407, JSON_BODY_REFUSED);
  try {
    return await readRequestParams(request);
  } catch (error) {
    if (error instanceof MalformedBodyError) throw new EmulatorError(407, error.message);
    throw error;
  }
}
