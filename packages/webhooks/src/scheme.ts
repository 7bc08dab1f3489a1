/**
 * How Wrike signs webhook requests, as data. Everything in this package that signs or verifies reads one object
 * of this shape, `wrikeWebhookScheme`, generated from spec/v4/api.yaml `webhooks.signing` (src/v4/generated/events.ts),
 * so a correction is one line of the spec.
 *
 * As publicly described (not confirmed from Wrike's primary page): with a secret, Wrike first sends a verification
 * request carrying a value in `X-Hook-Secret` and expects the answer's `X-Hook-Secret` to be HMAC-SHA256(secret,
 * that value) in hex; every event request then carries `X-Hook-Secret` = HMAC-SHA256(secret, raw body) in hex.
 */
export interface WebhookSigningScheme {
  /** The request header carrying an event request's signature. */
  readonly header: string;
  /** The WebCrypto HMAC hash. */
  readonly hash: "SHA-256" | "SHA-384" | "SHA-512";
  /** How the MAC is written in the header. */
  readonly encoding: "hex";
  /** What an event request's MAC covers: the request body's bytes exactly as received. */
  readonly signed: "raw-body";
  readonly handshake: {
    /** The handshake request's header carrying the value to sign. */
    readonly requestHeader: string;
    /** The answer's header carrying HMAC(secret, that value), in `encoding`. */
    readonly answerHeader: string;
    /** The handshake body is a JSON object whose `field` equals `value` (events are a JSON array). */
    readonly field: string;
    readonly value: string;
  };
  /** How sure the spec is of the scheme. */
  readonly status: "confirmed" | "publiclyDescribedUnconfirmed";
}
