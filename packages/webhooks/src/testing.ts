/**
 * Requests as Wrike sends them, for testing a receiver (yours or this package's): a signed event delivery and
 * the verification handshake. They read the same `wrikeWebhookScheme` the receiver verifies against.
 */
import { toHex } from "./hex.js";
import { createWebhookMac } from "./mac.js";
import type { WebhookSigningScheme } from "./scheme.js";
import { wrikeWebhookScheme } from "./v4/generated/events.js";

export interface SignWebhookRequestOptions {
  secret: string;
  /** The events to post (serialised with JSON.stringify), or `body` for exact bytes. */
  events?: readonly unknown[];
  /** The raw body, signed as is (takes precedence over `events`): to test bytes JSON.stringify would not produce. */
  body?: string | Uint8Array;
  url: string | URL;
  headers?: Record<string, string>;
  scheme?: WebhookSigningScheme;
}

/** A POST of `events` (or `body`) to `url`, carrying the signature Wrike would send. */
export async function signWebhookRequest(options: SignWebhookRequestOptions): Promise<Request> {
  const scheme = options.scheme ?? wrikeWebhookScheme;
  const body = options.body ?? JSON.stringify(options.events ?? []);
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const signature = await createWebhookMac(options.secret, scheme).sign(bytes);
  return new Request(options.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers, [scheme.header]: signature },
    body: bytes as BodyInit,
  });
}

export interface HandshakeRequestOptions {
  url: string | URL;
  /** The value to be signed back. Default: 64 random hex characters. */
  value?: string;
  scheme?: WebhookSigningScheme;
}

/** The verification request Wrike sends when a webhook with a secret is created. */
export function handshakeRequest(options: HandshakeRequestOptions): Request {
  const scheme = options.scheme ?? wrikeWebhookScheme;
  const value = options.value ?? toHex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
  return new Request(options.url, {
    method: "POST",
    headers: { "content-type": "application/json", [scheme.handshake.requestHeader]: value },
    body: JSON.stringify({ [scheme.handshake.field]: scheme.handshake.value }),
  });
}

/** Whether `response` answers the handshake `request` correctly for `secret` (what Wrike checks). */
export async function isHandshakeAnswered(options: { secret: string; request: Request; response: Response; scheme?: WebhookSigningScheme }): Promise<boolean> {
  const scheme = options.scheme ?? wrikeWebhookScheme;
  const value = options.request.headers.get(scheme.handshake.requestHeader);
  const answer = options.response.headers.get(scheme.handshake.answerHeader);
  if (value === null || answer === null || !options.response.ok) return false;
  return createWebhookMac(options.secret, scheme).verify(answer, new TextEncoder().encode(value));
}
