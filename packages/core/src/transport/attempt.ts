/**
 * How a failure to get an answer is told apart (not sent, broken, timed out, aborted), for the transport
 * (which bounds each attempt), the retry policy and the rate limiter.
 */
import { WrikeTransportError, type TransportFailure } from "../errors.js";

/** Connection errors that prove the request never left, safe to retry even for writes: ECONNREFUSED, ENOTFOUND, EAI_AGAIN, ENETUNREACH, EHOSTUNREACH. */
const NOT_SENT_CODES = /^e(connrefused|notfound|ai_again|(net|host)unreach)$/i;

/** A WrikeTransportError of method `methodId`, its message `text` after the method's name. */
export function transportError(methodId: string, reason: TransportFailure, text: string, fields?: { httpStatus?: number; retryAfterMs?: number; location?: string; cause?: unknown }): WrikeTransportError {
  return new WrikeTransportError({ message: `${methodId}: ${text}`, method: methodId, reason, ...fields });
}

/**
 * Why no answer came, `cause` being what a wait threw: the caller's signal aborted (while waiting for the
 * limiter, a back-off or the answer), the attempt timed out, or the network failed calling `where` (the
 * URL without its query); not-sent when the request provably never left.
 */
export function transportFailure(methodId: string, cause: unknown, callerSignal: AbortSignal | undefined, where?: string): WrikeTransportError {
  const error = cause as { name?: string; message?: string; cause?: { code?: string } } | undefined;
  const code = error?.cause?.code;
  return callerSignal?.aborted
    ? transportError(methodId, "aborted", "aborted", { cause })
    : error?.name === "TimeoutError" || error?.name === "AbortError"
      ? transportError(methodId, "timeout", `timed out (${where})`, { cause })
      : transportError(methodId, NOT_SENT_CODES.test(code!) ? "not-sent" : "network", `network error (${where}): ${error?.message ?? String(cause)}${code ? ` (${code})` : ""}`, { cause });
}
