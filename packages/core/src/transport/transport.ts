/**
 * Sends method calls: checks and encodes the arguments once, then for each attempt waits for the rate
 * limiter, signs, sends over the platform fetch and reads the answer; failures are retried by the
 * policy in resilience/retry.ts. Nothing in here knows any particular method; the generated
 * MethodDescriptor brings the method's encoder and decoder.
 */
import type { ApiDescriptor, MethodDescriptor } from "../descriptors.js";
import { WrikeError, WrikeValidationError } from "../errors.js";
import { newEncodeContext, type EncodeContext } from "../runtime/encode.js";
import { createExchange } from "./exchange.js";
import { abortedError } from "./attempt.js";
import { checkBaseUrl, hostOrigin } from "../base-url.js";
import { checkAuth } from "../auth.js";
import type { CallOptions, TransportOptions, WrikeTransport } from "./options.js";

export function createTransport(api: ApiDescriptor, options: TransportOptions): WrikeTransport {
  if (typeof options !== "object" || options === null) throw new TypeError('createTransport needs options with `auth`: createTransport(api, { auth: { kind: "bearer", token } })');
  checkAuth(options.auth, ["bearer"], "createTransport");
  if (options.baseUrl !== undefined) checkBaseUrl(options.baseUrl);
  if (options.host !== undefined) hostOrigin(options.host);
  const format = options.format ?? "json";
  if (api.formats[format] === undefined) throw new TypeError(`format must be one of ${Object.keys(api.formats).join(", ")}`);
  if (format === "xml" && options.xml === undefined) throw new TypeError('format "xml" needs XML support: pass `xml: xmlSupport` from "@wrikekit/client/xml"');
  const retry = options.retry;
  const hooks = options.hooks ?? {};
  const exchange = createExchange(api, options, format);

  function encode<A>(method: MethodDescriptor<A, unknown>, args: A): EncodeContext {
    const ctx = newEncodeContext();
    method.encodeArgs(args ?? ({} as A), ctx);
    if (ctx.issues.length > 0) throw new WrikeValidationError({ method: method.id, direction: "arguments", issues: ctx.issues });
    return ctx;
  }

  /** Runs `attempt` under the retry policy (the exchange takes a rate-limiter slot as each request leaves); returns its first success. */
  async function withRetries<T>(method: MethodDescriptor<never, unknown>, callOptions: CallOptions | undefined, attempt: (n: number) => Promise<T>): Promise<T> {
    const started = retry?.clock.now() ?? 0;
    const signal = callOptions?.signal;
    for (let n = 1; ; n++) {
      try {
        return await attempt(n);
      } catch (error) {
        if (error instanceof WrikeError) error.attempts = n;
        const next = retry?.next(error, n, method.kind, started);
        if (next === undefined) throw n > 1 && error instanceof WrikeError ? withRetrySummary(error, n, retry!.clock.now() - started) : error;
        const { delayMs, reason } = next;
        if (reason === "rate-limited") hooks.rateLimited?.({ method: method.id, source: "server", waitMs: delayMs });
        hooks.retry?.({ method: method.id, attempt: n, delayMs, reason, error: error as WrikeError });
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
      const request = encode(method, args);
      return withRetries(method as MethodDescriptor<never, unknown>, callOptions, (n) => exchange.call(method, args, request, n, callOptions, hooks));
    },
    async open<A>(method: MethodDescriptor<A, unknown>, args: A, callOptions?: CallOptions): Promise<Response> {
      const request = encode(method, args);
      return withRetries(method as MethodDescriptor<never, unknown>, callOptions, (n) => exchange.open(method as MethodDescriptor<never, unknown>, request, n, callOptions, hooks));
    },
  };
}


/** A call that was retried says so: how many attempts over how long, and how to change that. */
function withRetrySummary(error: WrikeError, attempts: number, elapsedMs: number): WrikeError {
  error.message += ` (gave up after ${attempts} attempts over ${(elapsedMs / 1000).toFixed(1)} s; \`retry: { maxAttempts, maxTotalMs }\` or \`retry: false\` changes this)`;
  return error;
}
