/**
 * Sends one method call: checks and encodes the arguments, signs, POSTs over the platform fetch, and
 * turns the answer into a typed result or a typed error. Nothing in here knows any particular method;
 * the generated MethodDescriptor brings the method's encoder and decoder.
 */
import type { ApiDescriptor, MethodDescriptor, ResponseFormat } from "./descriptors.js";
import {
  WrikeApiError,
  WrikeAsyncKeyMismatchError,
  WrikeDecodeError,
  WrikeTransportError,
  WrikeValidationError,
} from "./errors.js";
import { signRequest, type SignatureMethod } from "./oauth1/index.js";
import { newContext } from "./runtime/decode.js";
import { newEncodeContext, type WirePairs } from "./runtime/encode.js";
import { parseXml } from "./xml.js";

export interface OAuth1Auth {
  kind: "oauth1";
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
  /** Default HMAC-SHA1; PLAINTEXT only makes sense over HTTPS. */
  signatureMethod?: SignatureMethod;
}

/** An OAuth 2.0 access token or a permanent token. */
export interface BearerAuth {
  kind: "bearer";
  token: string;
}

export interface TransportOptions {
  auth: OAuth1Auth | BearerAuth;
  /** Default: the API's own (https://www.wrike.com). Plain http is refused except for localhost. */
  baseUrl?: string;
  /** Response format to ask for. Default json. */
  format?: ResponseFormat;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Per-request timeout in milliseconds. Default 60 s; 0 disables it. */
  timeoutMs?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A downloaded file: its bytes arrive through `body` as they are read, never buffered whole. */
export interface Download {
  contentType: string;
  /** From Content-Length, when the server sent one. */
  size: number | undefined;
  body: ReadableStream<Uint8Array>;
}

export interface WrikeTransport {
  readonly api: ApiDescriptor;
  readonly format: ResponseFormat;
  call<A, R>(method: MethodDescriptor<A, R>, args: A, options?: CallOptions): Promise<R>;
  download<A>(method: MethodDescriptor<A, unknown>, args: A, options?: CallOptions): Promise<Download>;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Refuses plain HTTP anywhere but loopback: credentials and signatures must not cross a network in clear. */
export function checkBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return url;
  throw new TypeError(`baseUrl must use https (plain http is allowed only for localhost): ${url.origin}`);
}

export function createTransport(api: ApiDescriptor, options: TransportOptions): WrikeTransport {
  const base = checkBaseUrl(options.baseUrl ?? api.baseUrl).href.replace(/\/$/, "");
  const format = options.format ?? "json";
  const pathTemplate = api.formats[format];
  if (pathTemplate === undefined) throw new TypeError(`format must be one of ${Object.keys(api.formats).join(", ")}`);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const defaultTimeout = options.timeoutMs ?? 60_000;

  function encode<A>(method: MethodDescriptor<A, unknown>, args: A): WirePairs {
    const ctx = newEncodeContext();
    method.encodeArgs(args ?? ({} as A), ctx);
    if (ctx.issues.length > 0) throw new WrikeValidationError({ method: method.id, direction: "arguments", issues: ctx.issues });
    return ctx.pairs;
  }

  async function send(method: MethodDescriptor<never, unknown>, pairs: WirePairs, callOptions: CallOptions | undefined): Promise<Response> {
    const url = `${base}${pathTemplate!.replace("{method}", method.http.path)}`;
    const headers: Record<string, string> = {
      "content-type": "application/x-www-form-urlencoded; charset=UTF-8",
      accept: format === "json" ? "application/json" : "application/xml",
    };
    const { auth } = options;
    if (auth.kind === "bearer") headers.authorization = `Bearer ${auth.token}`;
    else {
      const signed = await signRequest(
        { method: method.http.method, url, bodyParams: pairs },
        { consumerKey: auth.consumerKey, consumerSecret: auth.consumerSecret, token: auth.token, tokenSecret: auth.tokenSecret },
        { signatureMethod: auth.signatureMethod ?? "HMAC-SHA1" },
      );
      headers.authorization = signed.authorizationHeader;
    }
    const timeoutMs = callOptions?.timeoutMs ?? defaultTimeout;
    const signals = [callOptions?.signal, timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined].filter((s): s is AbortSignal => s !== undefined);
    const signal = signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);
    try {
      return await fetchImpl(url, { method: method.http.method, headers, body: new URLSearchParams(pairs).toString(), signal });
    } catch (cause) {
      throw transportFailure(method.id, url, cause, callOptions?.signal);
    }
  }

  /** Reads an error envelope from a parsed document, if it is one. */
  function apiError(methodId: string, document: unknown, httpStatus: number): WrikeApiError | undefined {
    const env = api.errorEnvelope;
    if (typeof document !== "object" || document === null) return undefined;
    const body = (env.root === undefined ? document : (document as Record<string, unknown>)[env.root]) as Record<string, unknown> | undefined;
    if (typeof body !== "object" || body === null || !(env.messageField in body || env.nameField in body)) return undefined;
    const code = env.codeField === undefined ? httpStatus : Number(body[env.codeField]);
    const errorName = String(body[env.nameField] ?? api.errorCodes[code] ?? "UNKNOWN_ERROR");
    return new WrikeApiError({ code, errorName, serverMessage: String(body[env.messageField] ?? ""), method: methodId, httpStatus });
  }

  function parseDocument(methodId: string, text: string, responseFormat: ResponseFormat): unknown {
    try {
      return responseFormat === "json" ? JSON.parse(text) : parseXml(text);
    } catch (cause) {
      throw new WrikeDecodeError({ message: `${methodId}: the response is not valid ${responseFormat.toUpperCase()} (${(cause as Error).message})`, method: methodId, format: responseFormat, cause });
    }
  }

  /** The format of an answer: by its content type, else the one asked for. */
  function formatOf(response: Response): ResponseFormat {
    const type = response.headers.get("content-type") ?? "";
    if (type.includes("json")) return "json";
    if (type.includes("xml")) return "xml";
    return format;
  }

  async function failure(methodId: string, response: Response): Promise<Error> {
    const responseFormat = formatOf(response);
    const text = await response.text().catch(() => "");
    let document: unknown;
    try {
      document = responseFormat === "json" ? JSON.parse(text) : parseXml(text);
    } catch {
      document = undefined;
    }
    return (
      apiError(methodId, document, response.status) ??
      new WrikeTransportError({ message: `${methodId}: HTTP ${response.status} ${response.statusText}`.trim(), method: methodId, reason: "http-status", httpStatus: response.status })
    );
  }

  return {
    api,
    format,
    async call<A, R>(method: MethodDescriptor<A, R>, args: A, callOptions?: CallOptions): Promise<R> {
      const pairs = encode(method, args);
      const response = await send(method as MethodDescriptor<never, unknown>, pairs, callOptions);
      if (!response.ok) throw await failure(method.id, response);
      const responseFormat = formatOf(response);
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        throw transportFailure(method.id, response.url, cause, callOptions?.signal);
      }
      const document = parseDocument(method.id, text, responseFormat);
      const error = apiError(method.id, document, response.status);
      if (error) throw error;
      const ctx = newContext(responseFormat === "xml");
      const result = method.decodeResult!(document, ctx);
      if (ctx.issues.length > 0) throw new WrikeValidationError({ method: method.id, direction: "response", issues: ctx.issues });
      checkAsyncKeyEcho(method.id, args, result);
      return result;
    },
    async download<A>(method: MethodDescriptor<A, unknown>, args: A, callOptions?: CallOptions): Promise<Download> {
      const response = await send(method as MethodDescriptor<never, unknown>, encode(method, args), callOptions);
      if (!response.ok) throw await failure(method.id, response);
      if (response.body === null) throw new WrikeDecodeError({ message: `${method.id}: the response has no body`, method: method.id, format });
      const length = response.headers.get("content-length");
      return { contentType: response.headers.get("content-type") ?? "application/octet-stream", size: length === null ? undefined : Number(length), body: response.body };
    },
  };
}

/** The asyncKey rule: a request that carries one gets it back unchanged. */
function checkAsyncKeyEcho(methodId: string, args: unknown, result: unknown): void {
  const sent = (args as { asyncKey?: unknown } | undefined)?.asyncKey;
  if (typeof sent !== "string") return;
  const received = (result as { asyncKey?: unknown } | undefined)?.asyncKey;
  if (received !== sent) throw new WrikeAsyncKeyMismatchError({ method: methodId, sent, received: typeof received === "string" ? received : undefined });
}

function transportFailure(methodId: string, url: string, cause: unknown, callerSignal: AbortSignal | undefined): WrikeTransportError {
  const where = url.split("?")[0];
  const name = (cause as { name?: string } | undefined)?.name;
  if (callerSignal?.aborted) return new WrikeTransportError({ message: `${methodId}: aborted`, method: methodId, reason: "aborted", cause });
  if (name === "TimeoutError" || name === "AbortError") return new WrikeTransportError({ message: `${methodId}: timed out (${where})`, method: methodId, reason: "timeout", cause });
  return new WrikeTransportError({ message: `${methodId}: network error calling ${where}: ${(cause as Error)?.message ?? String(cause)}`, method: methodId, reason: "network", cause });
}
