/**
 * The Wrike API v4 (REST), typed end to end: the API real accounts answer, and the package's main entry
 * (`@wrikekit/client`). v2 is at `@wrikekit/client/v2`.
 *
 *   const wrike = createWrikeClient({ auth: { kind: "bearer", token } });
 *   for await (const task of wrike.tasks.list({ status: ["Active"] })) console.log(task.title);
 *
 * Every method is also a standalone function (`tasksList(transport, args)`) for bundles that import only
 * what they use.
 */
export * from "./generated/types.js";
export * from "./generated/methods.js";
export { createWrikeClient, type WrikeClient } from "./generated/client.js";
export { wrikeV4Api, errorStatuses, rateLimit, oauth2Endpoints, rules, type ErrorName, type ErrorCode } from "./generated/api.js";
export { WrikeApiError } from "./errors.js";
export {
  createTransport,
  oauth2Auth,
  authorizationUrl,
  exchangeCode,
  createOAuth2Session,
  refreshTokens,
  createMemoryTokenStore,
  createRateLimiter,
  createRetryPolicy,
  systemClock,
  createManualClock,
  toDate,
  WrikeAuthError,
  WrikeError,
  WrikeTransportError,
  WrikeDecodeError,
  WrikeValidationError,
  type Issue,
  type CallOptions,
  type Download,
  type PagePromise,
  type TokenPaging,
  type WithResponse,
  type WaitForJobOptions,
  type UtcTimestamp,
  type LocalDateTime,
  type DateOnly,
  type UploadBody,
  type TransportOptions,
  type TransportAuth,
  type WrikeTransport,
  type OAuth2Auth,
  type BearerAuth,
  type Auth,
  type Authorizer,
  type ClientOptions,
  type OAuth2Client,
  type OAuth2Session,
  type OAuth2SessionOptions,
  type TokenSet,
  type TokenStore,
  type TransportHooks,
  type RequestEvent,
  type ResponseEvent,
  type RetryEvent,
  type RateLimitedEvent,
  type RateLimitWaitEvent,
  type RetryOptions,
  type RateLimiter,
  type RetryPolicy,
  type Clock,
  type ManualClock,
} from "@wrikekit/core";
