/** An OAuth 2.0 session as a transport Authorizer: bearer tokens, a refresh on rejection, the account's host. */
import type { Authorizer } from "../auth.js";
import { abortable } from "../resilience/abortable.js";
import type { OAuth2Session } from "./session.js";

export interface OAuth2Auth {
  kind: "oauth2";
  session: OAuth2Session;
}

export function oauth2Auth(session: OAuth2Session): Authorizer {
  // A token refresh is shared by every call waiting for it: each call's signal ends its own wait only.
  const accessToken = (signal?: AbortSignal) => (signal ? abortable(session.accessToken(), signal) : session.accessToken());
  return {
    authorize: async ({ signal }) => `Bearer ${await accessToken(signal)}`,
    // Credentials rejected (HTTP 401: an expired token) are refreshed once for every call that saw the
    // same token rejected (single flight in the session), and the request is sent once more.
    async send(send, resendable) {
      const [response, header] = await send();
      if (!resendable || response.status !== 401) return response;
      await response.body?.cancel();
      await session.refresh(header.replace(/^Bearer /, ""));
      return (await send())[0];
    },
    host: async (signal) => (await accessToken(signal), session.host()),
  };
}
