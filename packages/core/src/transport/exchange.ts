/**
 * One attempt of one call: authorise, take a rate-limiter slot, send, read, decode. Failures come out as
 * typed errors that the retry loop in transport.ts classifies; nothing here retries, except re-sending
 * once when the authorizer asks to after the server rejected its credentials (an OAuth 2.0 token
 * refreshed). Redirects are never followed, and a body is read only up to `maxResponseBytes`.
 */
import type { ApiDescriptor, MethodDescriptor, ResponseFormat } from "../descriptors.js";
import { envelopeCode, WrikeApiError, WrikeAsyncKeyMismatchError, WrikeDecodeError, WrikeTransportError, WrikeValidationError } from "../errors.js";
import { LONG_LIMITER_WAIT_MS, type TransportHooks } from "../hooks.js";
import { isBearer } from "../auth.js";
import { newContext } from "../runtime/decode.js";
import type { EncodeContext } from "../runtime/encode.js";
import { parseRetryAfter } from "../resilience/retry.js";
import { hostOrigin } from "../base-url.js";
import { abortedError, attemptTimer, readBody, transportFailure, type AttemptTimer } from "./attempt.js";
import type { CallOptions, TransportOptions } from "./options.js";

export interface Exchange {
  call<A, R>(method: MethodDescriptor<A, R>, args: A, request: EncodeContext, attempt: number, options: CallOptions | undefined, hooks: TransportHooks): Promise<R>;
  /** Sends and returns the answer once it starts (a successful status), for callers that read the body themselves. */
  open(method: MethodDescriptor<never, unknown>, request: EncodeContext, attempt: number, options: CallOptions | undefined, hooks: TransportHooks): Promise<Response>;
}

export function createExchange(api: ApiDescriptor, options: TransportOptions, format: ResponseFormat): Exchange {
  // Looked up per call, not once: test doubles such as MSW replace globalThis.fetch after clients exist.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const defaultTimeout = options.timeoutMs ?? 60_000;
  const maxBytes = options.maxResponseBytes ?? 16 * 2 ** 20;
  const limiter = options.rateLimiter;
  const pathTemplate = api.formats[format]!;
  const echo = api.echo;

  /** Parses a body in either format; XML only when the caller brought an XML parser (it is opt-in to keep bundles small). */
  function parse(text: string, bodyFormat: ResponseFormat): unknown {
    if (bodyFormat === "json") return JSON.parse(text);
    if (!options.xml) throw new TypeError("the response is XML and no XML support was given (pass `xml: xmlSupport` from @wrikekit/client/xml)");
    return options.xml.parse(text);
  }

  const { auth } = options;
  const authorizer = isBearer(auth) ? undefined : auth;
  const bearerHeader = isBearer(auth) ? `Bearer ${auth.token}` : undefined;

  function baseUrl(): string {
    if (options.baseUrl !== undefined) return options.baseUrl.replace(/\/$/, "");
    const host = options.host ?? authorizer?.host?.();
    return host === undefined ? api.baseUrl.replace(/\/$/, "") : hostOrigin(host);
  }

  /**
   * The URL of a call (the REST request contract): the format's path with `{method}` replaced by the method's
   * path, each `{name}` in it by the encoded path value (each comma-separated item percent-encoded), and the
   * query string. A placeholder without a value is an argument error, never sent literally.
   */
  function urlOf(method: MethodDescriptor<never, unknown>, request: EncodeContext): string {
    const path = pathTemplate.replace("{method}", method.http.path).replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = request.path[name];
      if (value === undefined || value === "")
        throw new WrikeValidationError({ method: method.id, direction: "arguments", issues: [{ path: name, expected: "present (a path argument)", received: "nothing" }] });
      return value.split(",").map(encodeURIComponent).join(",");
    });
    const query = request.query.length > 0 ? `?${new URLSearchParams(request.query).toString()}` : "";
    return `${baseUrl()}${path}${query}`;
  }

  /**
   * The body and its content type: a raw upload, else a form body; GET and DELETE never carry one. A POST or
   * PUT without body arguments still sends an empty form (as v2 always has; servers read it as no arguments).
   */
  function bodyOf(method: MethodDescriptor<never, unknown>, request: EncodeContext): { body: BodyInit | undefined; contentType: string | undefined } {
    if (request.body !== undefined) return { body: request.body as BodyInit, contentType: "application/octet-stream" };
    const verb = method.http.method;
    if (request.pairs.length > 0 || (verb !== "GET" && verb !== "DELETE")) return { body: new URLSearchParams(request.pairs).toString(), contentType: "application/x-www-form-urlencoded; charset=UTF-8" };
    return { body: undefined, contentType: undefined };
  }

  /** Sends one attempt; returns the answer and the URL it went to (without its query, for messages). */
  async function send(method: MethodDescriptor<never, unknown>, request: EncodeContext, attempt: number, timer: AttemptTimer, callerSignal: AbortSignal | undefined, hooks: TransportHooks): Promise<{ response: Response; where: string }> {
    await authorizer?.prepare?.();
    const url = urlOf(method, request);
    const { body, contentType } = bodyOf(method, request);
    // OAuth 1.0a signs the form body's pairs (and the URL's query); a raw body is not signed.
    const bodyParams = request.body === undefined ? request.pairs : [];
    const where = request.query.length > 0 ? url.slice(0, url.indexOf("?")) : url;
    for (let resent = false; ; resent = true) {
      const authorize = () => bearerHeader ?? authorizer!.authorize({ method: method.http.method, url, bodyParams });
      const header = limiter ? await leave(method.id, authorize, callerSignal, hooks) : (bearerHeader ?? (await authorize()));
      hooks.request?.({ method: method.id, url: where, attempt });
      const started = Date.now();
      const response = await fetchOnce(method.id, url, { method: method.http.method, body, contentType, headers: request.headers, authorization: header }, timer, callerSignal);
      hooks.response?.({ method: method.id, url: where, attempt, status: response.status, durationMs: Date.now() - started });
      // Rejected credentials (HTTP 401: an expired OAuth 2.0 token): the authorizer may refresh, then send once more.
      if (!resent && response.status === 401 && authorizer?.rejected !== undefined && (await authorizer.rejected(header))) {
        await response.body?.cancel();
        continue;
      }
      return { response, where };
    }
  }

  /**
   * Waits for a rate-limiter slot and authorises at the head of its line; the slot is stamped when the
   * header is ready, as the request leaves, so no window holds more starts than the limit whatever the
   * authorizer waits for (a shared token refresh), and a signature never ages in the queue.
   */
  async function leave(methodId: string, authorize: () => string | Promise<string>, signal: AbortSignal | undefined, hooks: TransportHooks): Promise<string> {
    let header!: string;
    const waitedMs = await limiter!
      .acquire(
        signal,
        async () => {
          header = await authorize();
        },
        (waitMs) => announceWait(methodId, waitMs, hooks),
      )
      .catch((cause: unknown) => {
        throw signal?.aborted ? abortedError(methodId, cause) : cause;
      });
    if (waitedMs > 0) hooks.rateLimited?.({ method: methodId, source: "client", waitMs: waitedMs });
    return header;
  }

  let warnedOfLongWait = false;
  /** A wait for the limiter is told to `rateLimitWait`, or, when long and no hook watches, warned of once. */
  function announceWait(methodId: string, waitMs: number, hooks: TransportHooks): void {
    if (hooks.rateLimitWait) return hooks.rateLimitWait({ method: methodId, waitMs });
    if (hooks.rateLimited || warnedOfLongWait || waitMs < LONG_LIMITER_WAIT_MS) return;
    warnedOfLongWait = true;
    console.warn(
      `wrikekit: ${methodId} waits ${(waitMs / 1000).toFixed(1)} s for the client-side rate limiter (the client's \`rateLimit\`). ` +
        "Against an emulator or a test double pass `rateLimit: false` (createTestClient from @wrikekit/emulator does); " +
        "set `hooks.rateLimitWait` or `hooks.rateLimited` to watch waits instead of this warning.",
    );
  }

  interface OutgoingRequest {
    method: string;
    body: BodyInit | undefined;
    contentType: string | undefined;
    headers: EncodeContext["headers"];
    authorization: string;
  }

  async function fetchOnce(methodId: string, url: string, request: OutgoingRequest, timer: AttemptTimer, callerSignal: AbortSignal | undefined): Promise<Response> {
    const headers: Record<string, string> = {};
    // Argument headers (X-File-Name) first, so that none of them can replace the content type or the authorization.
    for (const [name, value] of request.headers) headers[name.toLowerCase()] = value;
    if (request.contentType !== undefined) headers["content-type"] ??= request.contentType;
    headers.accept = format === "json" ? "application/json" : "application/xml";
    headers.authorization = request.authorization;
    // Only the caller's signal goes to fetch (undici's handling of any signal costs a loopback call ~25%
    // of its CPU); the timeout races the answer instead, and a late answer is discarded.
    const init: RequestInit & { duplex?: "half" } = { method: request.method, headers, body: request.body, signal: callerSignal, redirect: "manual" };
    // A stream body needs half-duplex in fetch implementations that support request streams (Node's undici).
    if (request.body instanceof ReadableStream) init.duplex = "half";
    const pending = fetchImpl(url, init);
    try {
      return await timer.race(pending);
    } catch (cause) {
      pending.then((late) => late.body?.cancel(), () => {});
      throw transportFailure(methodId, url, cause, callerSignal);
    }
  }

  function apiError(methodId: string, document: unknown, httpStatus: number, format: ResponseFormat): WrikeApiError | undefined {
    const env = api.errorEnvelope;
    if (typeof document !== "object" || document === null) return undefined;
    const body = (env.root === undefined ? document : (document as Record<string, unknown>)[env.root]) as Record<string, unknown> | undefined;
    if (typeof body !== "object" || body === null || !(env.messageField in body || env.nameField in body)) return undefined;
    const serverMessage = String(body[env.messageField] ?? "");
    const sentName = body[env.nameField] === undefined ? undefined : String(body[env.nameField]);
    const code = env.codeField === undefined ? httpStatus : envelopeCode(body[env.codeField], env.codeField, { method: methodId, format, errorName: sentName ?? "UNKNOWN_ERROR", serverMessage });
    const errorName = sentName ?? api.errorCodes[code] ?? "UNKNOWN_ERROR";
    return new WrikeApiError({ code, errorName, serverMessage, method: methodId, httpStatus });
  }

  function formatOf(response: Response): ResponseFormat {
    const type = response.headers.get("content-type") ?? "";
    if (type.includes("json")) return "json";
    if (type.includes("xml")) return "xml";
    return format;
  }

  /**
   * The error for an answer that is not a plain 2xx: a redirect (never followed; v4's wrong-host 300
   * among them), 429 and 503 by status (whatever the body), else the API error it carries.
   */
  async function failure(methodId: string, url: string, response: Response, timer: AttemptTimer): Promise<Error> {
    const { status } = response;
    if ((status > 299 && status < 400) || response.type === "opaqueredirect" || response.redirected) {
      await response.body?.cancel();
      return redirectError(methodId, url, response, status === api.wrongHostStatus);
    }
    const text = await readBody(methodId, response, timer, maxBytes).catch(() => "");
    const busy = status === 429 || status === 503;
    const bodyFormat = formatOf(response);
    let document: unknown;
    if (!busy)
      try {
        document = parse(text, bodyFormat);
      } catch {
        // Not a document: the bare HTTP status is all there is.
      }
    return (
      apiError(methodId, document, status, bodyFormat) ??
      new WrikeTransportError({
        message: `${methodId}: HTTP ${status} ${busy ? (status === 429 ? "Too Many Requests" : "Service Unavailable") : response.statusText}`.trim() + ` (${url.split("?")[0]})${status === 404 ? NOT_FOUND_HINT : ""}`,
        method: methodId,
        reason: "http-status",
        httpStatus: status,
        retryAfterMs: busy ? parseRetryAfter(response.headers.get("retry-after"), Date.now()) : undefined,
      })
    );
  }

  return {
    async call(method, args, request, attempt, callOptions, hooks) {
      const timer = attemptTimer(callOptions?.timeoutMs ?? defaultTimeout);
      let response: Response;
      let text: string;
      try {
        let where: string;
        ({ response, where } = await send(method as MethodDescriptor<never, unknown>, request, attempt, timer, callOptions?.signal, hooks));
        if (!response.ok || response.redirected) throw await failure(method.id, response.url || where, response, timer);
        callOptions?.onResponse?.(response);
        text = await readBody(method.id, response, timer, maxBytes, callOptions?.signal);
      } finally {
        timer.done();
      }
      const responseFormat = formatOf(response);
      let document: unknown;
      try {
        document = parse(text, responseFormat);
      } catch (cause) {
        throw new WrikeDecodeError({ message: `${method.id}: the response is not valid ${responseFormat.toUpperCase()} (${(cause as Error).message})`, method: method.id, format: responseFormat, cause });
      }
      const error = apiError(method.id, document, response.status, responseFormat);
      if (error) throw error;
      const ctx = newContext(responseFormat === "xml");
      const result = method.decodeResult!(document, ctx);
      if (ctx.issues.length > 0) throw new WrikeValidationError({ method: method.id, direction: "response", issues: ctx.issues });
      // The spec's echo rule (ApiDescriptor.echo; v2: asyncKey): a request that carries the argument gets it
      // back unchanged. Servers apply the same rule through server/echo.ts.
      if (echo) {
        const sent = (args as Record<string, unknown> | undefined)?.[echo];
        const received = (result as Record<string, unknown> | undefined)?.[echo];
        if (typeof sent === "string" && received !== sent) throw new WrikeAsyncKeyMismatchError({ method: method.id, sent, received: typeof received === "string" ? received : undefined });
      }
      return result;
    },
    async open(method, request, attempt, callOptions, hooks) {
      const timer = attemptTimer(callOptions?.timeoutMs ?? defaultTimeout);
      try {
        const { response, where } = await send(method, request, attempt, timer, callOptions?.signal, hooks);
        if (!response.ok || response.redirected) throw await failure(method.id, response.url || where, response, timer);
        return response;
      } finally {
        // The timeout bounds the wait for the answer to start; the body streams at the reader's pace.
        timer.done();
      }
    },
  };
}

const NOT_FOUND_HINT = ": no API method answers at this URL; check baseUrl (an origin such as https://www.wrike.com, without /api/...) and that the server speaks this API version";

/** A redirect is refused, not followed: the error names where it pointed (its origin only: a Location may carry a token). */
function redirectError(methodId: string, url: string, response: Response, wrongHost: boolean): WrikeTransportError {
  const { status } = response;
  const target = response.redirected ? response.url : response.headers.get("location");
  let location: string | undefined;
  try {
    location = target ? new URL(target, url).origin : undefined;
  } catch {
    // An unreadable Location names nowhere.
  }
  return new WrikeTransportError({
    message: wrongHost
      ? `${methodId}: HTTP ${status}, wrong data-centre host: use the \`host\` of the OAuth 2.0 token response`
      : `${methodId}: HTTP ${status || "redirect"} to ${location} refused: redirects are not followed; the call was not done`,
    method: methodId,
    reason: wrongHost ? "wrong-host" : "redirect",
    httpStatus: status || undefined,
    location,
  });
}
