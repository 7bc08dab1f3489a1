/** Reads a request's parameters through the shared server side (query and form body merged); 407 when the body is unreadable. */
import { MalformedBodyError, readRequestParams, type RequestParams } from "@wrikekit/core/server";
import { EmulatorError } from "../engine/errors.js";

export type IncomingCall = RequestParams;

export async function readCall(request: Request): Promise<IncomingCall> {
  try {
    return await readRequestParams(request);
  } catch (error) {
    if (error instanceof MalformedBodyError) throw new EmulatorError(407, error.message);
    throw error;
  }
}
