/** createWrikeClient's resilience options: a value that cannot work is a RangeError naming the option, not a hang or no limit at all. */
import { describe, expect, it } from "vitest";
import { createRetryPolicy, resolveClientOptions, type ClientOptions } from "../src/index.js";

const resolve = (options: Partial<ClientOptions>) => () => resolveClientOptions({ auth: { kind: "bearer", token: "t" }, ...options }, { rateLimit: { requestsPerMinute: 400, perSecond: true } });

describe("resilience options are checked", () => {
  it.each([-5, 0, Number.NaN, Infinity, "100"])("rateLimit.requestsPerMinute %s is refused", (value) => {
    for (const perSecond of [true, false]) expect(resolve({ rateLimit: { requestsPerMinute: value as number, perSecond } })).toThrow(new RangeError(`createWrikeClient: rateLimit.requestsPerMinute must be a positive number, got ${typeof value} ${typeof value === "string" ? `"${value}"` : value}`));
  });

  it("a fractional requestsPerMinute is refused without perSecond (a window holds whole requests), taken with it", () => {
    expect(resolve({ rateLimit: { requestsPerMinute: 2.5, perSecond: false } })).toThrow(/rateLimit\.requestsPerMinute must be a whole number.*got 2\.5/);
    expect(resolve({ rateLimit: { requestsPerMinute: 90.5, perSecond: true } })).not.toThrow();
  });

  it.each([-1, 0, Number.NaN])("rateLimit.windowMs %s is refused", (windowMs) => {
    expect(resolve({ rateLimit: { windowMs } })).toThrow(/rateLimit\.windowMs must be a positive number of milliseconds/);
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity])("retry.maxAttempts %s is refused", (maxAttempts) => {
    expect(resolve({ retry: { maxAttempts } })).toThrow(new RangeError(`retry.maxAttempts must be a whole number of attempts, 1 or more (1: no retries), got number ${maxAttempts}`));
    expect(() => createRetryPolicy({ maxAttempts })).toThrow(RangeError);
  });

  it.each(["maxTotalMs", "initialDelayMs", "maxDelayMs", "jitter"] as const)("retry.%s must be a number, 0 or more", (option) => {
    for (const value of [-1, Number.NaN]) expect(resolve({ retry: { [option]: value } })).toThrow(new RangeError(`retry.${option} must be a number, 0 or more, got number ${value}`));
  });

  it("the defaults and rateLimit: false / retry: false still resolve", () => {
    expect(resolve({})).not.toThrow();
    const off = resolve({ rateLimit: false, retry: false })();
    expect(off.rateLimiter).toBeUndefined();
    expect(off.retry).toBeUndefined();
  });
});
