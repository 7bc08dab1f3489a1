/**
 * Webhook delivery as Wrike does it: real HTTP POSTs of a JSON array of events to each hook's hookUrl, signed
 * with its secret (the scheme of @wrikekit/webhooks, generated from the spec), one request per write operation
 * and hook, in order per hook (the next waits for the one before). A failed attempt (no answer, a timeout, a
 * status that is not 2xx) is retried with exponential back-off; a delivery that fails `maxAttempts` times
 * suspends its hook (status Suspended): nothing more is sent until PUT /webhooks/{id} status=Active.
 * Redirects are not followed (a 3xx is a failed attempt): following one would post signed events, or verify the
 * hook, at a URL that never passed the hookUrl check (https, or http on loopback).
 */
import { handshakeRequest, isHandshakeAnswered, signWebhookRequest } from "@wrikekit/webhooks/testing";
import type { V4Call } from "../engine/call.js";
import type { Change } from "../engine/changes.js";
import { V4Error } from "../engine/errors.js";
import type { V4State, WebhookRecord } from "../engine/state.js";
import type { WebhookHost } from "../engine/webhooks.js";
import { utcTimestamp } from "../engine/time.js";
import { eventsOf, foldersOf, type EventBody } from "./events.js";

export interface WebhookDeliveryOptions {
  /** Sends the requests (default: the global fetch). */
  fetch?: typeof fetch;
  /** The wait before the first retry, doubled for each one after. Default 1000 ms. */
  initialBackoffMs?: number;
  /** Attempts of one delivery before its hook is suspended. Default 5. */
  maxAttempts?: number;
  /** How long one attempt (and the handshake) may take. Default 10 000 ms. */
  timeoutMs?: number;
}

/** What happened to one delivery, for tests and logs (never the secret nor a signature). */
export interface DeliveryRecord {
  webhookId: string;
  eventTypes: string[];
  /** Attempts made; `delivered` false with attempts at maxAttempts means the hook was suspended. */
  attempts: number;
  delivered: boolean;
}

export interface WebhookDelivery extends WebhookHost {
  /** Resolves once every queued delivery has been delivered, dropped or given up (then its hook is suspended). */
  idle(): Promise<void>;
  /** Every delivery finished so far, in the order they finished. */
  readonly log: readonly DeliveryRecord[];
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`webhooks.${name} must be a positive number (got ${String(value)})`);
  return value;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createWebhookDelivery(state: V4State, options: WebhookDeliveryOptions = {}): WebhookDelivery {
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const initialBackoffMs = positive("initialBackoffMs", options.initialBackoffMs ?? 1000);
  const maxAttempts = positive("maxAttempts", options.maxAttempts ?? 5);
  const timeoutMs = positive("timeoutMs", options.timeoutMs ?? 10_000);
  /** Per hook, the end of its queue: a delivery starts when the one before it is done. */
  const queues = new Map<string, Promise<void>>();
  const log: DeliveryRecord[] = [];

  const request = (hook: WebhookRecord, body: string): Promise<Request> =>
    hook.secret === undefined
      ? Promise.resolve(new Request(hook.hookUrl, { method: "POST", headers: { "content-type": "application/json" }, body }))
      : signWebhookRequest({ secret: hook.secret, url: hook.hookUrl, body });

  const post = (request: Request) => send(request, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });

  async function attempt(hook: WebhookRecord, body: string): Promise<boolean> {
    try {
      const response = await post(await request(hook, body));
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  }

  async function deliver(hook: WebhookRecord, events: Record<string, unknown>[]): Promise<void> {
    const record: DeliveryRecord = { webhookId: hook.id, eventTypes: events.map((e) => String(e.eventType)), attempts: 0, delivered: false };
    const body = JSON.stringify(events);
    // A hook suspended or deleted while this waited in its queue gets nothing more.
    while (state.webhooks.get(hook.id)?.status === "Active" && record.attempts < maxAttempts) {
      if (record.attempts > 0) await sleep(initialBackoffMs * 2 ** (record.attempts - 1));
      record.attempts++;
      if (await attempt(hook, body)) {
        record.delivered = true;
        break;
      }
    }
    if (!record.delivered && record.attempts >= maxAttempts) hook.status = "Suspended";
    log.push(record);
  }

  function enqueue(hook: WebhookRecord, events: Record<string, unknown>[]): void {
    const next = (queues.get(hook.id) ?? Promise.resolve()).then(() => deliver(hook, events));
    queues.set(hook.id, next);
    void next.finally(() => {
      if (queues.get(hook.id) === next) queues.delete(hook.id);
    });
  }

  /** Whether the hook watches where the change happened: the account, its folder, or (recursive, or a space) below it. */
  function sees(hook: WebhookRecord, folders: readonly string[]): boolean {
    const root = hook.folderId ?? hook.spaceId;
    if (root === undefined) return true;
    if (!(hook.recursive || hook.spaceId !== undefined)) return folders.includes(root);
    const seen = new Set<string>();
    const below = (id: string): boolean => {
      if (id === root) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return (state.folders.get(id)?.parentIds ?? []).some(below);
    };
    return folders.some(below);
  }

  return {
    log,
    async verify(hook) {
      const hello = handshakeRequest({ url: hook.hookUrl });
      const answered = await post(hello.clone())
        .then((response) => isHandshakeAnswered({ secret: hook.secret!, request: hello, response }))
        .catch(() => false);
      if (!answered) throw new V4Error(400, "invalid_request", `hookUrl ${hook.hookUrl} did not answer the webhook verification handshake with the secret's signature; no webhook was created`);
    },
    publish(changes: readonly Change[], call: V4Call) {
      const active = [...state.webhooks.values()].filter((hook) => hook.status === "Active");
      if (active.length === 0) return;
      const happened = changes.map((change) => ({ events: eventsOf(state, change), folders: foldersOf(state, change) }));
      const envelope = { eventAuthorId: call.caller.user.uid, lastUpdatedDate: utcTimestamp(call.at) };
      for (const hook of active) {
        const wanted = (e: EventBody) => hook.events.length === 0 || hook.events.includes(e.eventType);
        const events = happened.flatMap(({ events, folders }) => (sees(hook, folders) ? events.filter(wanted) : []));
        if (events.length > 0) enqueue(hook, events.map((e) => ({ webhookId: hook.id, ...envelope, ...e })));
      }
    },
    async idle() {
      while (queues.size > 0) await Promise.all(queues.values());
    },
  };
}
