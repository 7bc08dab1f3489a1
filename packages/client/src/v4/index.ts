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
export * from "../core-exports.js";
export {
  type PagePromise,
  type TokenPaging,
  type WithResponse,
  type WaitForJobOptions,
  type UtcTimestamp,
  type UploadBody,
} from "@wrikekit/core";
