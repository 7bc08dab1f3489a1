/**
 * Client-side rate limiting shared by every call of a client: at most `limit` requests start in any
 * window of `windowMs` (a sliding log of start times), granted strictly in arrival order. A slot is
 * stamped when the request leaves: the caller's last step before sending (signing, a token refresh)
 * runs at the head of the line, so however long it takes, the window counts real starts.
 *
 * A server's refusal (429, 503) holds back the whole line, not only the call it answered: every call
 * queued behind it would be refused too, and asking again one by one is what gets a token blocked.
 */
import type { TransportHooks } from "../hooks.js";
import { transportError, transportFailure } from "../transport/attempt.js";
import type { Clock } from "./clock.js";
import { abortable } from "./abortable.js";

export interface RateLimiterOptions {
  /** Requests allowed per window. Default 100, the v2 reference's figure; v4 allows about 400 a minute. */
  limit?: number;
  /** Default 60 s. */
  windowMs?: number;
  /**
   * The longest server pause (`pause`) a queued call waits out; past it the call fails at once, unsent.
   * createWrikeClient passes the retry budget (`retry.maxTotalMs`). Default 120 s.
   */
  maxPauseMs?: number;
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
  /**
   * The server refused a request with `httpStatus` (429 or 503) and asked for `ms` (its Retry-After):
   * no slot is granted to anyone before then, and a 429 halves the window's limit for a while. A pause
   * only ever lengthens. Optional, so that a limiter of one's own from before it still fits.
   */
  pause?(ms: number, httpStatus: number): void;
}

/** Why a queued call was not sent: the server's pause outlasts what a call may wait. */
class ServerPause {
  constructor(
    readonly leftMs: number,
    readonly httpStatus: number,
  ) {}
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const limit = options.limit ?? 100;
  const windowMs = options.windowMs ?? 60_000;
  const maxPauseMs = options.maxPauseMs ?? 120_000;
  const { clock } = options;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
  if (!(windowMs > 0)) throw new RangeError(`rate limit windowMs must be a positive number of milliseconds, got ${windowMs}`);
  if (!(maxPauseMs >= 0)) throw new RangeError(`rate limit maxPauseMs must be a number of milliseconds, 0 or more, got ${maxPauseMs}`);
  /** Until when the server asked for no requests, and with which status. */
  let pausedUntil = -Infinity;
  let pauseStatus = 429;
  /**
   * What the server's 429s taught: its budget is below ours (abuse protection answers below the
   * published figure), so after each refusal the window holds half as many, then one more per window
   * without a refusal, back up to `limit`.
   */
  let learnedLimit = limit;
  const currentLimit = (now: number) => Math.min(limit, learnedLimit + Math.max(0, Math.floor((now - pausedUntil) / windowMs)));
  /** Start times of the requests in the current window, oldest first. */
  const starts: number[] = [];
  /** The last caller in line; each caller waits for the one before it, so slots go in arrival order. */
  let lastInLine: Promise<void> = Promise.resolve();

  const freeSlotAt = (): number => {
    const now = clock.now();
    while (starts.length > 0 && starts[0]! <= now - windowMs) starts.shift();
    if (pausedUntil - now > maxPauseMs) throw new ServerPause(pausedUntil - now, pauseStatus);
    const allowed = currentLimit(now);
    return Math.max(pausedUntil, starts.length < allowed ? now : starts[starts.length - allowed]! + windowMs);
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
        if (cause instanceof ServerPause)
          // As the server would answer it: the retry policy sees the wait it asked for and gives up at once.
          throw transportError(method, "http-status", `HTTP ${cause.httpStatus}: not sent, the server asked for no requests for another ${Math.ceil(cause.leftMs / 1000)} s (Retry-After)`, { httpStatus: cause.httpStatus, retryAfterMs: cause.leftMs });
        throw signal?.aborted ? transportFailure(method, cause, signal) : cause;
      });
      if (waitMs > 0) hooks.rateLimited?.({ method, source: "client", waitMs });
    },
    pause(ms, httpStatus) {
      const now = clock.now();
      // The refusals of one burst teach once: only the first one after a pause ended halves the limit.
      if (httpStatus === 429 && now >= pausedUntil) learnedLimit = Math.max(1, Math.floor(currentLimit(now) / 2));
      if (now + ms <= pausedUntil) return;
      pausedUntil = now + ms;
      pauseStatus = httpStatus;
    },
  };
  return limiter;
}
