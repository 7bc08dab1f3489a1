/**
 * @wrikekit/core: what an application uses. The OAuth 1.0a signer and verifier are behind
 * `@wrikekit/core/oauth1`, the XML parser behind `@wrikekit/core/xml`, so bundles that do not use them
 * leave them out; `@wrikekit/core/server` is for servers and mocks of the API, `@wrikekit/core/runtime`
 * for generated code only.
 */
export * from "./errors.js";
export type { ApiDescriptor, MethodDescriptor, ResponseFormat, ErrorEnvelope } from "./descriptors.js";
export { createTransport } from "./transport/transport.js";
export { apiBase, checkBaseUrl, secureUrl } from "./base-url.js";
export type { CallOptions, TransportOptions, WrikeTransport, XmlSupport } from "./transport/options.js";
export { download, type Download } from "./download.js";
export { redactText } from "./redact.js";
export { toDate, type UtcTimestamp, type LocalDateTime, type DateOnly, type V2Timestamp } from "./dates.js";
export type { UploadBody } from "./runtime/encode.js";
export type { Authorizer, AuthorizeRequest, BearerAuth, TransportAuth } from "./auth.js";
export { oauth1Auth, type OAuth1Auth } from "./oauth1/auth.js";
export { createOAuth1Flow, WrikeOAuth1FlowError, type OAuth1Flow, type OAuth1FlowOptions, type OAuth1TokenPair } from "./oauth1/flow.js";
export type { SignatureMethod } from "./oauth1/sign.js";
export { oauth2Auth, type OAuth2Auth } from "./oauth2/auth.js";
export * from "./oauth2/index.js";
export { resolveAuth, resolveClientOptions, type Auth, type ClientOptions } from "./client-options.js";
export type { TransportHooks, RequestEvent, ResponseEvent, RetryEvent, RateLimitedEvent, RateLimitWaitEvent } from "./hooks.js";
export { systemClock, createManualClock, type Clock, type ManualClock } from "./resilience/clock.js";
export { createRateLimiter, type RateLimiter, type RateLimiterOptions } from "./resilience/rate-limiter.js";
export { backoffDelay, createRetryPolicy, failureKind, parseRetryAfter, shouldRetry, type RetryOptions, type RetryPolicy, type FailureKind } from "./resilience/retry.js";
export { paginateByOffset, type OffsetPages, type OffsetPaging, type PageOptions } from "./paging.js";
export { pagePromise, type PagePromise, type TokenPaging } from "./rest/page-promise.js";
export { callSplit, callSplitInOrder, type SplitList } from "./rest/split.js";
export { waitForJob, type JobPolling, type WaitForJobOptions } from "./rest/jobs.js";
export { withResponse, type WithResponse } from "./rest/with-response.js";
export { syncOnce, createMemoryCursorStore, type CursorStore, type Incremental, type SyncOptions } from "./sync.js";
export { createMemoryStore, type Store } from "./store.js";
