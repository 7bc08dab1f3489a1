/**
 * When a failed call is tried again, and after how long. The rule that matters: a write that may have
 * reached the server is never repeated silently, because neither v2 nor v4 has an idempotency key
 * (v2's asyncKey is only echoed, not deduplicated).
 *
 * What counts is the method's kind, not its HTTP verb: in v2 every call is a POST; in v4 GET is a read
 * and POST, PUT and DELETE are writes. PUT is idempotent in HTTP terms but not in Wrike's: an update
 * such as `addParents`, `addResponsibles` or a comment append changes the object again when repeated
 * (and a DELETE repeated after it landed answers an error for a call that succeeded).
 *
 *   failure                                   reads     writes
 *   429 Too Many Requests                     retried   retried (the server refused it unprocessed)
 *   connection refused / host not found       retried   retried (nothing was sent)
 *   503 Service Unavailable                   retried   only with retryWritesOn503
 *   connection reset, timeout, broken body    retried   not retried (it may have been applied)
 *   500, 502, 504 without an API error        retried   not retried (a gateway may have forwarded it)
 *   API errors, other HTTP errors, redirects  never     never
 */
import { describeValue, WrikeDecodeError, WrikeError, WrikeTransportError } from "../errors.js";
import type { TransportHooks } from "../hooks.js";
import { transportFailure } from "../transport/attempt.js";
import { systemClock, type Clock } from "./clock.js";
export interface RetryOptions {
  /** Attempts in all, the first included. Default 5; 1 disables retries. */
  maxAttempts?: number;
  /** No retry starts later than this after the first attempt. Default 120 s. */
  maxTotalMs?: number;
  /** First back-off. Default 1 s, as Wrike advises. */
  initialDelayMs?: number;
  /** Longest single back-off. Default 32 s. */
  maxDelayMs?: number;
  /** Random extra fraction of each back-off, so clients that failed together do not retry together. Default 0.2. */
  jitter?: number;
  /** Retry writes on 503 too (when you know your proxy answers 503 only for requests it did not forward). */
  retryWritesOn503?: boolean;
  /** Source of randomness for the jitter, for tests. */
  random?: () => number;
}

/** How long after a call's first attempt a retry may still start, unless `maxTotalMs` says otherwise. */
export const DEFAULT_MAX_TOTAL_MS = 120_000;

export type FailureKind = "rate-limited" | "not-sent" | "unavailable" | "maybe-applied" | "final";

/** What the transport asks after a failed attempt: wait and try again, or give up (undefined). */
export interface RetryPolicy {
  readonly clock: Clock;
  next(error: unknown, attempt: number, methodKind: "read" | "write", startedAt: number): { delayMs: number; reason: FailureKind } | undefined;
  /**
   * Runs `attempt` (numbered from 1) until it succeeds or `next` gives up, sleeping the back-off between
   * attempts and reporting each retry to the hooks. The loop lives here, not in the transport, so that a
   * bare transport (no policy) does not carry it.
   */
  run<T>(method: { readonly id: string; readonly kind: "read" | "write" }, signal: AbortSignal | undefined, hooks: TransportHooks, attempt: (n: number) => Promise<T>): Promise<T>;
}

/**
 * The policy createWrikeClient uses by default. A bare transport retries nothing unless given one, so
 * bundles that do not want the policy leave it out.
 */
export function createRetryPolicy(options: RetryOptions & { clock?: Clock } = {}): RetryPolicy {
  const clock = options.clock ?? systemClock;
  const maxAttempts = options.maxAttempts ?? 5;
  const maxTotalMs = options.maxTotalMs ?? DEFAULT_MAX_TOTAL_MS;
  // 0 or NaN attempts would otherwise mean one attempt, or retries until the time budget runs out.
  if (typeof maxAttempts !== "number" || !Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`retry.maxAttempts must be a whole number of attempts, 1 or more (1: no retries), got ${describeValue(maxAttempts)}`);
  for (const option of ["maxTotalMs", "initialDelayMs", "maxDelayMs", "jitter"] as const) {
    const value = options[option];
    if (value !== undefined && (typeof value !== "number" || !(value >= 0))) throw new RangeError(`retry.${option} must be a number, 0 or more, got ${describeValue(value)}`);
  }
  const policy: RetryPolicy = {
    clock,
    next(error, attempt, methodKind, startedAt) {
      const reason = failureKind(error);
      if (!shouldRetry(reason, methodKind, options) || attempt >= maxAttempts) return undefined;
      const retryAfterMs = error instanceof WrikeTransportError ? error.retryAfterMs : undefined;
      const delayMs = backoffDelay(attempt, retryAfterMs, options);
      return clock.now() + delayMs - startedAt > maxTotalMs ? undefined : { delayMs, reason };
    },
    async run(method, signal, hooks, attempt) {
      const started = clock.now();
      for (let n = 1; ; n++) {
        try {
          return await attempt(n);
        } catch (error) {
          if (error instanceof WrikeError) error.attempts = n;
          const next = policy.next(error, n, method.kind, started);
          if (next === undefined) {
            if (n > 1 && error instanceof WrikeError) throw withRetrySummary(error, n, clock.now() - started);
            // A retryable failure not retried at once: the server asked for a wait past the budget.
            if (error instanceof WrikeTransportError && error.retryAfterMs !== undefined && n < maxAttempts && shouldRetry(failureKind(error), method.kind, options))
              error.message += ` (not retried: the server's Retry-After of ${error.retryAfterMs / 1000} s would pass \`retry: { maxTotalMs }\` of ${maxTotalMs / 1000} s)`;
            throw error;
          }
          const { delayMs, reason } = next;
          if (reason === "rate-limited") hooks.rateLimited?.({ method: method.id, source: "server", waitMs: delayMs });
          hooks.retry?.({ method: method.id, attempt: n, delayMs, reason, error: error as WrikeError });
          // The sleep ends early only when the signal aborts: an "aborted" error.
          await clock.sleep(delayMs, signal).catch((cause: unknown) => {
            throw transportFailure(method.id, cause, signal);
          });
        }
      }
    },
  };
  return policy;
}

/** A call that was retried says so: how many attempts over how long, and how to change that. */
function withRetrySummary(error: WrikeError, attempts: number, elapsedMs: number): WrikeError {
  error.message += ` (gave up after ${attempts} attempts over ${(elapsedMs / 1000).toFixed(1)} s; \`retry: { maxAttempts, maxTotalMs }\` or \`retry: false\` changes this)`;
  return error;
}

/**
 * Server errors that came without an API error document: a proxy's or load balancer's page (a bad or
 * timed-out gateway) more often than Wrike's answer, so as transient as a broken connection.
 */
const GATEWAY_STATUSES = new Set([500, 502, 504]);

/** How a failure bears on retrying; see the table above. */
export function failureKind(error: unknown): FailureKind {
  // instanceof, not error.name: a check that compares names must use the literal names errors.ts gives.
  if (error instanceof WrikeDecodeError) return "maybe-applied";
  if (error instanceof WrikeTransportError) {
    switch (error.reason) {
      case "http-status":
        return error.httpStatus === 429 ? "rate-limited" : error.httpStatus === 503 ? "unavailable" : GATEWAY_STATUSES.has(error.httpStatus!) ? "maybe-applied" : "final";
      case "not-sent":
        return "not-sent";
      case "network":
      case "timeout":
        return "maybe-applied";
      default:
        // aborted, and answers refused unread: a redirect, v4's wrong host, a body over the bound.
        return "final";
    }
  }
  return "final";
}

export function shouldRetry(kind: FailureKind, methodKind: "read" | "write", options: RetryOptions): boolean {
  switch (kind) {
    case "rate-limited":
    case "not-sent":
      return true;
    case "unavailable":
      return methodKind === "read" || options.retryWritesOn503 === true;
    case "maybe-applied":
      return methodKind === "read";
    case "final":
      return false;
  }
}

/** The wait before retry number `retry` (1 for the first retry): the server's Retry-After, else exponential. */
export function backoffDelay(retry: number, retryAfterMs: number | undefined, options: RetryOptions): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const initial = options.initialDelayMs ?? 1000;
  const base = Math.min(options.maxDelayMs ?? 32_000, initial * 2 ** (retry - 1));
  return Math.round(base * (1 + (options.jitter ?? 0.2) * (options.random ?? Math.random)()));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  const text = header?.trim() ?? "";
  // A date in the past is no wait; NaN (absent, empty, not a date) is no Retry-After. Every HTTP date
  // starts with its day's name: Date.parse alone would read "1.5" or "-1" as dates long past, a retry at once.
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : /^[a-z]{3}/i.test(text) ? Date.parse(text) - now : NaN;
  return ms < 0 ? 0 : ms >= 0 ? ms : undefined;
}
