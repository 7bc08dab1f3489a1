/**
 * @wrikekit/webhooks: receive Wrike webhooks on the Fetch API. The Node `http`/Express adapter is
 * `@wrikekit/webhooks/node`; request builders for tests are `@wrikekit/webhooks/testing`.
 */
export { createWebhookReceiver, WebhookReceiverError } from "./receiver.js";
export type { WebhookDedupeOptions, WebhookEventContext, WebhookReceiver, WebhookReceiverOptions, WebhookRefusal } from "./receiver.js";
export { decodeWebhookEnvelope, WebhookPayloadError } from "./events.js";
export type { UnknownWebhookEvent, WebhookEventDecoder, WebhookEventEnvelope } from "./events.js";
export { MemoryDedupeStore } from "./dedupe.js";
export type { ClaimResult, DedupeStore, MemoryDedupeStoreOptions } from "./dedupe.js";
export { canonicalJson, contentEventKey } from "./event-key.js";
export type { EventKeyFunction } from "./event-key.js";
export { wrikeWebhookScheme } from "./scheme.js";
export type { WebhookSigningScheme } from "./scheme.js";
