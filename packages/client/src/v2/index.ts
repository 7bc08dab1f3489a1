/**
 * @wrikekit/client/v2: the retired Wrike API v2, typed end to end (the main entry is v4).
 *
 *   const wrike = createWrikeClient({ auth: { kind: "oauth1", consumerKey, consumerSecret, token, tokenSecret } });
 *   const task = await wrike.task.add({ title: "Write the report", parents: [folderId] });
 *
 * Every method is also a standalone function (`taskAdd(transport, args)`) for bundles that import only
 * what they use.
 */
export * from "./generated/types.js";
export * from "./generated/methods.js";
export { createWrikeClient, type WrikeClient } from "./generated/client.js";
export { wrikeV2Api, errorCodes, rateLimit, oauth1Endpoints, rules, type ErrorCode, type ErrorName } from "./generated/api.js";
export { createOAuth1Flow, WrikeApiError } from "./auth-and-errors.js";
export {
  createTransport,
  oauth1Auth,
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
  createMemoryCursorStore,
  WrikeOAuth1FlowError,
  WrikeAuthError,
  WrikeError,
  WrikeTransportError,
  WrikeDecodeError,
  WrikeValidationError,
  WrikeAsyncKeyMismatchError,
  toDate,
  type Issue,
  type CallOptions,
  type Download,
  type PageOptions,
  type OffsetPages,
  type SyncOptions,
  type CursorStore,
  type V2Timestamp,
  type LocalDateTime,
  type DateOnly,
  type TransportOptions,
  type TransportAuth,
  type WrikeTransport,
  type OAuth1Auth,
  type OAuth2Auth,
  type BearerAuth,
  type Auth,
  type Authorizer,
  type ClientOptions,
  type OAuth1Flow,
  type OAuth1FlowOptions,
  type OAuth1TokenPair,
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
