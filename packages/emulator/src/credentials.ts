/** The credentials to reach an emulator with, read from its state (seeded, or restored from a file). */
import { StateFormatError } from "./engine/persist.js";
import type { Licence, State } from "./engine/state.js";

export interface TokenCredentials {
  uid: string;
  token: string;
  tokenSecret: string;
}

export interface EmulatorCredentials {
  consumerKey: string;
  consumerSecret: string;
  /** An access token of a Collaborator: the seeded regular user. */
  user: TokenCredentials;
  /** An access token of a Viewer: every write answers 405. */
  viewer: TokenCredentials;
  /** An OAuth 2.0 permanent token of the regular user (the v4 owner), for `auth: { kind: "bearer", token }`. */
  permanentToken: string;
  /** Every permanent token (v2 and v4 accept them as Bearer), with its user and scopes (undefined: all). */
  permanentTokens: PermanentToken[];
}

export interface PermanentToken {
  uid: string;
  token: string;
  scopes: string[] | undefined;
}

/** The first consumer, and its first access tokens for a Collaborator and for a Viewer. */
export function credentialsOf(state: State): EmulatorCredentials {
  const consumer = state.oauth.consumers.values().next().value;
  if (consumer === undefined) throw new StateFormatError("the state has no OAuth consumer");
  const tokenOf = (licence: Licence): TokenCredentials => {
    for (const t of state.oauth.accessTokens.values()) {
      if (t.consumerKey === consumer.key && state.users.get(t.uid)?.license === licence) return { uid: t.uid, token: t.token, tokenSecret: t.secret };
    }
    throw new StateFormatError(`the state has no access token of a ${licence} for consumer ${consumer.key}`);
  };
  const permanentTokens = [...state.oauth.bearerTokens.values()].filter((t) => t.expiresAt === undefined && t.clientId === consumer.key);
  const permanent = permanentTokens.find((t) => t.scopes === undefined);
  if (permanent === undefined) throw new StateFormatError(`the state has no permanent token of consumer ${consumer.key} with every scope: start from the seed (no --state file) or add one under oauth.bearerTokens`);
  return {
    consumerKey: consumer.key,
    consumerSecret: consumer.secret,
    user: tokenOf("Collaborator"),
    viewer: tokenOf("Viewer"),
    permanentToken: permanent.token,
    permanentTokens: permanentTokens.map((t) => ({ uid: t.uid, token: t.token, scopes: t.scopes })),
  };
}
