/**
 * The receiver: a Fetch handler `(request) => Promise<Response>`, so it runs wherever Request/Response and
 * WebCrypto exist (Node 20+, Deno, Bun, edge runtimes, serverless functions). For one POST it:
 *   1. answers the verification handshake (scheme.handshake), or
 *   2. verifies the signature over the raw body bytes (401 and nothing processed when it fails),
 *   3. decodes the JSON array of events, all of them before any handler runs (400 and nothing processed),
 *   4. runs the handler once per event, in order, skipping replays (dedupe), and answers 2xx only after every
 *      handler resolved: a failing handler gives a 500 so that Wrike delivers again.
 */
import { type DedupeStore, MemoryDedupeStore } from "./dedupe.js";
import { contentEventKey, type EventKeyFunction } from "./event-key.js";
import { decodeWebhookEvent, type WebhookEventDecoder, type WebhookEventShape, WebhookPayloadError } from "./events.js";
import { createWebhookMac } from "./mac.js";
import type { WebhookSigningScheme } from "./scheme.js";
import { type WrikeWebhookEvent, wrikeWebhookScheme } from "./v4/generated/events.js";

export type WebhookReceiver = (request: Request) => Promise<Response>;

export interface WebhookEventContext {
  /** The event's de-duplication key. */
  readonly key: string;
  /** Its position in the delivered array. */
  readonly index: number;
  readonly request: Request;
}

export interface WebhookDedupeOptions {
  /** Default: a `MemoryDedupeStore` of this receiver. */
  store?: DedupeStore;
  /** How long a handled event's key is kept: replays within it are skipped. Default 24 h. */
  windowMs?: number;
  /** How long an in-flight claim blocks a concurrent delivery of the same event. Default 5 min. */
  leaseMs?: number;
  /** The event key. Default: SHA-256 of the event's canonical JSON (see event-key.ts). */
  key?: EventKeyFunction;
}

export interface WebhookReceiverOptions<E extends WebhookEventShape> {
  /** The `secret` given when the webhook was created. Kept only inside a non-extractable CryptoKey. */
  secret: string;
  /** Runs once per event; the delivery is acknowledged only after it resolves. Throw to have Wrike redeliver. */
  handler: (event: E, context: WebhookEventContext) => unknown;
  /** Decodes one event. Default: `decodeWebhookEvent` (the spec's event types checked, unknown types kept as such). */
  decode?: WebhookEventDecoder<E>;
  /** `false` turns de-duplication off (every delivery runs the handler). */
  dedupe?: WebhookDedupeOptions | false;
  /** Bodies larger than this are refused with 413 before they are read whole. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Told of every refused or failed request (for logs). Its errors never contain the secret. Its own failures are ignored. */
  onError?: (error: WebhookReceiverError) => void;
  /** Default `wrikeWebhookScheme`. */
  scheme?: WebhookSigningScheme;
}

export type WebhookRefusal = "method" | "raw_body_gone" | "too_large" | "signature" | "handshake" | "payload" | "in_flight" | "handler";

/** Why a request was refused or failed. Carries no secret, no header value and no body. */
export class WebhookReceiverError extends Error {
  override readonly name = "WebhookReceiverError";
  readonly reason: WebhookRefusal;
  readonly status: number;
  constructor(reason: WebhookRefusal, status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
    this.status = status;
  }
}

/**
 * Tells the logging hook, which must not change what Wrike is answered: a hook that throws (or an async one
 * that rejects, which would otherwise be an unhandled rejection and end a Node process) is ignored.
 */
function tell(onError: ((error: WebhookReceiverError) => void) | undefined, error: WebhookReceiverError): void {
  try {
    const told: unknown = onError?.(error);
    if (told instanceof Promise) told.catch(() => {});
  } catch {
    // The answer stands; the hook's own failure is the hook's to report.
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
const utf8 = new TextDecoder("utf-8", { fatal: true });

export function createWebhookReceiver<E extends WebhookEventShape = WrikeWebhookEvent>(options: WebhookReceiverOptions<E>): WebhookReceiver {
  if (typeof options.secret !== "string" || options.secret === "") {
    throw new TypeError("createWebhookReceiver: options.secret must be the non-empty secret the webhook was created with");
  }
  if (typeof options.handler !== "function") throw new TypeError("createWebhookReceiver: options.handler must be a function (event, context) => ...");
  const scheme = options.scheme ?? wrikeWebhookScheme;
  const mac = createWebhookMac(options.secret, scheme);
  const decode = options.decode ?? (decodeWebhookEvent as unknown as WebhookEventDecoder<E>);
  const maxBodyBytes = positive("maxBodyBytes", options.maxBodyBytes ?? 1 << 20);
  const dedupe =
    options.dedupe === false
      ? undefined
      : {
          store: options.dedupe?.store ?? new MemoryDedupeStore(),
          windowMs: positive("dedupe.windowMs", options.dedupe?.windowMs ?? DAY_MS),
          leaseMs: positive("dedupe.leaseMs", options.dedupe?.leaseMs ?? 5 * 60 * 1000),
          key: options.dedupe?.key ?? contentEventKey,
        };

  const refuse = (reason: WebhookRefusal, status: number, message: string, cause?: unknown): Response => {
    tell(options.onError, new WebhookReceiverError(reason, status, message, cause === undefined ? undefined : { cause }));
    return json(status, { error: reason, errorDescription: message }, reason === "method" ? { allow: "POST" } : {});
  };

  return async (request) => {
    if (request.method !== "POST") return refuse("method", 405, `webhook requests are POST, not ${request.method}`);
    // A middleware that read the body (Hono's c.req.json(), say) leaves nothing to verify; reading it again would throw a bare TypeError.
    if (request.bodyUsed || request.body?.locked) return refuse("raw_body_gone", 500, "the request body was read before the webhook receiver: pass it the request untouched (no body parsing before it on this route)");
    const body = await readBody(request, maxBodyBytes);
    if (!body) return refuse("too_large", 413, `the body is larger than maxBodyBytes (${maxBodyBytes})`);
    if (isHandshake(body, scheme)) {
      const value = request.headers.get(scheme.handshake.requestHeader);
      if (value === null || !isHandshakeValue(value)) return refuse("handshake", 400, `the handshake's ${scheme.handshake.requestHeader} value is missing or not a verification token`);
      return new Response(null, { status: 200, headers: { [scheme.handshake.answerHeader]: await mac.sign(value) } });
    }
    const signature = request.headers.get(scheme.header);
    if (signature === null) return refuse("signature", 401, `no ${scheme.header} header`);
    if (!(await mac.verify(signature, body))) return refuse("signature", 401, `the ${scheme.header} signature does not match the body`);

    let events: { raw: unknown; event: E }[];
    try {
      events = parseEvents(body).map((raw, index) => ({ raw, event: decode(raw, index) }));
    } catch (error) {
      const message = error instanceof WebhookPayloadError ? error.message : `webhook payload: ${error instanceof Error ? error.message : String(error)}`;
      return refuse("payload", 400, message, error);
    }

    let handled = 0;
    let duplicates = 0;
    for (const [index, { raw, event }] of events.entries()) {
      const key = dedupe ? await dedupe.key(raw) : "";
      if (dedupe) {
        const claim = await dedupe.store.claim(key, dedupe.leaseMs);
        if (claim === "done") {
          duplicates++;
          continue;
        }
        // Often a redelivery after a timeout while the first attempt still runs: answering 2xx here would make
        // Wrike stop retrying, and the event would be lost if that first attempt then failed.
        if (claim === "in-flight") return refuse("in_flight", 409, `events[${index}] (${event.eventType}) is being handled by another delivery; retry later`);
      }
      try {
        await options.handler(event, { key, index, request });
      } catch (error) {
        if (dedupe) await dedupe.store.release(key);
        return refuse("handler", 500, `the handler failed on events[${index}] (${event.eventType})`, error);
      }
      if (dedupe) await dedupe.store.complete(key, dedupe.windowMs);
      handled++;
    }
    return json(200, { received: events.length, handled, duplicates });
  };
}

/** The handshake: a JSON object body (events are an array) whose scheme.handshake.field has its value. */
function isHandshake(body: Uint8Array, scheme: WebhookSigningScheme): boolean {
  try {
    const parsed: unknown = JSON.parse(utf8.decode(body));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) && (parsed as Record<string, unknown>)[scheme.handshake.field] === scheme.handshake.value;
  } catch {
    return false;
  }
}

/**
 * The handshake signs a value the caller chooses, before anything is authenticated. If that value could also be
 * an event body, the answer would be a valid signature for it: anyone could forge events by asking for a
 * "handshake". So only printable ASCII that does not parse as a JSON array (the only body `parseEvents`
 * accepts) is signed.
 */
function isHandshakeValue(value: string): boolean {
  if (!/^[\x21-\x7e]{1,1024}$/.test(value)) return false;
  try {
    return !Array.isArray(JSON.parse(value));
  } catch {
    return true;
  }
}

function parseEvents(body: Uint8Array): unknown[] {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new WebhookPayloadError("body", "is not UTF-8");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new WebhookPayloadError("body", "is not JSON");
  }
  if (!Array.isArray(parsed)) throw new WebhookPayloadError("body", "must be a JSON array of events");
  return parsed;
}

/** The body's bytes as received, or undefined once it passes `limit` (read no further). */
async function readBody(request: Request, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return undefined;
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`createWebhookReceiver: options.${name} must be a positive number of ${name.endsWith("Bytes") ? "bytes" : "milliseconds"} (got ${String(value)})`);
  return value;
}
