/** An OAuth 2.0 session as a transport Authorizer: bearer tokens, a refresh on rejection, the account's host. */
import type { Authorizer } from "../auth.js";
import type { OAuth2Session } from "./session.js";

export interface OAuth2Auth {
  kind: "oauth2";
  session: OAuth2Session;
}

export function oauth2Auth(session: OAuth2Session): Authorizer {
  return {
    authorize: async () => `Bearer ${await session.accessToken()}`,
    // Credentials rejected (HTTP 401: an expired token) are refreshed once for every call that saw the
    // same token rejected (single flight in the session), and the request is sent once more.
    async send(send, resendable) {
      const [response, header] = await send();
      if (!resendable || response.status !== 401) return response;
      await response.body?.cancel();
      await session.refresh(header.replace(/^Bearer /, ""));
      return (await send())[0];
    },
    host: async () => (await session.accessToken(), session.host()),
  };
}
