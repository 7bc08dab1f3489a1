/**
 * Logging and metrics hooks. Events carry the method, the URL without its query, timings and outcomes;
 * never a header, a body, a token, a signature or a secret, so whatever a hook logs is safe to keep.
 */
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
  error: Error;
}

export interface RateLimitedEvent {
  method: string;
  /** client: waited for the client-side limiter; server: the server answered 429. */
  source: "client" | "server";
  waitMs: number;
}

export interface TransportHooks {
  request?(event: RequestEvent): void;
  response?(event: ResponseEvent): void;
  retry?(event: RetryEvent): void;
  rateLimited?(event: RateLimitedEvent): void;
}
