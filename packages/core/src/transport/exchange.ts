/**
 * One attempt of one call: authorise, take a rate-limiter slot, send, read, decode. Failures come out as
 * typed errors that the retry policy (resilience/retry.ts) classifies; nothing here retries (an
 * authorizer may send once more: OAuth 2.0 after refreshing a rejected token). Redirects are never
 * followed, and a body is read only up to `maxResponseBytes`.
 */
import type { ApiDescriptor, MethodDescriptor, ResponseFormat } from "../descriptors.js";
import { WrikeDecodeError, WrikeValidationError } from "../errors.js";
import type { TransportHooks } from "../hooks.js";
import type { Authorizer } from "../auth.js";
import type { DecodeContext } from "../runtime/decode.js";
import type { EncodeContext } from "../runtime/encode.js";
import { parseRetryAfter } from "../resilience/retry.js";
import { apiBase } from "../base-url.js";
import { attemptTimer, transportError, transportFailure } from "./attempt.js";
import type { CallOptions, TransportOptions } from "./options.js";

/**
 * The attempts of a call, numbered from 1: `decode` reads and decodes the answer within the attempt's
 * timeout; without it the answer is returned as soon as it starts (a successful status), for callers that
 * read the body themselves.
 */
export type Exchange = (method: MethodDescriptor<never, unknown>, request: EncodeContext, options: CallOptions | undefined, decode: boolean) => (attempt: number) => Promise<unknown>;

/** Checks the options' baseUrl and host (a TypeError when either is wrong) and returns the exchange; `options.auth` is `authorizer`. */
export function createExchange(api: ApiDescriptor, options: TransportOptions, format: ResponseFormat, authorizer: Authorizer, hooks: TransportHooks): Exchange {
  const limiter = options.rateLimiter;
  const base = apiBase(options.baseUrl, options.host);

  /**
   * One attempt. A redirect is refused unread (never followed; v4's wrong-host 300 among them). Any other
   * answer is read within the attempt's timeout (without `decode`, a successful one is returned as it
   * starts, for callers that read the body themselves): an API error in it is thrown, whatever the status;
   * else a failed status is thrown by itself (429 and 503 whatever their body), and a successful answer is
   * decoded.
   */
  return (method, request, callOptions, decode) => async (attempt) => {
    const { id } = method;
    const verb = method.http.method;
    const signal = callOptions?.signal;
    let response: Response;
    let text: string;
    // Only an authorizer that names a host is waited for (an await costs a tick).
    const host = authorizer.host && (await authorizer.host());
    // The API's protocol builds the request; `where` (the URL without its query) names it in errors and hooks.
    const { path, query = "", headers, body } = api.protocol.request(api, method, request, format);
    const where = (base ?? apiBase(undefined, host) ?? api.baseUrl) + path;
    const timer = attemptTimer(id, callOptions?.timeoutMs ?? options.timeoutMs ?? 60_000, (cause) => transportFailure(id, cause, signal, where));
    const url = where + query;
    // Only the caller's signal goes to fetch (undici's handling of any signal costs a loopback call ~25%
    // of its CPU); the timeout races the answer instead, and a late answer is discarded. Half-duplex is
    // what a stream body needs where fetch supports request streams (Node's undici), and harmless for others.
    const init: RequestInit & { duplex: "half" } = { method: verb, headers, body, signal, redirect: "manual", duplex: "half" };

    /** Sends the request once, with the header it was authorised with. */
    async function send(): Promise<[Response, string]> {
      // OAuth 1.0a signs the form body's pairs (and the URL's query); a raw body is not signed.
      const ready = async () => void (headers.authorization = await authorizer.authorize({ method: verb, url, bodyParams: request.body === undefined ? request.pairs : [] }));
      // The limiter runs the authorizer at the head of its line and stamps the slot when the header is
      // ready, as the request leaves: no window holds more starts than the limit whatever the authorizer
      // waits for (a shared token refresh), and a signature never ages in the queue.
      await (limiter ? limiter.admit(id, signal, hooks, ready) : ready());
      const event = { method: id, url: where, attempt };
      hooks.request?.(event);
      const started = Date.now();
      // The global fetch is looked up per call, not once: test doubles such as MSW replace it after clients exist.
      const answer = await timer.race((options.fetch ?? fetch)(url, init));
      hooks.response?.({ ...event, status: answer.status, durationMs: Date.now() - started });
      return [answer, headers.authorization!];
    }

    try {
      // A stream body is read as it is sent and cannot go out again.
      response = authorizer.send ? await authorizer.send(send, !request.streamed) : (await send())[0];
      const { status } = response;
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
        throw transportError(id, wrongHost ? "wrong-host" : "redirect", `HTTP ${status || "redirect"} ${wrongHost ? api.protocol.wrongHost : `to ${location} not followed, call not done`}`, { httpStatus: status || undefined, location });
      }
      if (response.ok) {
        if (!decode) return response;
        callOptions?.onResponse?.(response);
      }
      const reading = timer.read(response, options.maxResponseBytes ?? 16 * 2 ** 20);
      text = await (response.ok ? reading : reading.catch(() => ""));
    } finally {
      timer.done();
    }
    const { ok, status } = response;
    const busy = status === 429 || status === 503;
    const bodyFormat = api.protocol.format(response.headers.get("content-type") ?? "", format);
    // The protocol's parse gives the context XML's conversions when the answer is XML.
    const ctx: DecodeContext = { issues: [], path: [] };
    let document: unknown;
    if (!busy)
      try {
        document = api.protocol.parse(text, bodyFormat, options.xml, ctx);
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
        // Only 429 and 503 are retried, and they honour it.
        { httpStatus: status, retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), Date.now()) },
      );
    const result = method.decodeResult!(document, ctx);
    if (ctx.issues.length > 0) throw new WrikeValidationError({ method: id, direction: "response", issues: ctx.issues });
    // What the arguments ask of the answer (v2: the spec's echo rule, set by the asyncKey encoder).
    request.check?.(result, id);
    return result;
  };
}
