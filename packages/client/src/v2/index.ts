/**
 * @wrikekit/client/v2: the Wrike API v2, typed end to end (also the package's main entry, for now).
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
export { wrikeV2Api, errorCodes, rateLimit, oauth1Endpoints, rules } from "./generated/api.js";
export {
  createTransport,
  oauth1Auth,
  oauth2Auth,
  createOAuth1Flow,
  authorizationUrl,
  exchangeCode,
  createOAuth2Session,
  createMemoryTokenStore,
  createRateLimiter,
  createRetryPolicy,
  systemClock,
  createMemoryCursorStore,
  WrikeOAuth1FlowError,
  WrikeAuthError,
  WrikeError,
  WrikeApiError,
  WrikeTransportError,
  WrikeDecodeError,
  WrikeValidationError,
  WrikeAsyncKeyMismatchError,
  type Issue,
  type CallOptions,
  type Download,
  type TransportOptions,
  type WrikeTransport,
  type OAuth1Auth,
  type OAuth2Auth,
  type BearerAuth,
  type Auth,
  type Authorizer,
  type ClientOptions,
  type OAuth1Flow,
  type OAuth1TokenPair,
  type OAuth2Client,
  type OAuth2Session,
  type TokenSet,
  type TokenStore,
  type TransportHooks,
  type RetryOptions,
} from "@wrikekit/core";
