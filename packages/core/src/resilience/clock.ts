/**
 * Time, injectable: the rate limiter and the retry loop only wait through a Clock, so tests run them
 * on a manual clock and see exact schedules without real waiting.
 */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects at once with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/** The longest delay setTimeout holds. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      // setTimeout runs a delay past 2^31-1 ms out after 1 ms: a longer wait (a server's Retry-After, a
      // growing poll interval) is slept in timer-sized parts.
      const until = Date.now() + ms;
      const wait = (left: number): ReturnType<typeof setTimeout> =>
        setTimeout(() => {
          if (left > MAX_TIMER_MS) return void (timer = wait(until - Date.now()));
          signal?.removeEventListener("abort", onAbort);
          resolve();
        }, Math.min(left, MAX_TIMER_MS));
      let timer = wait(ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  },
};

/** A clock that only moves when told to: `advance(ms)` fires due sleepers in time order. */
export interface ManualClock extends Clock {
  advance(ms: number): Promise<void>;
  /** Advances to the next pending wake-up, if any; returns whether there was one. */
  runNext(): Promise<boolean>;
  readonly pending: number;
}

export function createManualClock(start = 0): ManualClock {
  let now = start;
  let sequence = 0;
  const sleepers: { at: number; seq: number; resolve: () => void }[] = [];
  // Lets promise chains woken by a sleeper run (and schedule their next sleep) before time moves on.
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  const wakeDue = async () => {
    sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    while (sleepers.length > 0 && sleepers[0]!.at <= now) {
      sleepers.shift()!.resolve();
      await settle();
      sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    }
  };
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(abortReason(signal));
        const sleeper = { at: now + Math.max(0, ms), seq: sequence++, resolve: () => resolve() };
        sleepers.push(sleeper);
        signal?.addEventListener(
          "abort",
          () => {
            const i = sleepers.indexOf(sleeper);
            if (i >= 0) sleepers.splice(i, 1);
            reject(abortReason(signal));
          },
          { once: true },
        );
      });
    },
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (;;) {
        sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = sleepers[0];
        if (!next || next.at > target) break;
        now = next.at;
        await wakeDue();
      }
      now = target;
      await settle();
    },
    async runNext() {
      await settle();
      sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = sleepers[0];
      if (!next) return false;
      now = Math.max(now, next.at);
      await wakeDue();
      return true;
    },
    get pending() {
      return sleepers.length;
    },
  };
}
