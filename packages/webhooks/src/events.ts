/**
 * Webhook events. Wrike posts a JSON array of events; each is an object whose `eventType` names its kind.
 * The types, their validators and the discriminated union are generated from spec/v4/events.yaml
 * (src/v4/generated/events.ts); this module turns the generated decoder's issues into a `WebhookPayloadError`.
 */
import { newContext } from "@wrikekit/core/runtime/decode";
import { decodeWrikeWebhookEvent, type WrikeWebhookEvent } from "./v4/generated/events.js";

/** What every decoder must return: an object with a string `eventType` (any decoded event type satisfies it). */
export interface WebhookEventShape {
  readonly eventType: string;
}

/** Decodes one element of the posted array; throws a `WebhookPayloadError` (or any error) when it is malformed. */
export type WebhookEventDecoder<E extends WebhookEventShape> = (raw: unknown, index: number) => E;

/** A payload that does not decode: a body that is not JSON, not an array of events, or an event missing a field. */
export class WebhookPayloadError extends Error {
  override readonly name = "WebhookPayloadError";
  /** Where in the payload, e.g. `events[2].webhookId`. */
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`webhook payload: ${path} ${problem}`);
    this.path = path;
  }
}

/**
 * The default decoder: each event type of the spec with its fields checked (ids stay opaque strings, never
 * pattern-checked; fields the spec does not list are kept), any other type as an `UnknownWebhookEvent`.
 */
export const decodeWebhookEvent: WebhookEventDecoder<WrikeWebhookEvent> = (raw, index) => {
  const ctx = newContext(false);
  ctx.path.push("events");
  const event = decodeWrikeWebhookEvent(raw, index, ctx);
  const [issue] = ctx.issues;
  if (issue !== undefined) throw new WebhookPayloadError(issue.path, `expected ${issue.expected}, got ${issue.received}`);
  return event;
};
