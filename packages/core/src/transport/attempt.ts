/**
 * What bounds one attempt: its timeout (a timer that interrupts the wait in progress, not a signal handed to
 * fetch) and the size of the body it reads; and how a failure to get an answer is told apart (not sent,
 * broken, timed out, aborted).
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
  /**
   * The body as text, read as a stream and refused as soon as it passes `maxBytes` (or declares more): no
   * more than the bound is ever held, whatever the server sends. Running out cancels the body.
   */
  read(response: Response, maxBytes: number): Promise<string>;
  done(): void;
}

const ignore = () => {};
const utf8 = new TextDecoder();

/**
 * One timer per attempt of method `methodId`, cleared when it is over. Running out interrupts the wait in
 * progress (rejects it, or cancels the body being read) rather than aborting a signal: undici registers
 * listeners and a finaliser for every signal it is given, which costs a loopback call about a quarter of
 * its CPU. Nothing is raced per body chunk.
 */
export function attemptTimer(methodId: string, ms: number, fail: (cause: unknown) => Error): AttemptTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expired: DOMException | undefined;
  /** What running out interrupts: the wait in progress. */
  let interrupt: (cause?: unknown) => void = ignore;
  return {
    race: (promise) =>
      new Promise((resolve, reject) => {
        if (ms > 0) timer ??= setTimeout(() => interrupt((expired = new DOMException(`no answer within ${ms} ms`, "TimeoutError"))), ms);
        // Whatever ends the wait unanswered: a late Response has its body cancelled.
        interrupt = (cause) => {
          promise.then((late) => (late as Partial<Response> | undefined)?.body?.cancel(), ignore);
          reject(fail(cause));
        };
        if (expired) interrupt(expired);
        promise.then(resolve, interrupt);
      }),
    async read(response, maxBytes) {
      const reader = response.body?.getReader();
      if (!reader) return "";
      const chunks: Uint8Array[] = [];
      // A declared length over the bound is refused before a byte is read.
      let size = Number(response.headers.get("content-length")) > maxBytes ? Infinity : 0;
      // Cancelling ends the read in progress as done, which is then thrown as the timeout.
      interrupt = () => reader.cancel().catch(ignore);
      try {
        while (size <= maxBytes) {
          const { done, value } = await reader.read();
          if (done) {
            if (expired) throw expired;
            // Decoded at the end, in one go, so that every attempt can share one decoder (a decoder per
            // attempt, streaming, costs a one-chunk answer more than the rest of the read).
            return chunks.length > 1 ? chunks.map((chunk) => utf8.decode(chunk, { stream: true })).join("") + utf8.decode() : utf8.decode(chunks[0]);
          }
          size += value.byteLength;
          chunks.push(value);
        }
      } catch (cause) {
        // A read that failed left the body errored, and running out cancelled it: nothing to cancel.
        throw fail(cause);
      }
      // Refused: the rest of the body is cancelled unread.
      interrupt();
      throw transportError(methodId, "too-large", `answer over maxResponseBytes (${maxBytes} B)`, { httpStatus: response.status });
    },
    done: () => clearTimeout(timer),
  };
}

