/**
 * How Wrike signs webhook requests, as data. Everything in this package that signs or verifies reads this one
 * object, so a correction is one line here (and, once spec/v4 states the scheme, this constant is replaced by the
 * generated one).
 *
 * Source: the public description gathered in shared/reference/README.md (2026-11), NOT confirmed from Wrike's
 * primary page. With a secret, Wrike first sends a verification request carrying a value in `X-Hook-Secret`
 * and expects the answer's `X-Hook-Secret` to be HMAC-SHA256(secret, that value) in hex; every event request then
 * carries `X-Hook-Secret` = HMAC-SHA256(secret, raw body) in hex.
 */
export interface WebhookSigningScheme {
  /** The request header carrying the signature (and, on the handshake, the value to sign). */
  readonly header: string;
  /** The WebCrypto HMAC hash. */
  readonly hash: "SHA-256" | "SHA-384" | "SHA-512";
  /** How the MAC is written in the header. */
  readonly encoding: "hex";
  /** What an event request's MAC covers: the request body's bytes exactly as received. */
  readonly signed: "raw-body";
  readonly handshake: {
    /** The handshake body is a JSON object whose `field` equals `value` (events are a JSON array). */
    readonly field: string;
    readonly value: string;
    /** The answer's header carrying HMAC(secret, the request header's value), in `encoding`. */
    readonly answerHeader: string;
  };
}

export const wrikeWebhookScheme: WebhookSigningScheme = {
  header: "X-Hook-Secret",
  hash: "SHA-256",
  encoding: "hex",
  signed: "raw-body",
  handshake: { field: "requestType", value: "WebHook secret verification", answerHeader: "X-Hook-Secret" },
};
