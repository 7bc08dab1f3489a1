/**
 * Sends method calls: checks and encodes the arguments once, then for each attempt (exchange.ts) waits
 * for the rate limiter, signs, sends over the platform fetch and reads the answer; failures are retried
 * by the policy in resilience/retry.ts, when the transport has one. Nothing in here knows any particular method; the generated
 * MethodDescriptor brings the method's encoder and decoder.
 */
import type { ApiDescriptor, MethodDescriptor } from "../descriptors.js";
import { WrikeValidationError } from "../errors.js";
import { newEncodeContext } from "../runtime/encode.js";
import { createExchange } from "./exchange.js";
import type { Authorizer, BearerAuth } from "../auth.js";
import type { CallOptions, TransportOptions, WrikeTransport } from "./options.js";

export function createTransport(api: ApiDescriptor, options: TransportOptions): WrikeTransport {
  // Short, as every bundle carries it; createWrikeClient's options say more (client-options.ts): the
  // kinds it takes and how to wrap OAuth credentials for a bare transport (oauth1Auth, see TransportOptions.auth).
  const auth = options?.auth as Partial<BearerAuth & Authorizer> | undefined;
  // A bearer token is an authorizer of one header.
  const authorizer = auth?.kind === "bearer" ? auth.token?.trim() && { authorize: () => `Bearer ${auth.token}` } : typeof auth?.authorize === "function" && (auth as Authorizer);
  if (!authorizer) throw new TypeError('auth must be { kind: "bearer", token } or an Authorizer');
  const format = api.protocol.requested(api, options);
  const retry = options.retry;
  const hooks = options.hooks ?? {};
  // Checks baseUrl and host.
  const exchange = createExchange(api, options, format, authorizer, hooks);

  /** Checks and encodes the arguments once, then runs the attempts; async, so that bad arguments reject the returned promise instead of throwing at the call site. */
  async function send(method: MethodDescriptor<never, unknown>, args: unknown, callOptions: CallOptions | undefined, decode: boolean): Promise<unknown> {
    const request = newEncodeContext();
    method.encodeArgs((args ?? {}) as never, request);
    if (request.issues.length > 0) throw new WrikeValidationError({ method: method.id, direction: "arguments", issues: request.issues });
    const attempt = exchange(method, request, callOptions, decode);
    // A stream body (an upload from a stream) is read as it is sent and cannot be sent again: one attempt.
    return retry && !request.streamed ? retry.run(method, callOptions?.signal, hooks, attempt) : attempt(1);
  }

  return {
    api,
    format,
    call: (method, args, callOptions) => send(method as MethodDescriptor<never, unknown>, args, callOptions, true) as Promise<never>,
    open: (method, args, callOptions) => send(method as MethodDescriptor<never, unknown>, args, callOptions, false) as Promise<Response>,
  };
}
