/**
 * OAuth 1.0a checks for every endpoint: core's verifySignature against the emulator's consumers and
 * tokens, the ±600 s timestamp window on the emulator's clock, and nonces remembered per consumer,
 * token and timestamp.
 */
import { oauth1Endpoints } from "@wrikekit/client/v2";
import { verifySignature, type OAuth1NonceCheck, type OAuth1VerifyResult } from "@wrikekit/core/oauth1";
import type { State } from "../engine/state.js";
import type { HandlerContext } from "./context.js";
import type { IncomingCall } from "./request.js";

const WINDOW_SECONDS = oauth1Endpoints.timestampWindowSeconds;

/** Which token the endpoint expects: none (request_token), a request token (access_token) or an access token. */
export type TokenKind = "none" | "request" | "access";

function tokenSecret(state: State, consumerKey: string, token: string | undefined, kind: TokenKind): string | undefined {
  if (kind === "none") return token === undefined ? "" : undefined;
  if (token === undefined) return undefined;
  const record = kind === "request" ? state.oauth.requestTokens.get(token) : state.oauth.accessTokens.get(token);
  return record?.consumerKey === consumerKey ? record.secret : undefined;
}

/** Remembers a nonce; false when it was used before. Nonces older than the window are forgotten. */
function rememberNonce(state: State, check: OAuth1NonceCheck, nowMs: number): boolean {
  const nowSeconds = nowMs / 1000;
  // Nonces are remembered in arrival order: evict from the oldest and stop at the first one still inside
  // the window, so a request costs O(evicted), not O(remembered). Keeping a few a little longer is harmless.
  for (const [key, timestamp] of state.oauth.nonces) {
    if (Math.abs(nowSeconds - timestamp) <= WINDOW_SECONDS) break;
    state.oauth.nonces.delete(key);
  }
  const key = JSON.stringify([check.consumerKey, check.token ?? "", check.timestamp ?? "", check.nonce]);
  if (state.oauth.nonces.has(key)) return false;
  state.oauth.nonces.set(key, Number(check.timestamp));
  return true;
}

/**
 * Verifies the request's signature. Besides what RFC 5849 requires, the reference asks for
 * oauth_timestamp and oauth_nonce with PLAINTEXT too, so they are required here for both methods.
 */
export async function verifyOAuth(ctx: HandlerContext, request: Request, call: IncomingCall, kind: TokenKind): Promise<OAuth1VerifyResult> {
  const { state } = ctx;
  const result = await verifySignature(
    { method: request.method, url: request.url, authorization: request.headers.get("authorization"), bodyParams: call.formPairs },
    {
      lookupSecrets: ({ consumerKey, token }) => {
        const consumer = state.oauth.consumers.get(consumerKey);
        const secret = consumer === undefined ? undefined : tokenSecret(state, consumerKey, token, kind);
        return consumer === undefined || secret === undefined ? null : { consumerSecret: consumer.secret, tokenSecret: secret };
      },
      maxTimestampSkewSeconds: WINDOW_SECONDS,
      now: ctx.now,
      checkNonce: (check) => rememberNonce(state, check, ctx.now()),
    },
  );
  if (result.ok && (result.timestamp === undefined || result.nonce === undefined)) {
    return { ok: false, reason: "missing_oauth_param", status: 400, message: "oauth_timestamp and oauth_nonce are required" };
  }
  return result;
}
