/**
 * Sends method calls: checks and encodes the arguments once, then for each attempt waits for the rate
 * limiter, signs, POSTs over the platform fetch and reads the answer; failures are retried by the
 * policy in resilience/retry.ts. Nothing in here knows any particular method; the generated
 * MethodDescriptor brings the method's encoder and decoder.
 */
import type { ApiDescriptor, MethodDescriptor, ResponseFormat } from "./descriptors.js";
import { WrikeError, WrikeTransportError, WrikeValidationError } from "./errors.js";
import type { TransportAuth } from "./auth.js";
import { newEncodeContext, type WirePairs } from "./runtime/encode.js";
import { createExchange, type Exchange } from "./exchange.js";
import type { RateLimiter } from "./resilience/rate-limiter.js";
import type { RetryPolicy } from "./resilience/retry.js";
import type { TransportHooks } from "./hooks.js";
import { checkBaseUrl } from "./base-url.js";

export { checkBaseUrl };

export interface TransportOptions {
  /** A bearer token, or an Authorizer: `oauth1Auth(...)` from @wrikekit/core/oauth1, `oauth2Auth(session)`. */
  auth: TransportAuth;
  /** Default: the API's own (https://www.wrike.com), or the host an OAuth 2.0 token names. Plain http only for localhost. */
  baseUrl?: string;
  /** Response format to ask for. Default json; xml needs `xml`. */
  format?: ResponseFormat;
  /** XML support, opt-in so that JSON-only bundles leave the XML parser out: `import { xmlSupport } from "@wrikekit/core/xml"`. */
  xml?: XmlSupport;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Per-attempt timeout in milliseconds (until the answer is read; for downloads, until it starts). Default 60 s; 0 disables it. */
  timeoutMs?: number;
  /**
   * A client-side rate limiter shared by all calls of this transport (`createRateLimiter`). A bare
   * transport has none, so bundles that do not want one leave it out; createWrikeClient adds one
   * (100 a minute) unless told otherwise.
   */
  rateLimiter?: RateLimiter;
  /**
   * When to try a failed call again (`createRetryPolicy`; see resilience/retry.ts for what is retried).
   * A bare transport retries nothing; createWrikeClient uses the default policy unless told otherwise.
   */
  retry?: RetryPolicy;
  /** Logging and metrics; they never receive secrets. */
  hooks?: TransportHooks;
}

export interface XmlSupport {
  parse(text: string): Record<string, unknown>;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface WrikeTransport {
  readonly api: ApiDescriptor;
  readonly format: ResponseFormat;
  call<A, R>(method: MethodDescriptor<A, R>, args: A, options?: CallOptions): Promise<R>;
  /** Sends a call and returns the answer once it starts, for bodies read as they arrive (see `download`). */
  open<A>(method: MethodDescriptor<A, unknown>, args: A, options?: CallOptions): Promise<Response>;
}

export function createTransport(api: ApiDescriptor, options: TransportOptions): WrikeTransport {
  if (options.baseUrl !== undefined) checkBaseUrl(options.baseUrl);
  const format = options.format ?? "json";
  if (api.formats[format] === undefined) throw new TypeError(`format must be one of ${Object.keys(api.formats).join(", ")}`);
  if (format === "xml" && options.xml === undefined) throw new TypeError('format "xml" needs XML support: pass `xml: xmlSupport` from "@wrikekit/core/xml"');
  const retry = options.retry;
  const hooks = options.hooks ?? {};
  const limiter = options.rateLimiter;
  const exchange = createExchange(api, options, format);

  function encode<A>(method: MethodDescriptor<A, unknown>, args: A): WirePairs {
    const ctx = newEncodeContext();
    method.encodeArgs(args ?? ({} as A), ctx);
    if (ctx.issues.length > 0) throw new WrikeValidationError({ method: method.id, direction: "arguments", issues: ctx.issues });
    return ctx.pairs;
  }

  /** Runs `attempt` under the rate limiter and the retry policy; returns its first success. */
  async function withRetries<T>(method: MethodDescriptor<never, unknown>, callOptions: CallOptions | undefined, attempt: (n: number) => Promise<T>): Promise<T> {
    const started = retry?.clock.now() ?? 0;
    const signal = callOptions?.signal;
    for (let n = 1; ; n++) {
      try {
        if (limiter) {
          const waitedMs = await limiter.acquire(signal).catch((cause: unknown) => {
            throw abortedError(method.id, cause);
          });
          if (waitedMs > 0) hooks.rateLimited?.({ method: method.id, source: "client", waitMs: waitedMs });
        }
        return await attempt(n);
      } catch (error) {
        if (error instanceof WrikeError) error.attempts = n;
        const next = retry?.next(error, n, method.kind, started);
        if (next === undefined) throw error;
        const { delayMs, reason } = next;
        if (reason === "rate-limited") hooks.rateLimited?.({ method: method.id, source: "server", waitMs: delayMs });
        hooks.retry?.({ method: method.id, attempt: n, delayMs, reason, error: error as Error });
        await retry!.clock.sleep(delayMs, signal).catch((cause: unknown) => {
          throw abortedError(method.id, cause);
        });
      }
    }
  }

  return {
    api,
    format,
    // async, so that bad arguments reject the returned promise instead of throwing at the call site.
    async call<A, R>(method: MethodDescriptor<A, R>, args: A, callOptions?: CallOptions): Promise<R> {
      const pairs = encode(method, args);
      return withRetries(method as MethodDescriptor<never, unknown>, callOptions, (n) => exchange.call(method, args, pairs, n, callOptions, hooks));
    },
    async open<A>(method: MethodDescriptor<A, unknown>, args: A, callOptions?: CallOptions): Promise<Response> {
      const pairs = encode(method, args);
      return withRetries(method as MethodDescriptor<never, unknown>, callOptions, (n) => exchange.open(method as MethodDescriptor<never, unknown>, pairs, n, callOptions, hooks));
    },
  };
}

function abortedError(methodId: string, cause: unknown): WrikeTransportError {
  return new WrikeTransportError({ message: `${methodId}: aborted`, method: methodId, reason: "aborted", cause });
}

export type { Exchange };
