/**
 * createEmulator: an in-memory Wrike behind a Fetch API handler. It uses web platform APIs only, so it
 * runs in Node, in Deno, and inside Mock Service Worker in a browser.
 */
import type { Attachment } from "@wrikekit/client/v2";
import { addAttachment, type NewAttachment } from "./engine/attachments.js";
import { EmulatorError } from "./engine/errors.js";
import { loadState, saveState } from "./engine/persist.js";
import { SEED_CREDENTIALS, seedState } from "./engine/seed.js";
import type { State } from "./engine/state.js";
import { credentialsOf, type EmulatorCredentials } from "./credentials.js";
import { handleApiCall, matchApiRoute } from "./http/api.js";
import type { HandlerContext } from "./http/context.js";
import { handleAttachmentUpload } from "./http/control.js";
import { accessToken, authorize, requestToken } from "./http/oauth-flow.js";
import { oauth2Authorize, oauth2Token } from "./http/oauth2.js";
import { textResponse } from "./http/respond.js";
import { loadV4State, saveV4State, type SavedV4State } from "./v4/engine/persist.js";
import { seedV4State } from "./v4/engine/seed.js";
import type { TaskRecord as V4TaskRecord, V4State } from "./v4/engine/state.js";
import { createTask as createV4Task, type TaskCreateArgs as V4TaskInput } from "./v4/engine/tasks.js";
import { createV4Handler } from "./v4/http/handler.js";
import type { RateLimitOption } from "./v4/http/rate-budget.js";
import { createWebhookDelivery, type WebhookDelivery, type WebhookDeliveryOptions } from "./v4/webhooks/delivery.js";

export interface EmulatorOptions {
  /** The clock, in milliseconds since the epoch (default Date.now). Dates, tLast and the OAuth timestamp window follow it. */
  now?: () => number;
  /** A state saved by save() to start from, instead of the seed. */
  state?: string;
  /** Approve request tokens at once as the seeded user (default true); false shows an approval page. */
  autoApprove?: boolean;
  /** v4: requests one token may start per second before it gets 429 (default 100); false: no budget. */
  v4RateLimit?: RateLimitOption;
  /** v4 webhooks: how deliveries are sent, retried and given up (tests shorten the back-off). */
  webhooks?: WebhookDeliveryOptions;
}

export interface AddV4TaskInput extends V4TaskInput {
  /** UID of the author (default: the seeded regular user, the account owner). */
  asUser?: string;
}

export interface AddAttachmentInput extends NewAttachment {
  /** UID of the uploader (default: the seeded regular user). */
  asUser?: string;
}

export interface Emulator {
  /** Serves one request: the API, the OAuth flow, and the control routes. */
  handle(request: Request): Promise<Response>;
  /** The live state; tests may read it, and change it at their own risk. */
  readonly state: State;
  /** The live v4 world (REST API v4 at /api/v4), built on the same users and tokens. */
  readonly v4: V4State;
  readonly credentials: EmulatorCredentials;
  /** The emulator's clock. */
  now(): number;
  /** Uploads a file to a task (a new version when the task already has a file of that name). */
  addAttachment(input: AddAttachmentInput): Attachment;
  /** v4: creates a task with every rule of POST /folders/{folderId}/tasks, without a request (seeding tests and benchmarks). */
  addV4Task(input: AddV4TaskInput): V4TaskRecord;
  /** v4 webhook delivery: `await emulator.webhooks.idle()` waits until every queued event was delivered or given up. */
  readonly webhooks: Pick<WebhookDelivery, "idle" | "log">;
  /** The whole state as JSON (v2, and the v4 world under `v4`), for the state option or a --state file. */
  save(): string;
}

const OAUTH_ROUTES: Record<string, (ctx: HandlerContext, request: Request) => Promise<Response>> = {
  "/rest/auth/request_token": requestToken,
  "/rest/auth/authorize": authorize,
  "/rest/auth/access_token": accessToken,
  "/oauth2/authorize": oauth2Authorize,
  "/oauth2/authorize/v4": oauth2Authorize,
  "/oauth2/token": oauth2Token,
};

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const now = options.now ?? Date.now;
  const state = options.state === undefined ? seedState(now()) : loadState(options.state);
  // A state saved before the emulator served v4 has no v4 member: the v4 world is seeded from its v2 part.
  const savedV4 = options.state === undefined ? undefined : (JSON.parse(options.state) as { v4?: SavedV4State }).v4;
  const ctx: HandlerContext = { state, now, autoApprove: options.autoApprove ?? true };
  const v4 = savedV4 === undefined ? seedV4State(state, now()) : loadV4State(state, savedV4);
  const webhooks = createWebhookDelivery(v4, options.webhooks);
  const v4Api = createV4Handler({ state: v4, now, webhooks, ...(options.v4RateLimit === undefined ? {} : { rateLimit: options.v4RateLimit }) });

  async function handle(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (v4Api.owns(pathname)) return v4Api.handle(request);
    const api = matchApiRoute(pathname);
    if (api !== undefined) return handleApiCall(ctx, request, api);
    const oauth = OAUTH_ROUTES[pathname];
    if (oauth !== undefined) {
      return request.method === "GET" || request.method === "POST" ? oauth(ctx, request) : textResponse(405, "Use GET or POST", { allow: "GET, POST" });
    }
    if (pathname === "/emulator/attachments") return handleAttachmentUpload(ctx, request);
    return textResponse(404, `Nothing at ${pathname}`);
  }

  return {
    handle,
    state,
    v4,
    credentials: credentialsOf(state),
    now,
    webhooks,
    addAttachment({ asUser = SEED_CREDENTIALS.user.uid, ...input }) {
      const user = state.users.get(asUser);
      if (user === undefined) throw new EmulatorError(407, `Invalid argument asUser: no user has the uid ${JSON.stringify(asUser)}`);
      return addAttachment(state, { user, at: now() }, input);
    },
    addV4Task({ asUser = SEED_CREDENTIALS.user.uid, ...input }) {
      const user = state.users.get(asUser);
      const person = v4.people.get(asUser);
      if (user === undefined || person === undefined) throw new EmulatorError(407, `Invalid argument asUser: no user has the uid ${JSON.stringify(asUser)}`);
      return createV4Task({ state: v4, caller: { user, person }, at: now(), selected: new Set() }, input);
    },
    save: () => JSON.stringify({ ...(JSON.parse(saveState(state)) as object), v4: saveV4State(v4) }, null, 2),
  };
}
