/**
 * @wrikekit/webhooks: receive Wrike webhooks on the Fetch API. The Node `http`/Express adapter is
 * `@wrikekit/webhooks/node`; request builders for tests are `@wrikekit/webhooks/testing`.
 */
export { createWebhookReceiver, WebhookReceiverError } from "./receiver.js";
export type { WebhookDedupeOptions, WebhookEventContext, WebhookReceiver, WebhookReceiverOptions, WebhookRefusal } from "./receiver.js";
export { decodeWebhookEvent, WebhookPayloadError } from "./events.js";
export type { WebhookEventDecoder, WebhookEventShape } from "./events.js";
// The event types (one interface per type, KnownWebhookEvent, UnknownWebhookEvent, WrikeWebhookEvent), generated from spec/v4.
export type * from "./v4/generated/events.js";
export { isKnownWebhookEvent, isWebhookEventType, wrikeWebhookScheme } from "./v4/generated/events.js";
export { MemoryDedupeStore } from "./dedupe.js";
export type { ClaimResult, DedupeStore, MemoryDedupeStoreOptions } from "./dedupe.js";
export { canonicalJson, contentEventKey } from "./event-key.js";
export type { EventKeyFunction } from "./event-key.js";
export type { WebhookSigningScheme } from "./scheme.js";
