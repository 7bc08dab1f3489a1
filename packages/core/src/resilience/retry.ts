/**
 * When a failed call is tried again, and after how long. The rule that matters: a write that may have
 * reached the server is never repeated silently, because Wrike v2 has no idempotency key (asyncKey is
 * only echoed, not deduplicated).
 *
 *   failure                                   reads     writes
 *   429 Too Many Requests                     retried   retried (the server refused it unprocessed)
 *   connection refused / host not found       retried   retried (nothing was sent)
 *   503 Service Unavailable                   retried   only with retryWritesOn503
 *   connection reset, timeout, broken body    retried   not retried (it may have been applied)
 *   API errors (402-407), other HTTP errors   never     never
 */
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

export type FailureKind = "rate-limited" | "not-sent" | "unavailable" | "maybe-applied" | "final";

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
  if (header === null || header.trim() === "") return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
