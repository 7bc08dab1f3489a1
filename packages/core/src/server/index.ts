/**
 * @wrikekit/core/server: what a server or a mock of the API does with the spec, written once for the
 * MSW handlers and the emulator: match routes from the ApiDescriptor, read a request's wire arguments
 * (query and form body merged), apply the echo rule, and write result documents and the error envelope
 * in JSON and XML. The generated `<api>ServerApi` (from `@wrikekit/client/server`) brings the data.
 */
export type { ErrorCodeInfo, ServerApi } from "./api.js";
export type { ApiDescriptor, ErrorEnvelope, MethodDescriptor, ResponseFormat } from "../descriptors.js";
export { compileRoute, type Route, type RouteOptions } from "./routes.js";
export { readRequestParams, readWireParams, MalformedBodyError, type RequestParams } from "./params.js";
export { applyEcho, echoedValue } from "./echo.js";
export { CONTENT_TYPES, documentResponse, errorResponse, resultDocument } from "./envelope.js";
export { escapeXml, XmlWriteError } from "../xml/writer.js";
export { findUnwritableChar, UNWRITABLE_CHARS, type UnwritableChar } from "../xml/chars.js";
export { findUnwritableArgument, type UnwritableArgument } from "./unwritable-args.js";
export type { RestAnswer, RestApi, RestArgument, RestEnums, RestField, RestModels, RestOperation, RestType } from "./rest-table.js";
export { restAnswer } from "./rest-answer.js";
export { readRestArgs, type RestArgsResult, type RestRequestParts, type RestSchema } from "./rest-args.js";
export { jsonObjectParams, restBodyParams } from "./rest-body.js";
export { createRestRouter, requestVerb, type RestMatch, type RestRouter } from "./rest-routes.js";
