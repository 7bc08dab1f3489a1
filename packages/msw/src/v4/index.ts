/**
 * Mock Service Worker 2 handlers for every Wrike API v4 operation, generated from the spec; the package's
 * main entry (`@wrikekit/msw`). v2 is at `@wrikekit/msw/v2`.
 *
 *   const server = setupServer(...createWrikeHandlers());
 *   server.use(tasksGetHandler({ data: [{ title: "Renamed" }] }));        // merged over the default task
 *   server.use(tasksCreateInFolderHandler(({ args }) => ({ data: [{ title: args.title }] })));
 *   server.use(tasksGetHandler.error(404, "resource_not_found"));        // the v4 error envelope, HTTP 404
 *
 * Each handler answers its operation's verb and path under the base URL (https://www.wrike.com/api/v4/...).
 */
export * from "./generated/handlers.js";
export { deepMerge, type DeepPartial, type ResultValue } from "../documents.js";
export { defaultDownloadBody, type DownloadContent } from "../download.js";
export type {
  EnvelopeOverride,
  ErrorNames,
  RestArgumentHandlerOptions as ArgumentHandlerOptions,
  RestDocumentHandlerFactory as DocumentHandlerFactory,
  RestDocumentHandlerOptions as DocumentHandlerOptions,
  RestDownloadHandlerFactory as DownloadHandlerFactory,
  RestDownloadHandlerOptions as DownloadHandlerOptions,
  RestDownloadResolverInfo as DownloadResolverInfo,
  RestHandlerOptions as HandlerOptions,
  RestResolver as Resolver,
  RestResolverInfo as ResolverInfo,
} from "../rest-runtime.js";
// Webhook deliveries for a receiver's tests: a signed event request and the verification handshake, as Wrike sends them.
export { handshakeRequest, isHandshakeAnswered, signWebhookRequest, type HandshakeRequestOptions, type SignWebhookRequestOptions } from "@wrikekit/webhooks/testing";
