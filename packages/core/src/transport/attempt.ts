/**
 * What bounds one attempt: its timeout (a timer racing each wait, not a signal handed to fetch) and the
 * size of the body it reads; and how a failure to get an answer is told apart (not sent, broken, timed
 * out, aborted).
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

export interface AttemptTimer {
  /**
   * `promise`, or a TimeoutError once the attempt has run `ms` (the clock starts at the first race, as the
   * request leaves); whatever a wait throws comes out as the attempt's `fail` names it. A Response that
   * comes too late has its body cancelled.
   */
  race<T>(promise: Promise<T>): Promise<T>;
  done(): void;
}

/**
 * One timer per attempt, cleared when it is over. It rejects the wait in progress rather than aborting
 * a signal: undici registers listeners and a finaliser for every signal it is given, which costs a
 * loopback call about a quarter of its CPU.
 */
export function attemptTimer(ms: number, fail: (cause: unknown) => Error): AttemptTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expiry: Promise<never> | undefined;
  return {
    race: (promise) =>
      (ms > 0 ? Promise.race([promise, (expiry ??= new Promise((_, reject) => (timer = setTimeout(() => reject(new DOMException(`no answer within ${ms} ms`, "TimeoutError")), ms))))]) : promise).catch((cause: unknown) => {
        promise.then((late) => (late as Partial<Response> | undefined)?.body?.cancel(), () => {});
        throw fail(cause);
      }),
    done: () => clearTimeout(timer),
  };
}

/**
 * The body as text, read as a stream and refused as soon as it passes `maxBytes` (or declares more):
 * no more than the bound is ever held, whatever the server sends.
 */
export async function readBody(methodId: string, response: Response, timer: AttemptTimer, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const decoder = new TextDecoder();
  let text = "";
  // A declared length over the bound is refused before a byte is read.
  let size = Number(response.headers.get("content-length")) > maxBytes ? Infinity : 0;
  try {
    for (;;) {
      if (size > maxBytes) throw transportError(methodId, "too-large", `answer over maxResponseBytes (${maxBytes} B)`, { httpStatus: response.status });
      const { done, value } = await timer.race(reader.read());
      if (done) return text + decoder.decode();
      size += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
  } catch (cause) {
    reader.cancel().catch(() => {});
    throw cause;
  }
}
