/**
 * OAuth 2.0 as Wrike serves it (FAQ, help centre): the consent page approves at once as the seeded user
 * and redirects with a one-time code; the token endpoint exchanges codes and refresh tokens for bearer
 * tokens that last an hour, rotating the refresh token each time, and names the account's host.
 * Clients are the OAuth 1.0a consumers: client_id is the consumer key, client_secret its secret.
 */
import { checkRedirectUri } from "@wrikekit/core";
import { SEED_CREDENTIALS } from "../engine/seed.js";
import type { HandlerContext } from "./context.js";
import { textResponse } from "./respond.js";
import { randomHex } from "./tokens.js";

const ACCESS_TOKEN_TTL_S = 3600;
const CODE_TTL_MS = 10 * 60_000;

function tokenError(status: number, error: string, description: string): Response {
  return Response.json({ error, error_description: description }, { status, headers: { "cache-control": "no-store" } });
}

export async function oauth2Authorize(ctx: HandlerContext, request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const clientId = params.get("client_id") ?? "";
  if (!ctx.state.oauth.consumers.has(clientId)) return textResponse(400, "Unknown client_id.");
  if (params.get("response_type") !== "code") return textResponse(400, "response_type must be code.");
  const redirectUri = params.get("redirect_uri") ?? undefined;
  if (redirectUri === undefined) return textResponse(400, "redirect_uri is required by this emulator (no registered default).");
  try {
    checkRedirectUri(redirectUri);
  } catch (e) {
    return textResponse(400, (e as Error).message);
  }
  const code = randomHex(16);
  ctx.state.oauth.authorizationCodes.set(code, { code, clientId, uid: SEED_CREDENTIALS.user.uid, redirectUri, expiresAt: ctx.now() + CODE_TTL_MS });
  const target = new URL(redirectUri);
  target.searchParams.set("code", code);
  const state = params.get("state");
  if (state !== null) target.searchParams.set("state", state);
  return new Response(null, { status: 302, headers: { location: target.href } });
}

export async function oauth2Token(ctx: HandlerContext, request: Request): Promise<Response> {
  if (request.method !== "POST") return tokenError(405, "invalid_request", "use POST");
  const form = new URLSearchParams(await request.text());
  const consumer = ctx.state.oauth.consumers.get(form.get("client_id") ?? "");
  if (consumer === undefined || consumer.secret !== form.get("client_secret")) return tokenError(401, "invalid_client", "unknown client or wrong secret");
  const { oauth } = ctx.state;
  let uid: string;
  switch (form.get("grant_type")) {
    case "authorization_code": {
      const code = oauth.authorizationCodes.get(form.get("code") ?? "");
      if (code === undefined || code.clientId !== consumer.key || code.expiresAt <= ctx.now()) return tokenError(400, "invalid_grant", "unknown, used or expired code");
      if (code.redirectUri !== undefined && form.get("redirect_uri") !== null && form.get("redirect_uri") !== code.redirectUri)
        return tokenError(400, "invalid_grant", "redirect_uri differs from the authorisation request");
      oauth.authorizationCodes.delete(code.code);
      uid = code.uid;
      break;
    }
    case "refresh_token": {
      const refresh = oauth.refreshTokens.get(form.get("refresh_token") ?? "");
      if (refresh === undefined || refresh.clientId !== consumer.key) return tokenError(400, "invalid_grant", "unknown or already used refresh token");
      oauth.refreshTokens.delete(refresh.token);
      uid = refresh.uid;
      break;
    }
    default:
      return tokenError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
  }
  const accessToken = randomHex(20);
  const refreshToken = randomHex(20);
  oauth.bearerTokens.set(accessToken, { token: accessToken, uid, clientId: consumer.key, expiresAt: ctx.now() + ACCESS_TOKEN_TTL_S * 1000 });
  oauth.refreshTokens.set(refreshToken, { token: refreshToken, uid, clientId: consumer.key });
  return Response.json(
    { access_token: accessToken, refresh_token: refreshToken, token_type: "bearer", expires_in: ACCESS_TOKEN_TTL_S, host: new URL(request.url).host },
    { headers: { "cache-control": "no-store" } },
  );
}
