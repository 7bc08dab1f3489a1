/** The user an API call is made as: the owner of its verified access token. */
import type { Caller } from "../engine/access.js";
import { EmulatorError } from "../engine/errors.js";
import type { HandlerContext } from "./context.js";
import { verifyOAuth } from "./oauth.js";
import type { IncomingCall } from "./request.js";

/** 402 CREDENTIALS_ERROR unless the request is signed with a known access token. */
export async function authenticate(ctx: HandlerContext, request: Request, call: IncomingCall): Promise<Caller> {
  const verdict = await verifyOAuth(ctx, request, call, "access");
  if (!verdict.ok) throw new EmulatorError(402, `Authorization failed: ${verdict.message}.`);
  const user = ctx.state.users.get(ctx.state.oauth.accessTokens.get(verdict.token!)!.uid);
  if (user === undefined) throw new EmulatorError(402, "Authorization failed: the token's user no longer exists.");
  return { user, at: ctx.now() };
}
