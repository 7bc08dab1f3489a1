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
export { wrikeV4Api, errorStatuses, rateLimit, oauth2Endpoints, rules, type ErrorName } from "./generated/api.js";
export {
  createTransport,
  oauth2Auth,
  authorizationUrl,
  exchangeCode,
  createOAuth2Session,
  createMemoryTokenStore,
  createRateLimiter,
  createRetryPolicy,
  systemClock,
  createManualClock,
  toDate,
  WrikeAuthError,
  WrikeError,
  WrikeApiError,
  WrikeTransportError,
  WrikeDecodeError,
  WrikeValidationError,
  type Issue,
  type CallOptions,
  type Download,
  type PagePromise,
  type WithResponse,
  type WaitForJobOptions,
  type UtcTimestamp,
  type LocalDateTime,
  type DateOnly,
  type UploadBody,
  type TransportOptions,
  type WrikeTransport,
  type OAuth2Auth,
  type BearerAuth,
  type Auth,
  type Authorizer,
  type ClientOptions,
  type OAuth2Client,
  type OAuth2Session,
  type TokenSet,
  type TokenStore,
  type TransportHooks,
  type RetryOptions,
} from "@wrikekit/core";
