/**
 * Sends method calls: checks and encodes the arguments once, then runs the attempts, each one: authorise,
 * take a rate-limiter slot, send over the platform fetch, read, decode. Failures come out as typed errors
 * that the retry policy (resilience/retry.ts) classifies, when the transport has one (an authorizer may
 * send once more: OAuth 2.0 after refreshing a rejected token). Redirects are never followed, and a body is
 * read only up to `maxResponseBytes`. Nothing in here knows any particular method; the generated
 * MethodDescriptor brings the method's encoder and decoder.
 */
import type { ApiDescriptor, MethodDescriptor } from "../descriptors.js";
import { describeValue, WrikeDecodeError, WrikeValidationError } from "../errors.js";
import type { DecodeContext } from "../runtime/decode.js";
import { newEncodeContext } from "../runtime/encode.js";
import { parseRetryAfter } from "../resilience/retry.js";
import { apiBase } from "../base-url.js";
import { transportError, transportFailure } from "./attempt.js";
import { redactError } from "../redact.js";
import type { Authorizer, BearerAuth } from "../auth.js";
import type { CallOptions, TransportOptions, WrikeTransport } from "./options.js";

const ignore = () => {};
/** How long a 429 or 503 without a Retry-After holds back every call of a rate-limited client. */
const SERVER_PAUSE_MS = 1000;

export function createTransport(api: ApiDescriptor, options: TransportOptions): WrikeTransport {
  // Short, as every bundle carries it; createWrikeClient's options say more (client-options.ts): the
  // kinds it takes and how to wrap OAuth credentials for a bare transport (oauth1Auth, see TransportOptions.auth).
  const auth = options?.auth as Partial<BearerAuth & Authorizer> | undefined;
  // A bearer token is an authorizer of one header.
  // A token that cannot be sent in a header (a space, a line break, non-ASCII) is refused like a missing one:
  // every call would fail in fetch, with a message quoting it. createWrikeClient says which it is.
  const token = auth?.kind === "bearer" && auth.token?.trim();
  const authorizer = token !== false ? /^[!-~]+$/.test(token ?? "") && { authorize: () => `Bearer ${token}` } : typeof auth?.authorize === "function" && (auth as Authorizer);
  if (!authorizer) throw new TypeError('auth must be { kind: "bearer", token } or an Authorizer');
  const format = api.protocol.requested(api, options);
  const hooks = options.hooks ?? {};
  // Checks baseUrl and host (a TypeError when either is wrong).
  const base = apiBase(options.baseUrl, options.host);
  const defaultMs = options.timeoutMs === undefined ? 60_000 : timeoutOf(options.timeoutMs);
  const maxBytes = options.maxResponseBytes ?? 16 * 2 ** 20;
  if (typeof maxBytes !== "number" || !(maxBytes > 0)) throw new RangeError(`maxResponseBytes must be a positive number of bytes, got ${describeValue(maxBytes)}`);

  /**
   * Checks and encodes the arguments once, then runs the attempts (numbered from 1); async, so that bad
   * arguments reject the returned promise instead of throwing at the call site. With `decode`, an attempt
   * reads and decodes the answer within its timeout; without it the answer is returned as soon as it
   * starts (a successful status), for callers that read the body themselves.
   */
  const send = async (method: MethodDescriptor<never, unknown>, args: unknown, callOptions: CallOptions | undefined, decode: boolean): Promise<unknown> => {
    const { id } = method;
    const verb = method.http.method;
    const signal = callOptions?.signal;
    const ms = callOptions?.timeoutMs === undefined ? defaultMs : timeoutOf(callOptions.timeoutMs);
    const request = newEncodeContext();
    method.encodeArgs((args ?? {}) as never, request);
    if (request.issues.length > 0) throw new WrikeValidationError({ method: id, direction: "arguments", issues: request.issues });
    /**
     * An authorizer's wait, given the call's signal (its wait for a shared token refresh ends with it), failing
     * as the call's abort when that is why it failed. Without a signal it is the wait itself (a promise less per call).
     */
    const typedAbort = <T>(waiting: T | Promise<T>): T | Promise<T> =>
      signal
        ? Promise.resolve(waiting).catch((cause: unknown) => {
            throw signal.aborted ? transportFailure(id, cause, signal) : cause;
          })
        : waiting;

    /**
     * One attempt. A redirect is refused unread (never followed; v4's wrong-host 300 among them). Any other
     * answer is read within the attempt's timeout: an API error in it is thrown, whatever the status; else
     * a failed status is thrown by itself (429 and 503 whatever their body), and a successful answer is
     * decoded.
     */
    const attempt = async (n: number): Promise<unknown> => {
      let response: Response;
      // Only an authorizer that names a host is waited for (an await costs a tick).
      const host = authorizer.host && (await typedAbort(authorizer.host(signal)));
      // The API's protocol builds the request; `where` (the URL without its query) names it in errors and hooks.
      const { path, query = "", headers, body } = api.protocol.request(api, method, request, format);
      const where = (base ?? apiBase(undefined, host) ?? api.baseUrl) + path;
      const url = where + query;
      // Only the caller's signal goes to fetch (undici's handling of any signal costs a loopback call ~25%
      // of its CPU); the timeout races the answer instead, and a late answer is discarded. Half-duplex is
      // what a stream body needs where fetch supports request streams (Node's undici), and harmless for others.
      const init: RequestInit & { duplex: "half" } = { method: verb, headers, body, signal, redirect: "manual", duplex: "half" };
      // The attempt's timeout (`ms`): a timer started as the request leaves, cleared when the attempt is
      // over. Running out interrupts the wait in progress (rejects it, or cancels the body being read), not
      // a signal (see above); nothing is raced per body chunk.
      let timer: ReturnType<typeof setTimeout> | undefined;
      let expired: DOMException | undefined;
      /** What running out interrupts: the wait in progress. */
      let interrupt: (cause?: unknown) => void = ignore;
      /** Whatever a wait throws, as the attempt's failure (timed out, aborted, network). */
      const fail = (cause: unknown) => transportFailure(id, cause, signal, where);

      /** Sends the request once, with the header it was authorised with. */
      const sendOnce = async (): Promise<[Response, string]> => {
        // OAuth 1.0a signs the form body's pairs (and the URL's query); a raw body is not signed.
        const ready = async () => void (headers.authorization = await authorizer.authorize({ method: verb, url, bodyParams: request.body === undefined ? request.pairs : [], signal }));
        // The limiter runs the authorizer at the head of its line and stamps the slot when the header is
        // ready, as the request leaves: no window holds more starts than the limit whatever the authorizer
        // waits for (a shared token refresh), and a signature never ages in the queue.
        await (options.rateLimiter?.admit(id, signal, hooks, ready) ?? typedAbort(ready()));
        const event = { method: id, url: where, attempt: n };
        hooks.request?.(event);
        const started = Date.now();
        const answer = await new Promise<Response>((resolve, reject) => {
          // The global fetch is looked up per call, not once: test doubles such as MSW replace it after clients exist.
          // In a promise: a fetch that throws rather than rejecting (a custom one) fails the same typed way.
          const answering = new Promise<Response>((called) => called((options.fetch ?? fetch)(url, init)));
          if (ms > 0) timer ??= setTimeout(() => interrupt((expired = new DOMException(`no answer within ${ms} ms`, "TimeoutError"))), ms);
          // Whatever ends the wait unanswered (the timeout, or an authorizer's second send after it): a late
          // Response has its body cancelled.
          interrupt = (cause) => {
            answering.then((late) => late?.body?.cancel(), ignore);
            reject(fail(cause));
          };
          if (expired) interrupt(expired);
          answering.then(resolve, interrupt);
        });
        hooks.response?.({ ...event, status: answer.status, durationMs: Date.now() - started });
        return [answer, headers.authorization!];
      };

      /**
       * The answer's body, read as a stream and refused as soon as it passes `maxResponseBytes` (or declares
       * more): no more than the bound is ever held, whatever the server sends. Running out cancels the body.
       */
      const read = async (): Promise<Uint8Array[]> => {
        const reader = response.body?.getReader();
        if (!reader) return [];
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
              return chunks;
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
        throw transportError(id, "too-large", `answer over maxResponseBytes (${maxBytes} B)`, { httpStatus: response.status });
      };

      try {
        // A stream body is read as it is sent and cannot go out again.
        response = authorizer.send ? await authorizer.send(sendOnce, !request.streamed) : (await sendOnce())[0];
        const { ok, status } = response;
        const retryAfterMs = ok ? undefined : parseRetryAfter(response.headers.get("retry-after"), Date.now());
        // The whole client holds back, for the server's Retry-After, else Wrike's first back-off of 1 s; as
        // soon as the status is known, so that no queued call leaves while this answer's body is read.
        if (status === 429 || status === 503) options.rateLimiter?.pause?.(retryAfterMs ?? SERVER_PAUSE_MS, status);
        // A browser's refused redirect (redirect: "manual") is opaque, with status 0.
        if ((status > 299 && status < 400) || !status || response.redirected) {
          response.body?.cancel();
          // Refused, not followed: the error names where it pointed (its origin only: a Location may carry a token).
          const target = response.redirected ? response.url : response.headers.get("location");
          let location: string | undefined;
          try {
            location = target ? new URL(target, url).origin : undefined;
          } catch {
            // An unreadable Location names nowhere.
          }
          const wrongHost = status === api.wrongHostStatus;
          throw transportError(id, wrongHost ? "wrong-host" : "redirect", `HTTP ${status || "redirect"} ${wrongHost ? api.protocol.wrongHost : `${location ? `to ${location} ` : ""}not followed, call not done`}`, { httpStatus: status || undefined, location });
        }
        if (ok) {
          if (!decode) return response;
          callOptions?.onResponse?.(response);
        }
        const chunks = await (ok ? read() : read().catch(() => []));
        // The rest runs with nothing to wait for: the timer (cleared below) cannot run out while it does.
        const contentType = response.headers.get("content-type") ?? "";
        const bodyFormat = api.protocol.format(contentType, format);
        // The protocol's parse gives the context XML's conversions when the answer is XML.
        const ctx: DecodeContext = { issues: [], path: [] };
        let document: unknown;
        // 429 and 503 are thrown by their status, whatever their body.
        if (status !== 429 && status !== 503)
          try {
            document = api.protocol.parse(chunks, contentType, bodyFormat, options.xml, ctx);
          } catch (cause) {
            if (ok) throw new WrikeDecodeError({ message: `${id}: unreadable ${bodyFormat.toUpperCase()} (${(cause as Error).message})`, method: id, format: bodyFormat, cause });
            // A failed status without a document: the bare HTTP status is all there is.
          }
        const error = api.readError(api, id, document, status, bodyFormat);
        if (error) throw error;
        if (!ok)
          throw transportError(
            id,
            "http-status",
            // A 404 without an API error is no method at that URL: most often a baseUrl with a path of its own.
            `HTTP ${status} (${where})${status === 404 ? ": no such method; check baseUrl" : ""}`,
            // 429 and 503 are retried after it (resilience/retry.ts).
            { httpStatus: status, retryAfterMs },
          );
        const result = method.decodeResult!(document, ctx);
        if (ctx.issues.length > 0) throw new WrikeValidationError({ method: id, direction: "response", issues: ctx.issues });
        // What the arguments ask of the answer (v2: the spec's echo rule, set by the asyncKey encoder).
        request.check?.(result, id);
        return result;
      } catch (error) {
        // A server may echo the header it was sent (an error quoting the rejected token), or a secret argument
        // (a webhook's secret); a fetch may quote the header it could not send: none of it is put in an error.
        // A bearer token under 8 characters is a test double's ("test"), left alone.
        throw redactError(error, [/^Bearer (\S{8,})/.exec(headers.authorization ?? "")?.[1], ...(authorizer.secrets ?? []), ...(request.secrets ?? [])]);
      } finally {
        clearTimeout(timer);
      }
    };
    // A stream body (an upload from a stream) is read as it is sent and cannot be sent again: one attempt.
    return options.retry && !request.streamed ? options.retry.run(method, signal, hooks, attempt) : attempt(1);
  };

  return {
    api,
    format,
    timeoutMs: defaultMs,
    call: (method, args, callOptions) => send(method as MethodDescriptor<never, unknown>, args, callOptions, true) as Promise<never>,
    open: (method, args, callOptions) => send(method as MethodDescriptor<never, unknown>, args, callOptions, false) as Promise<Response>,
  };
}

/**
 * A timeoutMs option: 0 is none, and so is one longer than a timer can hold (Infinity among them), which
 * setTimeout would otherwise run out after 1 ms.
 */
export function timeoutOf(ms: unknown): number {
  if (typeof ms !== "number" || !(ms >= 0)) throw new RangeError(`timeoutMs must be a number of milliseconds (0 for none), got ${describeValue(ms)}`);
  return ms > 2 ** 31 - 1 ? 0 : ms;
}
