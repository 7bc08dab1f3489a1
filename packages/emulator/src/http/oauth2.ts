/**
 * OAuth 2.0 as Wrike serves it (FAQ, help centre): the consent page approves at once as the seeded user
 * (or, without autoApprove, shows a page to pick the account's user) and redirects with a one-time code; the token endpoint exchanges codes and refresh tokens for bearer
 * tokens that last an hour, rotating the refresh token each time, and names the account's host.
 * Clients are the OAuth 1.0a consumers: client_id is the consumer key, client_secret its secret.
 */
import { checkRedirectUri } from "@wrikekit/core";
import { escapeXml } from "@wrikekit/core/server";
import { wrikeV4RestApi } from "@wrikekit/client/server/v4";
import { SEED_CREDENTIALS } from "../engine/seed.js";
import type { HandlerContext } from "./context.js";
import { readCall } from "./request.js";
import { htmlResponse, textResponse } from "./respond.js";
import { randomHex } from "./tokens.js";

const ACCESS_TOKEN_TTL_S = 3600;
const CODE_TTL_MS = 10 * 60_000;

function tokenError(status: number, error: string, description: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error, error_description: description }, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** The v4 authorize endpoint grants scopes (spec/v4 auth.oauth2.scopes); the v2 one grants everything. */
const V4_AUTHORIZE_PATH = "/oauth2/authorize/v4";

/** Requested scopes (space- or comma-separated), Default when none; undefined for the v2 endpoint. */
function requestedScopes(pathname: string, scope: string | null): string[] | string | undefined {
  if (pathname !== V4_AUTHORIZE_PATH) return undefined;
  const scopes = (scope ?? "").split(/[\s,]+/).filter((s) => s !== "");
  const unknown = scopes.find((s) => !wrikeV4RestApi.scopes.includes(s));
  if (unknown !== undefined) return `Unknown scope ${unknown}; known: ${wrikeV4RestApi.scopes.join(", ")}.`;
  return scopes.length > 0 ? scopes : ["Default"];
}

/** Pick the account's user to sign in as: the form posts back here with every parameter and uid. */
function accountPage(pathname: string, params: URLSearchParams, users: Iterable<{ uid: string; firstName: string; lastName: string }>): string {
  const hidden = [...params].filter(([name]) => name !== "uid").map(([name, value]) => `<input type="hidden" name="${escapeXml(name)}" value="${escapeXml(value)}">`).join("");
  const options = [...users].map((u) => `<option value="${escapeXml(u.uid)}">${escapeXml(`${u.firstName} ${u.lastName} (${u.uid})`)}</option>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to Wrike</title></head><body><h1>Sign in to Wrike</h1>
<form method="post" action="${escapeXml(pathname)}">${hidden}<label>Account user <select name="uid">${options}</select></label> <button type="submit">Allow access</button></form></body></html>`;
}

export async function oauth2Authorize(ctx: HandlerContext, request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const { params } = await readCall(request);
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
  const scopes = requestedScopes(pathname, params.get("scope"));
  if (typeof scopes === "string") return textResponse(400, scopes);
  let uid: string = SEED_CREDENTIALS.user.uid;
  if (!ctx.autoApprove) {
    const chosen = request.method === "POST" ? params.get("uid") : null;
    if (chosen === null || !ctx.state.users.has(chosen)) return htmlResponse(200, accountPage(pathname, params, ctx.state.users.values()));
    uid = chosen;
  }
  const code = randomHex(16);
  ctx.state.oauth.authorizationCodes.set(code, { code, clientId, uid, redirectUri, expiresAt: ctx.now() + CODE_TTL_MS, ...(scopes === undefined ? {} : { scopes }) });
  const target = new URL(redirectUri);
  target.searchParams.set("code", code);
  const state = params.get("state");
  if (state !== null) target.searchParams.set("state", state);
  return new Response(null, { status: 302, headers: { location: target.href } });
}

/**
 * The client id and secret of HTTP Basic client authentication (RFC 6749 2.3.1: each form-encoded, then
 * joined by a colon in base64), which token endpoints must accept and independent OAuth clients send by
 * default; undefined when the header cannot be read.
 */
function basicCredentials(authorization: string): { id: string; secret: string } | undefined {
  let decoded: string;
  try {
    decoded = atob(authorization.slice(6).trim());
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const formDecode = (text: string) => new URLSearchParams(`v=${text}`).get("v")!;
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

export async function oauth2Token(ctx: HandlerContext, request: Request): Promise<Response> {
  if (request.method !== "POST") return tokenError(405, "invalid_request", "use POST");
  const form = new URLSearchParams(await request.text());
  const authorization = request.headers.get("authorization");
  const basic = authorization !== null && /^basic /i.test(authorization);
  if (basic && (form.has("client_id") || form.has("client_secret"))) return tokenError(400, "invalid_request", "authenticate the client one way: HTTP Basic or client_id and client_secret in the form");
  const client = basic ? basicCredentials(authorization) : { id: form.get("client_id"), secret: form.get("client_secret") };
  const consumer = ctx.state.oauth.consumers.get(client?.id ?? "");
  // A client that tried HTTP Basic is told the scheme (RFC 6749 5.2).
  if (consumer === undefined || consumer.secret !== client?.secret) return tokenError(401, "invalid_client", "unknown client or wrong secret", basic ? { "www-authenticate": 'Basic realm="wrike-emulator"' } : {});
  const { oauth } = ctx.state;
  let uid: string;
  let scopes: string[] | undefined;
  switch (form.get("grant_type")) {
    case "authorization_code": {
      const code = oauth.authorizationCodes.get(form.get("code") ?? "");
      if (code === undefined || code.clientId !== consumer.key || code.expiresAt <= ctx.now()) return tokenError(400, "invalid_grant", "unknown, used or expired code");
      if (code.redirectUri !== undefined && form.get("redirect_uri") !== null && form.get("redirect_uri") !== code.redirectUri)
        return tokenError(400, "invalid_grant", "redirect_uri differs from the authorisation request");
      oauth.authorizationCodes.delete(code.code);
      uid = code.uid;
      scopes = code.scopes;
      break;
    }
    case "refresh_token": {
      const refresh = oauth.refreshTokens.get(form.get("refresh_token") ?? "");
      if (refresh === undefined || refresh.clientId !== consumer.key) return tokenError(400, "invalid_grant", "unknown or already used refresh token");
      oauth.refreshTokens.delete(refresh.token);
      uid = refresh.uid;
      scopes = refresh.scopes;
      break;
    }
    default:
      return tokenError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
  }
  const accessToken = randomHex(20);
  const refreshToken = randomHex(20);
  const granted = scopes === undefined ? {} : { scopes };
  oauth.bearerTokens.set(accessToken, { token: accessToken, uid, clientId: consumer.key, expiresAt: ctx.now() + ACCESS_TOKEN_TTL_S * 1000, ...granted });
  oauth.refreshTokens.set(refreshToken, { token: refreshToken, uid, clientId: consumer.key, ...granted });
  return Response.json(
    { access_token: accessToken, refresh_token: refreshToken, token_type: "bearer", expires_in: ACCESS_TOKEN_TTL_S, host: new URL(request.url).host, ...(scopes === undefined ? {} : { scope: scopes.join(" ") }) },
    { headers: { "cache-control": "no-store" } },
  );
}
