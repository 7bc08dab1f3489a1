/** The user an API call is made as: the owner of its verified access token. */
import type { Caller } from "../engine/access.js";
import { EmulatorError } from "../engine/errors.js";
import type { HandlerContext } from "./context.js";
import { verifyOAuth } from "./oauth.js";
import type { IncomingCall } from "./request.js";

/** 402 CREDENTIALS_ERROR unless the request carries a valid OAuth 2.0 bearer token or is signed with a known OAuth 1.0a access token. */
export async function authenticate(ctx: HandlerContext, request: Request, call: IncomingCall): Promise<Caller> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer !== undefined) return { user: bearerUser(ctx, bearer), at: ctx.now() };
  const verdict = await verifyOAuth(ctx, request, call, "access");
  if (!verdict.ok) throw new EmulatorError(402, `Authorization failed: ${verdict.message}.`);
  const user = ctx.state.users.get(ctx.state.oauth.accessTokens.get(verdict.token!)!.uid);
  if (user === undefined) throw new EmulatorError(402, "Authorization failed: the token's user no longer exists.");
  return { user, at: ctx.now() };
}

function bearerUser(ctx: HandlerContext, token: string) {
  const record = ctx.state.oauth.bearerTokens.get(token);
  if (record === undefined) throw new EmulatorError(402, "Authorization failed: unknown bearer token.");
  if (record.expiresAt !== undefined && record.expiresAt <= ctx.now()) throw new EmulatorError(402, "Authorization failed: the access token has expired.");
  const user = ctx.state.users.get(record.uid);
  if (user === undefined) throw new EmulatorError(402, "Authorization failed: the token's user no longer exists.");
  return user;
}
