/**
 * The per-token request budget: Wrike counts requests per second per token and answers 429 above it.
 * Counted on the emulator's clock, in whole seconds, so a test with a fixed clock sees one second.
 */
export type RateLimitOption = { requestsPerSecond: number } | false;

export class RateBudget {
  private readonly counts = new Map<string, { second: number; count: number }>();

  constructor(private readonly option: RateLimitOption) {
    if (option !== false && !(Number.isInteger(option.requestsPerSecond) && option.requestsPerSecond > 0)) {
      throw new RangeError(`rateLimit.requestsPerSecond must be a positive integer, got ${option.requestsPerSecond}`);
    }
  }

  /** Counts a request; undefined when it is within the budget, else the seconds until the next window. */
  take(token: string, nowMs: number): number | undefined {
    if (this.option === false) return undefined;
    const second = Math.floor(nowMs / 1000);
    const entry = this.counts.get(token);
    if (entry === undefined || entry.second !== second) {
      this.counts.set(token, { second, count: 1 });
      return undefined;
    }
    if (entry.count >= this.option.requestsPerSecond) return 1;
    entry.count++;
    return undefined;
  }
}
