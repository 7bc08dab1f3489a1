/**
 * Logging and metrics hooks. Events carry the method, the URL without its query, timings and outcomes;
 * never a header, a body, a token, a signature or a secret, so whatever a hook logs is safe to keep.
 */
import type { WrikeError } from "./errors.js";
export interface RequestEvent {
  method: string;
  url: string;
  attempt: number;
}

export interface ResponseEvent extends RequestEvent {
  status: number;
  durationMs: number;
}

export interface RetryEvent {
  method: string;
  /** The attempt that failed. */
  attempt: number;
  delayMs: number;
  reason: "rate-limited" | "not-sent" | "unavailable" | "maybe-applied" | "final";
  /** What failed: only the toolkit's errors are retried (a transport failure, a 429 or 503, a broken body). */
  error: WrikeError;
}

export interface RateLimitedEvent {
  method: string;
  /** client: waited for the client-side limiter; server: the server answered 429. */
  source: "client" | "server";
  waitMs: number;
}

export interface RateLimitWaitEvent {
  method: string;
  /** How long the call is about to wait for the client-side limiter's next free slot. */
  waitMs: number;
}

export interface TransportHooks {
  request?(event: RequestEvent): void;
  response?(event: ResponseEvent): void;
  retry?(event: RetryEvent): void;
  /** After a wait: for the client-side limiter (source client) or before retrying a 429 (source server). */
  rateLimited?(event: RateLimitedEvent): void;
  /**
   * Before a call waits for the client-side limiter. Without this hook or `rateLimited`, a wait of 5 s or
   * more is reported once per client with console.warn, so that a run held up by the limiter (a test
   * against an in-memory emulator with the default 100 a minute) does not stall silently.
   */
  rateLimitWait?(event: RateLimitWaitEvent): void;
}

/** A limiter wait this long, unobserved by any hook, is worth a warning. */
export const LONG_LIMITER_WAIT_MS = 5000;
