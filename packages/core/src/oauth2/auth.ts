/** An OAuth 2.0 session as a transport Authorizer: bearer tokens, a refresh on rejection, the account's host. */
import type { Authorizer } from "../auth.js";
import type { OAuth2Session } from "./session.js";

export interface OAuth2Auth {
  kind: "oauth2";
  session: OAuth2Session;
}

export function oauth2Auth(session: OAuth2Session): Authorizer {
  return {
    prepare: async () => void (await session.accessToken()),
    authorize: async () => `Bearer ${await session.accessToken()}`,
    // Refreshes once for every call that saw the same token rejected (single flight in the session).
    rejected: async (header) => (await session.refresh(header.replace(/^Bearer /, ""))) !== undefined,
    host: () => session.host(),
  };
}
