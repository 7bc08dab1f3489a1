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
export * from "../core-exports.js";
export {
  oauth1Auth,
  createMemoryCursorStore,
  WrikeOAuth1FlowError,
  WrikeAsyncKeyMismatchError,
  type PageOptions,
  type OffsetPages,
  type SyncOptions,
  type CursorStore,
  type V2Timestamp,
  type OAuth1Auth,
  type OAuth1Flow,
  type OAuth1FlowOptions,
  type OAuth1TokenPair,
} from "@wrikekit/core";
