/**
 * @wrikekit/emulator: a stateful, in-memory Wrike API v2 for tests and demos.
 *
 *   const emulator = createEmulator();
 *   const { consumerKey, consumerSecret, user } = emulator.credentials;
 *   const wrike = createWrikeClient({
 *     baseUrl: "http://localhost",
 *     auth: { kind: "oauth1", consumerKey, consumerSecret, token: user.token, tokenSecret: user.tokenSecret },
 *     fetch: (input, init) => emulator.handle(new Request(input, init)),
 *   });
 *
 * This entry point uses web platform APIs only; the Node HTTP server is @wrikekit/emulator/server.
 */
export { createEmulator, type AddAttachmentInput, type AddV4TaskInput, type Emulator, type EmulatorOptions } from "./emulator.js";
export type { V4State } from "./v4/engine/state.js";
export type { DeliveryRecord, WebhookDeliveryOptions } from "./v4/webhooks/delivery.js";
export type { EmulatorCredentials, TokenCredentials } from "./credentials.js";
export * from "./engine/index.js";
