/**
 * Webhook events. Wrike posts a JSON array of events; each is an object whose `eventType` names its kind.
 *
 * The per-type events (fields, validators, the discriminated union) will be generated from spec/v4. Until then
 * the receiver takes the decoder as a parameter (`decode`), and this module ships only the default: it checks the
 * envelope fields common to all events and passes every other field through untouched. No event type is
 * dropped: a type the decoder does not know is an `UnknownWebhookEvent`.
 */

/** Any event: its type and whatever else Wrike sent, untouched. */
export interface UnknownWebhookEvent {
  readonly eventType: string;
  readonly [field: string]: unknown;
}

/** The fields every Wrike event carries, checked by the default decoder; all other fields pass through. */
export interface WebhookEventEnvelope extends UnknownWebhookEvent {
  readonly webhookId: string;
  readonly eventType: string;
  /** `yyyy-MM-dd'T'HH:mm:ss'Z'`, as Wrike sends it (not converted, so nothing is lost). */
  readonly lastUpdatedDate: string;
  readonly eventAuthorId?: string;
  readonly taskId?: string;
  readonly folderId?: string;
  readonly commentId?: string;
  readonly attachmentId?: string;
  readonly timelogId?: string;
  readonly approvalId?: string;
  readonly customFieldId?: string;
}

/** Decodes one element of the posted array; throws a `WebhookPayloadError` (or any error) when it is malformed. */
export type WebhookEventDecoder<E extends UnknownWebhookEvent> = (raw: unknown, index: number) => E;

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

const requiredStrings = ["eventType", "webhookId", "lastUpdatedDate"] as const;
const optionalStrings = ["eventAuthorId", "taskId", "folderId", "commentId", "attachmentId", "timelogId", "approvalId", "customFieldId"] as const;

/** The default decoder: checks the envelope (ids stay opaque strings, never pattern-checked) and keeps every field. */
export const decodeWebhookEnvelope: WebhookEventDecoder<WebhookEventEnvelope> = (raw, index) => {
  const at = `events[${index}]`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new WebhookPayloadError(at, "must be a JSON object");
  const record = raw as Record<string, unknown>;
  for (const field of requiredStrings) {
    const value = record[field];
    if (typeof value !== "string" || value === "") throw new WebhookPayloadError(`${at}.${field}`, `must be a non-empty string (got ${describe(value)})`);
  }
  for (const field of optionalStrings) {
    const value = record[field];
    if (value !== undefined && typeof value !== "string") throw new WebhookPayloadError(`${at}.${field}`, `must be a string when present (got ${describe(value)})`);
  }
  return record as WebhookEventEnvelope;
};

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}
