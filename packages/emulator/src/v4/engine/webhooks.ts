/**
 * Webhook subscriptions: created on the account, a folder or a space, listed, suspended or resumed, deleted.
 * Creating one with a secret first runs the verification handshake against its hookUrl (WebhookHost.verify):
 * a hookUrl that does not answer it is refused, and nothing is created.
 */
import { secureUrl } from "@wrikekit/core";
import { callerId, requireFullUser, visibleFolder, type V4Call } from "./call.js";
import type { Change } from "./changes.js";
import { invalidParameter, notFound, V4Error } from "./errors.js";
import { visibleSpace } from "./folders.js";
import { newId, type WebhookRecord, type WebhookStatus } from "./state.js";

/** What the engine needs of webhook delivery (v4/webhooks/delivery.ts). */
export interface WebhookHost {
  /** Resolves when `hook.hookUrl` answered the handshake for `hook.secret`; rejects (a V4Error) otherwise. */
  verify(hook: WebhookRecord): Promise<void>;
  /** A write operation's changes, made by the caller of `call`: queued to every hook that sees them. */
  publish(changes: readonly Change[], call: V4Call): void;
}

export interface WebhookCreateArgs {
  folderId?: string;
  spaceId?: string;
  hookUrl?: string;
  secret?: string;
  events?: readonly string[];
  recursive?: boolean;
}

function hookUrlOf(text: string | undefined): string {
  if (text === undefined || text === "") throw new V4Error(400, "parameter_required", "Missing required parameter: hookUrl");
  let url: URL;
  try {
    url = secureUrl(text, "hookUrl");
  } catch (error) {
    throw invalidParameter("hookUrl", (error as Error).message);
  }
  // fetch cannot send to such a URL (no delivery would ever arrive), and the hook's view would show the password.
  if (url.username !== "" || url.password !== "") throw invalidParameter("hookUrl", `must not carry a user name or password: ${url.origin}${url.pathname}`);
  return url.href;
}

export async function createWebhook(call: V4Call, args: WebhookCreateArgs, host: WebhookHost): Promise<WebhookRecord> {
  requireFullUser(call, "create webhooks");
  if (args.folderId !== undefined) visibleFolder(call, args.folderId);
  if (args.spaceId !== undefined) visibleSpace(call, args.spaceId);
  const hook: WebhookRecord = {
    id: newId(call.state, "webhook"),
    authorId: callerId(call),
    folderId: args.folderId,
    spaceId: args.spaceId,
    hookUrl: hookUrlOf(args.hookUrl),
    secret: args.secret === "" ? undefined : args.secret,
    // The shared argument reader read `[TaskCreated,CommentAdded]` and refused unknown types, naming events[i].
    events: [...(args.events ?? [])],
    recursive: args.recursive ?? false,
    status: "Active",
  };
  if (hook.secret !== undefined) await host.verify(hook);
  call.state.webhooks.set(hook.id, hook);
  return hook;
}

export function listWebhooks(call: V4Call): WebhookRecord[] {
  return [...call.state.webhooks.values()];
}

export function getWebhook(call: V4Call, id: string): WebhookRecord {
  const hook = call.state.webhooks.get(id);
  if (hook === undefined) throw notFound("Webhook", id);
  return hook;
}

/** Suspended stops delivery; Active resumes it (with what changes from then on). */
export function setWebhookStatus(call: V4Call, id: string, status: WebhookStatus | undefined): WebhookRecord {
  const hook = getWebhook(call, id);
  if (status !== undefined) hook.status = status;
  return hook;
}

export function deleteWebhook(call: V4Call, id: string): WebhookRecord {
  const hook = getWebhook(call, id);
  call.state.webhooks.delete(id);
  return hook;
}
