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
 *
 * An answer holding text XML 1.0 cannot carry (U+0001, U+FFFE, a lone surrogate: from an override, a
 * resolver or an echoed asyncKey) is answered in XML as 407 APPLICATION_ERROR naming the element, never as a
 * malformed document; in JSON it is answered as given.
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
