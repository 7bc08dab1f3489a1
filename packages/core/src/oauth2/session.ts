/**
 * An OAuth 2.0 session: hands out a valid access token, refreshing it when it is about to expire or was
 * rejected. Refresh tokens may rotate (each refresh returns a new one and retires the old), so refreshes
 * are single-flight: concurrent callers share one, and the rotated token is saved before anyone uses the
 * new access token. A caller whose rejected token was already replaced gets the new one without a refresh.
 * A save that fails keeps the rotated tokens in memory (the old refresh token is retired: refreshing with it
 * again would lock the user out) and is tried again before the next access token is handed out.
 */
import { systemClock, type Clock } from "../resilience/clock.js";
import { createMemoryStore, type Store } from "../store.js";
import { refreshTokens, WrikeAuthError, type OAuth2Client, type TokenSet } from "./tokens.js";
import { redactError } from "../redact.js";

/** Where tokens live between runs. */
export type TokenStore = Store<TokenSet>;

export const createMemoryTokenStore: (initial?: TokenSet) => TokenStore = createMemoryStore;

export interface OAuth2Session {
  /** A valid access token, refreshed first when it expires within the margin. */
  accessToken(): Promise<string>;
  /** Refreshes unless `rejected` was already replaced; returns the current access token. */
  refresh(rejected?: string): Promise<string>;
  /** The account's API host from the latest token response. */
  host(): string | undefined;
}

export interface OAuth2SessionOptions {
  client: OAuth2Client;
  store: TokenStore;
  /** Refresh this long before expiry. Default 60 s. */
  refreshMarginMs?: number;
  clock?: Clock;
}

export function createOAuth2Session(options: OAuth2SessionOptions): OAuth2Session {
  const clock = options.clock ?? systemClock;
  const margin = options.refreshMarginMs ?? 60_000;
  let current: TokenSet | undefined;
  let inFlight: Promise<TokenSet> | undefined;
  /** Rotated tokens the store has not taken yet, and the save of them under way. */
  let unsaved: TokenSet | undefined;
  let saving: Promise<void> | undefined;

  async function tokens(): Promise<TokenSet> {
    if (unsaved) await save(unsaved);
    current ??= await options.store.load();
    if (!current) throw new WrikeAuthError({ message: "no OAuth 2.0 tokens: complete the authorisation flow first", error: "no_tokens" });
    return current;
  }

  function save(next: TokenSet): Promise<void> {
    saving ??= options.store
      .save(next)
      .then(
        () => void (unsaved = unsaved === next ? undefined : unsaved),
        (cause: unknown) => {
          // A store's error may quote what it could not write: the tokens are not repeated (its cause redacted).
          throw redactError(new WrikeAuthError({
            message: "the refreshed OAuth 2.0 tokens could not be saved (TokenStore.save failed): they are kept in memory and saved again on the next call; fix the store",
            error: "store_save_failed",
            cause,
          }), [next.accessToken, next.refreshToken]);
        },
      )
      .finally(() => (saving = undefined));
    return saving;
  }

  function refreshOnce(): Promise<TokenSet> {
    inFlight ??= (async () => {
      try {
        const old = await tokens();
        if (old.refreshToken === undefined) throw new WrikeAuthError({ message: "the access token expired and there is no refresh token", error: "no_refresh_token" });
        const fresh = await refreshTokens(options.client, old.refreshToken, clock.now());
        // Keep the old refresh token when the server does not rotate it, and the host when it is not repeated.
        const next: TokenSet = { ...fresh, refreshToken: fresh.refreshToken ?? old.refreshToken, host: fresh.host ?? old.host };
        current = unsaved = next;
        await save(next);
        return next;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  return {
    async accessToken() {
      if (inFlight) return (await inFlight).accessToken;
      const t = await tokens();
      if (t.expiresAt !== undefined && t.expiresAt - margin <= clock.now()) return (await refreshOnce()).accessToken;
      return t.accessToken;
    },
    async refresh(rejected) {
      if (inFlight) return (await inFlight).accessToken;
      const t = await tokens();
      if (rejected !== undefined && t.accessToken !== rejected) return t.accessToken;
      return (await refreshOnce()).accessToken;
    },
    host: () => current?.host,
  };
}
