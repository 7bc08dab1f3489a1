/**
 * @wrikekit/emulator: a stateful, in-memory Wrike API v2 for tests and demos.
 *
 *   const emulator = createEmulator();
 *   const wrike = createTestClient(emulator); // in-process fetch, no rate limit, no retries
 *
 * This entry point uses web platform APIs only; the Node HTTP server is @wrikekit/emulator/server.
 */
export { createTestClient, createV4TestClient, type TestClientOptions } from "./test-client.js";
export { createEmulator, type AddAttachmentInput, type AddV4TaskInput, type Emulator, type EmulatorOptions } from "./emulator.js";
export type { V4State } from "./v4/engine/state.js";
export type { DeliveryRecord, WebhookDeliveryOptions } from "./v4/webhooks/delivery.js";
export type { EmulatorCredentials, TokenCredentials } from "./credentials.js";
export * from "./engine/index.js";
