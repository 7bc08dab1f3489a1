/**
 * Error raised by the OAuth 1.0a helpers.
 *
 * Messages are fixed texts that may name a parameter but never carry a
 * parameter value, a URL, a header, a secret or a signing key, so they are
 * safe to log. No `cause` is attached for the same reason.
 */
export type OAuth1ErrorCode =
  | "invalid_argument"
  | "invalid_url"
  | "invalid_string"
  | "invalid_authorization_header"
  | "sync_hmac_unavailable"
  | "hmac_unavailable"
  | "random_unavailable";

export class OAuth1Error extends Error {
  override readonly name = "OAuth1Error";
  readonly code: OAuth1ErrorCode;

  constructor(code: OAuth1ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
