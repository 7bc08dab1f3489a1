/**
 * The options createWrikeClient takes, and how they become a transport's: the OAuth literals map to
 * their Authorizers, and the default rate limiter is created here, so a bare transport (a standalone
 * function with a bearer token) bundles neither the signer nor the limiter.
 */
import { checkAuth, isBearer, type Authorizer, type BearerAuth, type TransportAuth } from "./auth.js";
import { oauth1Auth, type OAuth1Auth } from "./oauth1/auth.js";
import { oauth2Auth, type OAuth2Auth } from "./oauth2/auth.js";
import type { TransportOptions } from "./transport/options.js";
import { LONG_LIMITER_WAIT_MS, type TransportHooks } from "./hooks.js";
import { checkBaseOptions } from "./base-url.js";
import { systemClock, type Clock } from "./resilience/clock.js";
import { createRateLimiter } from "./resilience/rate-limiter.js";
import { createRetryPolicy, DEFAULT_MAX_TOTAL_MS, type RetryOptions } from "./resilience/retry.js";
import { describeValue } from "./errors.js";

export type Auth = BearerAuth | OAuth1Auth | OAuth2Auth | Authorizer;

export type ClientOptions = Omit<TransportOptions, "auth" | "rateLimiter" | "retry"> & {
  auth: Auth;
  /** When to retry (see resilience/retry.ts); false retries nothing. Default: 5 attempts, back-off from 1 s. */
  retry?: RetryOptions | false;
  /** Time source for back-off and rate limiting (tests pass a manual clock). */
  clock?: Clock;
  /**
   * The client-side limit shared by all calls of the client; false turns it off. Default: the API's
   * budget (v4: 400 a minute, counted per second), else 100 a minute (the v2 reference's figure).
   * `perSecond` spreads the minute's budget over one-second windows, as Wrike v4 counts it:
   * floor(requestsPerMinute / 60) per second (400 a minute: 6 a second), so no second bursts.
   */
  rateLimit?: { requestsPerMinute?: number; windowMs?: number; perSecond?: boolean } | false;
};

const OAUTH1_FIELDS = ["consumerKey", "consumerSecret", "token", "tokenSecret"] as const;

/** The transport auth of createWrikeClient's `auth`; a missing or misspelt part is a TypeError saying what to pass. */
export function resolveAuth(auth: Auth): TransportAuth {
  checkAuth(auth, ["bearer", "oauth1", "oauth2"], "createWrikeClient");
  if (isBearer(auth)) return auth;
  const kind = (auth as { kind?: string }).kind;
  if (kind === "oauth1") {
    const missing = OAUTH1_FIELDS.filter((field) => typeof (auth as Partial<OAuth1Auth>)[field] !== "string" || (auth as OAuth1Auth)[field].trim() === "");
    if (missing.length > 0) throw new TypeError(`createWrikeClient: OAuth 1.0a auth needs ${missing.map((f) => `auth.${f}`).join(", ")} (non-empty strings from your Wrike app and its access token)`);
    return oauth1Auth(auth as OAuth1Auth);
  }
  if (kind === "oauth2") {
    if (typeof (auth as Partial<OAuth2Auth>).session?.accessToken !== "function") throw new TypeError("createWrikeClient: auth.session must be an OAuth 2.0 session: pass createOAuth2Session({ client, store })");
    return oauth2Auth((auth as OAuth2Auth).session);
  }
  return auth as Authorizer;
}

/** The API's own client-side budget (generated createWrikeClient passes its spec's; v4: 400 a minute, counted per second). Default 100 a minute. */
export interface ApiBudget {
  readonly rateLimit?: { readonly requestsPerMinute: number; readonly perSecond?: boolean };
}

export function resolveClientOptions(clientOptions: ClientOptions, api?: ApiBudget): TransportOptions {
  if (typeof clientOptions !== "object" || clientOptions === null) throw new TypeError('createWrikeClient needs options with `auth`: createWrikeClient({ auth: { kind: "bearer", token } })');
  const { rateLimit, retry, clock = systemClock, ...options } = clientOptions;
  const auth = resolveAuth(options.auth);
  checkBaseOptions(options.baseUrl, options.host);
  // The policy first: its checks name `retry.maxTotalMs`, which the limiter takes too.
  const retryPolicy = retry === false ? undefined : createRetryPolicy({ ...retry, clock });
  return {
    ...options,
    hooks: rateLimit === false ? options.hooks : withLongWaitWarning(options.hooks),
    auth,
    // A queued call waits out a server's pause (429, 503) as long as a retry would wait for it.
    rateLimiter: rateLimit === false ? undefined : createRateLimiter({ ...limitPerWindow({ ...api?.rateLimit, ...rateLimit }), maxPauseMs: (retry || undefined)?.maxTotalMs ?? DEFAULT_MAX_TOTAL_MS, clock }),
    retry: retryPolicy,
  };
}

function limitPerWindow({ requestsPerMinute = 100, windowMs, perSecond }: { requestsPerMinute?: number; windowMs?: number; perSecond?: boolean }): { limit: number; windowMs: number } {
  // Checked here, where their names are known: 0 would make a window of Infinity (every call waits forever), a negative one no limit at all.
  if (typeof requestsPerMinute !== "number" || !(requestsPerMinute > 0) || requestsPerMinute === Infinity)
    throw new RangeError(`createWrikeClient: rateLimit.requestsPerMinute must be a positive number, got ${describeValue(requestsPerMinute)}`);
  if (windowMs !== undefined && (typeof windowMs !== "number" || !(windowMs > 0) || windowMs === Infinity))
    throw new RangeError(`createWrikeClient: rateLimit.windowMs must be a positive number of milliseconds, got ${describeValue(windowMs)}`);
  if (!perSecond || windowMs !== undefined) {
    if (!Number.isInteger(requestsPerMinute)) throw new RangeError(`createWrikeClient: rateLimit.requestsPerMinute must be a whole number of requests per window (a fraction only with perSecond), got ${requestsPerMinute}`);
    return { limit: requestsPerMinute, windowMs: windowMs ?? 60_000 };
  }
  // Under one a second: one request per 60/requestsPerMinute seconds.
  return requestsPerMinute < 60 ? { limit: 1, windowMs: Math.ceil(60_000 / requestsPerMinute) } : { limit: Math.floor(requestsPerMinute / 60), windowMs: 1000 };
}

/**
 * Without a hook that watches the limiter, a wait of LONG_LIMITER_WAIT_MS or more is warned of once per
 * client, so that a run held up by it (a test against an in-memory emulator) does not stall silently.
 */
function withLongWaitWarning(hooks: TransportHooks = {}): TransportHooks {
  if (hooks.rateLimitWait || hooks.rateLimited) return hooks;
  let warned = false;
  return {
    ...hooks,
    rateLimitWait({ method, waitMs }) {
      if (warned || waitMs < LONG_LIMITER_WAIT_MS) return;
      warned = true;
      console.warn(
        `wrikekit: ${method} waits ${(waitMs / 1000).toFixed(1)} s for the client-side rate limiter (the client's \`rateLimit\`). ` +
          "Against an emulator or a test double pass `rateLimit: false` (createTestClient from @wrikekit/emulator does); " +
          "set `hooks.rateLimitWait` or `hooks.rateLimited` to watch waits instead of this warning.",
      );
    },
  };
}
