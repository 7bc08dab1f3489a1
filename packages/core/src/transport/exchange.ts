/**
 * One attempt of one call: authorise, send, read, decode. Failures come out as typed errors that the
 * retry loop in transport.ts classifies; nothing here waits or retries, except re-sending once when the
 * authorizer asks to after the server rejected its credentials (an OAuth 2.0 token refreshed).
 */
import type { ApiDescriptor, MethodDescriptor, ResponseFormat } from "../descriptors.js";
import { envelopeCode, WrikeApiError, WrikeAsyncKeyMismatchError, WrikeDecodeError, WrikeTransportError, WrikeValidationError } from "../errors.js";
import type { TransportHooks } from "../hooks.js";
import { isBearer } from "../auth.js";
import { newContext } from "../runtime/decode.js";
import type { EncodeContext } from "../runtime/encode.js";
import { parseRetryAfter } from "../resilience/retry.js";
import { checkBaseUrl } from "../base-url.js";
import type { CallOptions, TransportOptions } from "./options.js";

export interface Exchange {
  call<A, R>(method: MethodDescriptor<A, R>, args: A, request: EncodeContext, attempt: number, options: CallOptions | undefined, hooks: TransportHooks): Promise<R>;
  /** Sends and returns the answer once it starts (a successful status), for callers that read the body themselves. */
  open(method: MethodDescriptor<never, unknown>, request: EncodeContext, attempt: number, options: CallOptions | undefined, hooks: TransportHooks): Promise<Response>;
}

/** Connection errors that prove the request never left: safe to retry even for writes. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

export function createExchange(api: ApiDescriptor, options: TransportOptions, format: ResponseFormat): Exchange {
  // Looked up per call, not once: test doubles such as MSW replace globalThis.fetch after clients exist.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const defaultTimeout = options.timeoutMs ?? 60_000;
  const pathTemplate = api.formats[format]!;
  const echo = api.echo;

  /** Parses a body in either format; XML only when the caller brought an XML parser (it is opt-in to keep bundles small). */
  function parse(text: string, bodyFormat: ResponseFormat): unknown {
    if (bodyFormat === "json") return JSON.parse(text);
    if (!options.xml) throw new TypeError("the response is XML and no XML support was given (pass `xml` from @wrikekit/core/xml)");
    return options.xml.parse(text);
  }

  const { auth } = options;
  const authorizer = isBearer(auth) ? undefined : auth;
  const bearerHeader = isBearer(auth) ? `Bearer ${auth.token}` : undefined;

  function baseUrl(): string {
    if (options.baseUrl !== undefined) return options.baseUrl.replace(/\/$/, "");
    const host = authorizer?.host?.();
    if (host === undefined) return api.baseUrl.replace(/\/$/, "");
    const hostname = host.replace(/:\d+$/, "");
    return checkBaseUrl(`${hostname === "localhost" || hostname === "127.0.0.1" ? "http" : "https"}://${host}`).origin;
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

  async function send(method: MethodDescriptor<never, unknown>, request: EncodeContext, attempt: number, signal: AbortSignal | undefined, callerSignal: AbortSignal | undefined, hooks: TransportHooks): Promise<Response> {
    await authorizer?.prepare?.();
    const url = urlOf(method, request);
    const { body, contentType } = bodyOf(method, request);
    // OAuth 1.0a signs the form body's pairs (and the URL's query); a raw body is not signed.
    const bodyParams = request.body === undefined ? request.pairs : [];
    const where = request.query.length > 0 ? url.slice(0, url.indexOf("?")) : url;
    for (let resent = false; ; resent = true) {
      const header = bearerHeader ?? (await authorizer!.authorize({ method: method.http.method, url, bodyParams }));
      hooks.request?.({ method: method.id, url: where, attempt });
      const started = Date.now();
      const response = await fetchOnce(method.id, url, { method: method.http.method, body, contentType, headers: request.headers, authorization: header }, signal, callerSignal);
      hooks.response?.({ method: method.id, url: where, attempt, status: response.status, durationMs: Date.now() - started });
      // Rejected credentials (HTTP 401: an expired OAuth 2.0 token): the authorizer may refresh, then send once more.
      if (!resent && response.status === 401 && authorizer?.rejected !== undefined && (await authorizer.rejected(header))) {
        await response.body?.cancel();
        continue;
      }
      return response;
    }
  }

  interface OutgoingRequest {
    method: string;
    body: BodyInit | undefined;
    contentType: string | undefined;
    headers: EncodeContext["headers"];
    authorization: string;
  }

  async function fetchOnce(methodId: string, url: string, request: OutgoingRequest, signal: AbortSignal | undefined, callerSignal: AbortSignal | undefined): Promise<Response> {
    const headers: Record<string, string> = {};
    // Argument headers (X-File-Name) first, so that none of them can replace the content type or the authorization.
    for (const [name, value] of request.headers) headers[name.toLowerCase()] = value;
    if (request.contentType !== undefined) headers["content-type"] ??= request.contentType;
    headers.accept = format === "json" ? "application/json" : "application/xml";
    headers.authorization = request.authorization;
    // A stream body needs half-duplex in fetch implementations that support request streams (Node's undici).
    const init: RequestInit & { duplex?: "half" } = { method: request.method, headers, body: request.body, signal };
    if (request.body instanceof ReadableStream) init.duplex = "half";
    try {
      return await fetchImpl(url, init);
    } catch (cause) {
      throw transportFailure(methodId, url, cause, callerSignal);
    }
  }

  /**
   * The signal of one attempt: the caller's abort and the per-attempt timeout. One timer, cleared as soon
   * as the attempt is over (AbortSignal.timeout costs ~10 µs a call and its timer can never be cleared).
   */
  function attemptSignal(callOptions: CallOptions | undefined): { signal: AbortSignal | undefined; done(): void } {
    const callerSignal = callOptions?.signal;
    const timeoutMs = callOptions?.timeoutMs ?? defaultTimeout;
    if (timeoutMs <= 0) return { signal: callerSignal, done: () => {} };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError")), timeoutMs);
    const onCallerAbort = () => controller.abort(callerSignal!.reason);
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
    return {
      signal: controller.signal,
      done: () => {
        clearTimeout(timer);
        callerSignal?.removeEventListener("abort", onCallerAbort);
      },
    };
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

  /** The error for a non-2xx answer: 429 and 503 by status (whatever the body), else the API error it carries. */
  async function failure(methodId: string, response: Response): Promise<Error> {
    const { status } = response;
    const text = await response.text().catch(() => "");
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
        message: `${methodId}: HTTP ${status} ${busy ? (status === 429 ? "Too Many Requests" : "Service Unavailable") : response.statusText}`.trim(),
        method: methodId,
        reason: "http-status",
        httpStatus: status,
        retryAfterMs: busy ? parseRetryAfter(response.headers.get("retry-after"), Date.now()) : undefined,
      })
    );
  }

  return {
    async call(method, args, request, attempt, callOptions, hooks) {
      const attemptControl = attemptSignal(callOptions);
      let response: Response;
      let text: string;
      try {
        response = await send(method as MethodDescriptor<never, unknown>, request, attempt, attemptControl.signal, callOptions?.signal, hooks);
        if (!response.ok) throw await failure(method.id, response);
        callOptions?.onResponse?.(response);
        try {
          text = await response.text();
        } catch (cause) {
          throw transportFailure(method.id, response.url, cause, callOptions?.signal);
        }
      } finally {
        attemptControl.done();
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
      const attemptControl = attemptSignal(callOptions);
      try {
        const response = await send(method, request, attempt, attemptControl.signal, callOptions?.signal, hooks);
        if (!response.ok) throw await failure(method.id, response);
        return response;
      } finally {
        // The timeout bounds the wait for the answer to start; the body streams at the reader's pace.
        attemptControl.done();
      }
    },
  };
}

function transportFailure(methodId: string, url: string, cause: unknown, callerSignal: AbortSignal | undefined): WrikeTransportError {
  const where = url.split("?")[0];
  const name = (cause as { name?: string } | undefined)?.name;
  if (callerSignal?.aborted) return abortedError(methodId, cause);
  if (name === "TimeoutError" || name === "AbortError") return new WrikeTransportError({ message: `${methodId}: timed out (${where})`, method: methodId, reason: "timeout", cause });
  const code = (cause as { cause?: { code?: string } } | undefined)?.cause?.code;
  const reason = code !== undefined && NOT_SENT_CODES.has(code) ? "not-sent" : "network";
  return new WrikeTransportError({ message: `${methodId}: network error calling ${where}: ${(cause as Error)?.message ?? String(cause)}${code ? ` (${code})` : ""}`, method: methodId, reason, cause });
}

/** The call's own signal aborted: while waiting for the limiter or a back-off, or during the attempt. */
export function abortedError(methodId: string, cause: unknown): WrikeTransportError {
  return new WrikeTransportError({ message: `${methodId}: aborted`, method: methodId, reason: "aborted", cause });
}
