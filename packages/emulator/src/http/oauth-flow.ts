/**
 * The three-legged flow: /rest/auth/request_token, /rest/auth/authorize and /rest/auth/access_token.
 * Token endpoints answer form-encoded; refusals use the OAuth problem-reporting parameters.
 */
import { constantTimeEqual, type OAuth1VerifyFailure } from "@wrikekit/core/oauth1";
import { SEED_CREDENTIALS } from "../engine/seed.js";
import type { RequestTokenRecord, State, UserRecord } from "../engine/state.js";
import type { HandlerContext } from "./context.js";
import { verifyOAuth } from "./oauth.js";
import { approvalPage, problemPage, verifierPage } from "./pages.js";
import { readCall } from "./request.js";
import { formResponse, htmlResponse } from "./respond.js";
import { randomAlphanumeric, randomHex } from "./tokens.js";

const PROBLEMS: Record<OAuth1VerifyFailure["reason"], string> = {
  malformed_request: "parameter_rejected",
  no_oauth_params: "parameter_absent",
  oauth_params_in_several_locations: "parameter_rejected",
  duplicate_oauth_param: "parameter_rejected",
  missing_oauth_param: "parameter_absent",
  unsupported_signature_method: "signature_method_rejected",
  unsupported_oauth_version: "version_rejected",
  invalid_timestamp: "parameter_rejected",
  stale_timestamp: "timestamp_refused",
  unknown_credentials: "token_rejected",
  invalid_signature: "signature_invalid",
  nonce_reused: "nonce_used",
};

function problem(status: number, name: string, advice: string): Response {
  return formResponse(status, { oauth_problem: name, oauth_problem_advice: advice });
}

function refusal(failure: OAuth1VerifyFailure): Response {
  return problem(failure.status, PROBLEMS[failure.reason], failure.message);
}

function isCallback(value: string): boolean {
  if (value === "oob") return true;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** Step 1: signed with the consumer key and secret alone. */
export async function requestToken(ctx: HandlerContext, request: Request): Promise<Response> {
  const call = await readCall(request);
  const verdict = await verifyOAuth(ctx, request, call, "none");
  if (!verdict.ok) return refusal(verdict);
  const callback = verdict.callback;
  if (callback === undefined || !isCallback(callback)) {
    return problem(400, "parameter_absent", "oauth_callback must be an http(s) URL, or oob without a browser");
  }
  const record: RequestTokenRecord = {
    token: randomAlphanumeric(7),
    secret: randomHex(20),
    consumerKey: verdict.consumerKey,
    callback,
    createdAt: ctx.now(),
  };
  ctx.state.oauth.requestTokens.set(record.token, record);
  return formResponse(200, { oauth_token: record.token, oauth_token_secret: record.secret, oauth_callback_confirmed: "true" });
}

/** The user auto-approval signs in as: the seeded regular user, else the first Collaborator. */
function defaultApprover(state: State): UserRecord | undefined {
  return state.users.get(SEED_CREDENTIALS.user.uid) ?? [...state.users.values()].find((u) => u.license === "Collaborator");
}

/** Marks the token approved and sends the user back: a redirect, or the verifier page for oob. */
function approve(record: RequestTokenRecord, user: UserRecord): Response {
  record.approvedBy = user.uid;
  record.verifier = randomAlphanumeric(10);
  if (record.callback === "oob") return htmlResponse(200, verifierPage(record.verifier));
  const target = new URL(record.callback);
  target.searchParams.set("oauth_token", record.token);
  target.searchParams.set("oauth_verifier", record.verifier);
  return new Response(null, { status: 302, headers: { location: target.href } });
}

/**
 * Step 2: with autoApprove, approves at once as the default user; otherwise shows a page to pick a
 * user and approve, which POSTs back here with uid.
 */
export async function authorize(ctx: HandlerContext, request: Request): Promise<Response> {
  const { params } = await readCall(request);
  const record = ctx.state.oauth.requestTokens.get(params.get("oauth_token") ?? "");
  if (record === undefined) return htmlResponse(400, problemPage("The request token is unknown, or was already exchanged."));
  const consumerName = ctx.state.oauth.consumers.get(record.consumerKey)?.name ?? record.consumerKey;
  const users = [...ctx.state.users.values()];
  if (ctx.autoApprove) {
    const user = defaultApprover(ctx.state);
    return user === undefined ? htmlResponse(500, problemPage("The emulator has no Collaborator user to approve as.")) : approve(record, user);
  }
  const uid = request.method === "POST" ? params.get("uid") : null;
  if (uid === null) return htmlResponse(200, approvalPage(record.token, consumerName, users));
  const user = ctx.state.users.get(uid);
  return user === undefined ? htmlResponse(400, approvalPage(record.token, consumerName, users, `No user has the uid ${uid}.`)) : approve(record, user);
}

/** Step 3: signed with the approved request token and its secret, carrying the verifier. */
export async function accessToken(ctx: HandlerContext, request: Request): Promise<Response> {
  const call = await readCall(request);
  const verdict = await verifyOAuth(ctx, request, call, "request");
  if (!verdict.ok) return refusal(verdict);
  const { requestTokens, accessTokens } = ctx.state.oauth;
  const record = requestTokens.get(verdict.token!)!;
  if (record.approvedBy === undefined || record.verifier === undefined) return problem(401, "permission_unknown", "the user has not approved this request token yet");
  if (verdict.verifier === undefined || !constantTimeEqual(verdict.verifier, record.verifier)) {
    return problem(401, "verifier_invalid", "oauth_verifier does not match the one given when the user approved");
  }
  requestTokens.delete(record.token);
  const issued = { token: randomAlphanumeric(40), secret: randomHex(20), consumerKey: record.consumerKey, uid: record.approvedBy };
  accessTokens.set(issued.token, issued);
  return formResponse(200, { oauth_token: issued.token, oauth_token_secret: issued.secret });
}
