/**
 * Client-side rate limiting shared by every call of a client: at most `limit` requests start in any
 * window of `windowMs` (a sliding log of start times), granted strictly in arrival order. A slot is
 * stamped when the request leaves: the caller's last step before sending (signing, a token refresh)
 * runs at the head of the line, so however long it takes, the window counts real starts.
 */
import type { TransportHooks } from "../hooks.js";
import { transportFailure } from "../transport/attempt.js";
import type { Clock } from "./clock.js";
import { abortable } from "./abortable.js";

export interface RateLimiterOptions {
  /** Requests allowed per window. Default 100, the v2 reference's figure; v4 allows about 400 a minute. */
  limit?: number;
  /** Default 60 s. */
  windowMs?: number;
  clock: Clock;
}

export interface RateLimiter {
  /**
   * Waits for a slot, first come first served, then runs `ready` (the request's last step before it is
   * sent) at the head of the line and stamps the slot when it settles; resolves with how long it waited
   * for the slot. Send at once. Aborting leaves the queue. `onWait` hears of each wait at the head of the
   * line before it starts (its length in ms), so that a long one can be reported while it lasts.
   */
  acquire(signal?: AbortSignal, ready?: () => unknown, onWait?: (waitMs: number) => void): Promise<number>;
  /**
   * What the transport calls for one request of `method`: acquire, announce a wait to `hooks.rateLimitWait`
   * as it starts, report it to `hooks.rateLimited`, and turn an abort into the call's aborted error. It lives
   * here so that transports without a limiter do not carry it.
   */
  admit(method: string, signal: AbortSignal | undefined, hooks: TransportHooks, ready: () => unknown): Promise<void>;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const limit = options.limit ?? 100;
  const windowMs = options.windowMs ?? 60_000;
  const { clock } = options;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
  /** Start times of the requests in the current window, oldest first. */
  const starts: number[] = [];
  /** The last caller in line; each caller waits for the one before it, so slots go in arrival order. */
  let lastInLine: Promise<void> = Promise.resolve();

  const freeSlotAt = (): number => {
    const now = clock.now();
    while (starts.length > 0 && starts[0]! <= now - windowMs) starts.shift();
    return starts.length < limit ? now : starts[0]! + windowMs;
  };

  const limiter: RateLimiter = {
    acquire(signal, ready, onWait) {
      const arrived = clock.now();
      const predecessor = lastInLine;
      let leaveLine!: () => void;
      lastInLine = new Promise<void>((resolve) => (leaveLine = resolve));
      const taken = (async () => {
        await predecessor;
        try {
          for (;;) {
            signal?.throwIfAborted();
            const at = freeSlotAt();
            if (at <= clock.now()) {
              // Slots only free up while `ready` runs: nobody else may stamp before this caller leaves the line.
              const waited = clock.now() - arrived;
              if (ready) await ready();
              signal?.throwIfAborted();
              starts.push(clock.now());
              return waited;
            }
            onWait?.(at - clock.now());
            await clock.sleep(at - clock.now(), signal);
          }
        } finally {
          leaveLine();
        }
      })();
      return signal ? abortable(taken, signal) : taken;
    },
    async admit(method, signal, hooks, ready) {
      const waitMs = await limiter.acquire(signal, ready, hooks.rateLimitWait && ((waitMs) => hooks.rateLimitWait!({ method, waitMs }))).catch((cause: unknown) => {
        throw signal?.aborted ? transportFailure(method, cause, signal) : cause;
      });
      if (waitMs > 0) hooks.rateLimited?.({ method, source: "client", waitMs });
    },
  };
  return limiter;
}
