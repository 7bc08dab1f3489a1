/**
 * @wrikekit/msw/v2: Mock Service Worker 2 handlers for every Wrike API v2 method, generated from the spec.
 *
 *   const server = setupServer(...createWrikeHandlers());
 *   server.use(taskAddHandler({ title: "Renamed" }));          // deep-merged over the reference example
 *   server.use(taskAddHandler(({ args }) => ({ title: args.title })));
 *   server.use(taskAddHandler.error(405));                      // 405 LIMITATION_ERROR, HTTP 403
 *
 * Each handler answers /api/json/v2/<method>, /api/xml/v2/<method> and /api/v2/<method> (XML, the
 * server's default) under the base URL, in the format the URL asks for.
 */
export * from "./generated/handlers.js";
export { deepMerge, type DeepPartial, type ResultValue } from "../documents.js";
export { readWireParams, type ErrorCodeInfo } from "@wrikekit/core/server";
export {
  defaultDownloadBody,
  type ArgumentHandlerOptions,
  type BinaryHandlerFactory,
  type BinaryHandlerOptions,
  type BinaryResolverInfo,
  type DocumentHandlerFactory,
  type DocumentHandlerOptions,
  type DocumentOverride,
  type DownloadContent,
  type HandlerOptions,
  type Resolver,
  type ResolverInfo,
} from "../runtime.js";
