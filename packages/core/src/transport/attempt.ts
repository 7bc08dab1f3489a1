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

/** An attempt on the deadline clock: when it runs out (performance.now() time), and what it does then. */
export interface Deadline {
  at: number;
  expire(): void;
}

// The deadline clock every attempt shares: one timer, armed for the earliest deadline in flight, instead of
// a setTimeout and a clearTimeout per attempt. With no attempt in flight it stays armed but unref'd, so
// that it keeps no process alive; a runtime whose timers cannot be unref'd (Deno, browsers) clears it.
const inFlight = new Set<Deadline>();
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;

function arm(at: number): void {
  timerAt = at;
  // A timer may fire early by the runtime's clock: tick() re-arms for what is not due yet.
  timer = setTimeout(tick, at - performance.now());
}

function tick(): void {
  timer = undefined;
  timerAt = Infinity;
  const now = performance.now();
  const due: Deadline[] = [];
  let next = Infinity;
  for (const deadline of inFlight) {
    if (deadline.at <= now) {
      inFlight.delete(deadline);
      due.push(deadline);
    } else next = Math.min(next, deadline.at);
  }
  if (next < Infinity) arm(next);
  // After re-arming, so that an attempt that an expiry starts finds the clock as it is.
  for (const deadline of due) deadline.expire();
}

/** Puts `deadline` on the clock; it expires once, unless ended first. */
export function startDeadline(deadline: Deadline): void {
  inFlight.add(deadline);
  if (deadline.at < timerAt) {
    clearTimeout(timer);
    arm(deadline.at);
  } else (timer as { ref?(): void }).ref?.();
}

/** Takes `deadline` off the clock (nothing when it is not on it: expired, or never started). */
export function endDeadline(deadline: Deadline): void {
  if (!inFlight.delete(deadline) || inFlight.size > 0) return;
  const idle = timer as { unref?(): void } | undefined;
  if (idle?.unref) idle.unref();
  else {
    clearTimeout(timer);
    timer = undefined;
    timerAt = Infinity;
  }
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
   * more than the bound is ever held, whatever the server sends. The attempt running out cancels the body.
   */
  read(response: Response, maxBytes: number): Promise<string>;
  done(): void;
}

/** Decodes once, at the end: no decoder per attempt, and one chunk (most answers) is decoded as it is. */
let utf8: TextDecoder | undefined;
const ignore = () => {};
const cancelLate = (late: unknown) => (late as Partial<Response> | undefined)?.body?.cancel().catch(ignore);

/**
 * The timeout of one attempt of method `methodId`, on the shared deadline clock. It rejects the wait in
 * progress (or cancels the body being read) rather than aborting a signal: undici registers listeners and
 * a finaliser for every signal it is given, which costs a loopback call about a quarter of its CPU.
 */
export function attemptTimer(methodId: string, ms: number, fail: (cause: unknown) => Error): AttemptTimer {
  let expired: DOMException | undefined;
  /** What the attempt running out interrupts: the wait in progress. */
  let interrupt: ((cause: DOMException) => void) | undefined;
  const deadline: Deadline = {
    at: 0,
    expire() {
      expired = new DOMException(`no answer within ${ms} ms`, "TimeoutError");
      interrupt?.(expired);
    },
  };
  const timed = ms > 0;
  const start = () => {
    if (timed && !deadline.at) {
      deadline.at = performance.now() + ms;
      startDeadline(deadline);
    }
  };
  return {
    race: (promise) => {
      start();
      return new Promise((resolve, reject) => {
        const stop = (cause: unknown) => {
          interrupt = undefined;
          reject(fail(cause));
        };
        if (expired) {
          promise.then(cancelLate, ignore);
          return stop(expired);
        }
        interrupt = (cause) => {
          promise.then(cancelLate, ignore);
          stop(cause);
        };
        promise.then((value) => {
          interrupt = undefined;
          resolve(value);
        }, stop);
      });
    },
    async read(response, maxBytes) {
      const reader = response.body?.getReader();
      if (!reader) return "";
      const chunks: Uint8Array[] = [];
      // A declared length over the bound is refused before a byte is read.
      let size = Number(response.headers.get("content-length")) > maxBytes ? Infinity : 0;
      // Running out cancels the body, which ends the read in progress as done; the loop then throws.
      interrupt = () => void reader.cancel().catch(ignore);
      try {
        for (;;) {
          if (size > maxBytes) throw transportError(methodId, "too-large", `answer over maxResponseBytes (${maxBytes} B)`, { httpStatus: response.status });
          if (expired) throw fail(expired);
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await reader.read();
          } catch (cause) {
            throw fail(expired ?? cause);
          }
          if (expired) throw fail(expired);
          if (chunk.done) break;
          size += chunk.value.byteLength;
          chunks.push(chunk.value);
        }
      } catch (cause) {
        reader.cancel().catch(ignore);
        throw cause;
      } finally {
        interrupt = undefined;
      }
      let bytes = chunks[0];
      if (chunks.length > 1) {
        bytes = new Uint8Array(size);
        size = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, size);
          size += chunk.byteLength;
        }
      }
      return bytes ? (utf8 ??= new TextDecoder()).decode(bytes) : "";
    },
    done: () => endDeadline(deadline),
  };
}
